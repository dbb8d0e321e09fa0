import { AwsClient } from 'aws4fetch';
import { BlobNotFoundError, BlobStoreError, type BlobStore } from './blob-store';
import type { S3StorageConfig } from './storage-url';

export interface S3BlobStoreOptions {
  /** Per request, so a hung bucket server fails an upload instead of holding it open. */
  readonly timeoutMs?: number;
  /** Retries on 5xx and 429 (aws4fetch's exponential backoff with jitter). */
  readonly retries?: number;
}

/**
 * Objects in one S3-compatible bucket, path-style, signed with SigV4 (payload
 * hash included). Plain PUT/GET/DELETE: nothing bucket-specific beyond that,
 * so MinIO, Ceph and the clouds' S3-compatible endpoints all serve it.
 */
export function createS3BlobStore(config: S3StorageConfig, options: S3BlobStoreOptions = {}): BlobStore {
  const aws = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region,
    retries: options.retries ?? 2,
  });
  const timeoutMs = options.timeoutMs ?? 15_000;
  const urlOf = (key: string) => `${config.endpoint}/${config.bucket}/${config.prefix}${key}`;
  const location = `${config.endpoint.replace(/^http/, 's3+http').replace('s3+https', 's3')}/${config.bucket}/${config.prefix}`;
  const fail = async (what: string, key: string, res: Response): Promise<never> => {
    // S3 error bodies are XML with a <Code>; the message names the operation and code, never the credentials.
    const body = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? 'unknown';
    throw new BlobStoreError(`storage: ${what} ${key} failed with HTTP ${res.status} (${code})`, res.status);
  };
  /** A bucket server that cannot be reached (refused, reset, timed out) is a store failure too. */
  const send = async (method: string, key: string, init: RequestInit): Promise<Response> => {
    try {
      return await aws.fetch(urlOf(key), { ...init, method, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new BlobStoreError(`storage: ${method} ${key} could not reach the bucket server (${cause})`);
    }
  };
  return {
    location,
    async put(key, bytes) {
      const res = await send('PUT', key, {
        body: new Uint8Array(bytes),
        headers: { 'content-type': 'application/octet-stream' },
      });
      if (!res.ok) await fail('PUT', key, res);
      await res.arrayBuffer(); // drain, so the connection goes back to the pool
    },
    async get(key) {
      const res = await send('GET', key, {});
      if (res.status === 404) {
        await res.arrayBuffer();
        throw new BlobNotFoundError(key);
      }
      if (!res.ok) await fail('GET', key, res);
      return Buffer.from(await res.arrayBuffer());
    },
    async remove(key) {
      const res = await send('DELETE', key, {});
      if (!res.ok && res.status !== 404) await fail('DELETE', key, res);
      await res.arrayBuffer();
    },
  };
}
