import { describe, expect, it } from 'vitest';
import { EnvError, findRepoRoot, loadEnv } from './env';

const ROOT = '/srv/firebreak';

describe('loadEnv', () => {
  it('applies the defaults', () => {
    expect(loadEnv({}, ROOT)).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_URL: undefined,
      FIREBREAK_DATA_DIR: '/srv/firebreak/.data',
      LOG_LEVEL: 'info',
      FIREBREAK_SECRET_KEY: undefined,
    });
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
        FIREBREAK_SECRET_KEY: 'k'.repeat(32),
      },
      ROOT,
    );
    expect(env).toMatchObject({ PORT: 0, HOST: '127.0.0.1', FIREBREAK_DATA_DIR: '/var/lib/firebreak-data', LOG_LEVEL: 'warn' });
    expect(env.DATABASE_URL).toBe('postgres://fb:pw@db:5432/fb');
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ FIREBREAK_SECRET_KEY: 'short-secret' }, 'FIREBREAK_SECRET_KEY'],
  ])('rejects %o naming %s', (source, name) => {
    expect(() => loadEnv(source, ROOT)).toThrow(EnvError);
    expect(() => loadEnv(source, ROOT)).toThrow(name);
  });

  it('never echoes a rejected value', () => {
    try {
      loadEnv({ FIREBREAK_SECRET_KEY: 'hunter2-secret', DATABASE_URL: 'mysql://root:hunter3@db' }, ROOT);
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
      expect(String(error)).not.toContain('hunter3');
    }
  });
});

describe('findRepoRoot', () => {
  it('finds the workspace root from this directory', () => {
    expect(findRepoRoot(import.meta.dirname)).toBe(new URL('../../..', import.meta.url).pathname.replace(/\/$/, ''));
  });
});
