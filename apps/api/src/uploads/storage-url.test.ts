import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../env';
import { parseStorageUrl } from './storage-url';

describe('parseStorageUrl', () => {
  it('reads s3:// as HTTPS and s3+http:// as plain HTTP, path style, with a prefix and region', () => {
    expect(parseStorageUrl('s3://AKID:se%2Fcr%2Bet@oss.example.com/evidence')).toEqual({
      kind: 's3',
      endpoint: 'https://oss.example.com',
      bucket: 'evidence',
      prefix: '',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'se/cr+et',
    });
    expect(parseStorageUrl('s3+http://k:s@10.0.0.5:9000/fb-uploads/prod/a?region=cn-east-1')).toMatchObject({
      endpoint: 'http://10.0.0.5:9000',
      bucket: 'fb-uploads',
      prefix: 'prod/a/',
      region: 'cn-east-1',
    });
  });

  it.each([
    ['https://k:s@host/bucket', /scheme/],
    ['s3://host/bucket', /access key and secret/],
    ['s3://k:s@host/', /bucket/],
    ['s3://k:s@host/Bad_Bucket', /bucket/],
    ['s3://k:s@host/bucket?region=../x', /region/],
    ['not a url', /not a URL/],
  ])('refuses %s with the rule, never the value', (value, rule) => {
    expect(() => parseStorageUrl(value)).toThrow(rule);
  });

  it('is read by loadEnv, which never repeats the secret in its error', () => {
    expect(loadEnv({}, '/repo').FIREBREAK_STORAGE_URL).toBeUndefined();
    expect(loadEnv({ FIREBREAK_STORAGE_URL: ' ' }, '/repo').FIREBREAK_STORAGE_URL).toBeUndefined();
    expect(loadEnv({ FIREBREAK_STORAGE_URL: 's3://k:s@minio:9000/b1b' }, '/repo').FIREBREAK_STORAGE_URL).toMatchObject({ bucket: 'b1b' });
    let error: unknown;
    try {
      loadEnv({ FIREBREAK_STORAGE_URL: 'https://key:TopSecret@host/bucket' }, '/repo');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).message).toMatch(/FIREBREAK_STORAGE_URL: the scheme must be/);
    expect((error as EnvError).message).not.toContain('TopSecret');
  });
});
