import { describe, expect, it } from 'vitest';
import { EnvError, findRepoRoot, loadEnv } from './env';

const ROOT = '/srv/firebreak';
const KEY = Buffer.alloc(32, 7).toString('base64');

describe('loadEnv', () => {
  it('applies the defaults', () => {
    expect(loadEnv({}, ROOT)).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_URL: undefined,
      FIREBREAK_DATA_DIR: '/srv/firebreak/.data',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      FIREBREAK_SEALING_KEY: undefined,
      FIREBREAK_RECEIPT_PEPPER: undefined,
      FIREBREAK_AUDIT_SEAL_MS: 1000,
      FIREBREAK_COOKIE_SECURE: false,
      FIREBREAK_TRUST_PROXY: undefined,
      FIREBREAK_JOBS: true,
      FIREBREAK_JOBS_INTERVAL_SECONDS: 30,
      FIREBREAK_WHISTLEBLOWER_RETENTION_DAYS: 1095,
    });
  });

  it('reads the job runner and notification channel settings, refusing bad ones without echoing them', () => {
    const env = loadEnv(
      {
        FIREBREAK_JOBS: 'false',
        FIREBREAK_JOBS_INTERVAL_SECONDS: '5',
        FIREBREAK_SMTP_URL: 'smtp://mail.example.test:2525',
        FIREBREAK_WEBHOOK_URL: 'https://gateway.example.test/notify',
        FIREBREAK_WEBHOOK_SECRET: 'x'.repeat(32),
      },
      ROOT,
    );
    expect(env).toMatchObject({ FIREBREAK_JOBS: false, FIREBREAK_JOBS_INTERVAL_SECONDS: 5, FIREBREAK_SMTP_URL: 'smtp://mail.example.test:2525' });
    expect(() => loadEnv({ FIREBREAK_WEBHOOK_SECRET: 'short-secret-value' }, ROOT)).toThrow(/FIREBREAK_WEBHOOK_SECRET: must be at least 32/);
    expect(() => loadEnv({ FIREBREAK_WEBHOOK_SECRET: 'short-secret-value' }, ROOT)).not.toThrow(/short-secret-value/);
    expect(() => loadEnv({ FIREBREAK_SMTP_URL: 'http://mail' }, ROOT)).toThrow(/FIREBREAK_SMTP_URL/);
  });

  it('treats blank values as unset', () => {
    const env = loadEnv({ PORT: '', DATABASE_URL: ' ', LOG_LEVEL: '' }, ROOT);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.LOG_LEVEL).toBe('info');
  });

  it('reads explicit values and resolves the data dir', () => {
    const env = loadEnv(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://fb:pw@db:5432/fb',
        FIREBREAK_DATA_DIR: '/var/lib/firebreak/../firebreak-data',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        FIREBREAK_SEALING_KEY: KEY,
        FIREBREAK_RECEIPT_PEPPER: 'p'.repeat(32),
        FIREBREAK_COOKIE_SECURE: 'true',
        FIREBREAK_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16',
      },
      ROOT,
    );
    expect(env).toMatchObject({
      PORT: 0,
      HOST: '127.0.0.1',
      FIREBREAK_DATA_DIR: '/var/lib/firebreak-data',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      FIREBREAK_SEALING_KEY: KEY,
      FIREBREAK_COOKIE_SECURE: true,
      FIREBREAK_TRUST_PROXY: ['10.0.0.1', '10.1.0.0/16'],
    });
    expect(loadEnv({ FIREBREAK_TRUST_PROXY: '1' }, ROOT).FIREBREAK_TRUST_PROXY).toBe(1);
    expect(loadEnv({ FIREBREAK_AUDIT_SEAL_MS: '0' }, ROOT).FIREBREAK_AUDIT_SEAL_MS).toBe(0);
    expect(env.DATABASE_URL).toBe('postgres://fb:pw@db:5432/fb');
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ FIREBREAK_SEALING_KEY: 'c2hvcnQ=' }, 'FIREBREAK_SEALING_KEY'],
    [{ FIREBREAK_SEALING_KEY: 'not base64 at all, but long enough to be 32 bytes' }, 'FIREBREAK_SEALING_KEY'],
    [{ FIREBREAK_RECEIPT_PEPPER: 'short-pepper' }, 'FIREBREAK_RECEIPT_PEPPER'],
    [{ FIREBREAK_COOKIE_SECURE: 'yes' }, 'FIREBREAK_COOKIE_SECURE'],
    [{ FIREBREAK_AUDIT_SEAL_MS: '-1' }, 'FIREBREAK_AUDIT_SEAL_MS'],
    [{ FIREBREAK_TRUST_PROXY: 'everyone' }, 'FIREBREAK_TRUST_PROXY'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('rejects %o naming %s', (source, name) => {
    expect(() => loadEnv(source, ROOT)).toThrow(EnvError);
    expect(() => loadEnv(source, ROOT)).toThrow(name);
  });

  it('never echoes a rejected value', () => {
    try {
      loadEnv({ FIREBREAK_SEALING_KEY: 'hunter2-secret', FIREBREAK_RECEIPT_PEPPER: 'hunter4', DATABASE_URL: 'mysql://root:hunter3@db' }, ROOT);
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
      expect(String(error)).not.toContain('hunter3');
      expect(String(error)).not.toContain('hunter4');
    }
  });
});

describe('findRepoRoot', () => {
  it('finds the workspace root from this directory', () => {
    expect(findRepoRoot(import.meta.dirname)).toBe(new URL('../../..', import.meta.url).pathname.replace(/\/$/, ''));
  });
});
