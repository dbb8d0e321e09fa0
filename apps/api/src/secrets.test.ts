import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSealer } from '@firebreak/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';
import { DEV_RECEIPT_PEPPER_FILE, DEV_SEALING_KEY_FILE, resolveSecrets } from './secrets';

const KEY = Buffer.alloc(32, 3).toString('base64');
const PEPPER = 'pepper-from-the-environment-0123456789';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveSecrets', () => {
  it('uses the environment when both are set and writes nothing', () => {
    const s = resolveSecrets(loadEnv({ FIREBREAK_DATA_DIR: dir, FIREBREAK_SEALING_KEY: KEY, FIREBREAK_RECEIPT_PEPPER: PEPPER }, '/x'));
    expect(s).toEqual({ sealingKey: KEY, receiptPepper: PEPPER, generated: [] });
    expect(() => statSync(join(dir, DEV_SEALING_KEY_FILE))).toThrow();
  });

  it('generates development values once into the data dir for the embedded database', () => {
    const env = loadEnv({ FIREBREAK_DATA_DIR: dir, NODE_ENV: 'production' }, '/x');
    const first = resolveSecrets(env);
    expect(first.generated).toEqual(['FIREBREAK_SEALING_KEY', 'FIREBREAK_RECEIPT_PEPPER']);
    expect(first.sealingKey).not.toBe(first.receiptPepper);
    expect(readFileSync(join(dir, DEV_SEALING_KEY_FILE), 'utf8').trim()).toBe(first.sealingKey);
    expect(statSync(join(dir, DEV_RECEIPT_PEPPER_FILE)).mode & 0o777).toBe(0o600);
    const again = resolveSecrets(env);
    expect(again.sealingKey).toBe(first.sealingKey);
    expect(again.receiptPepper).toBe(first.receiptPepper);
    const sealer = createSealer(again.sealingKey);
    expect(sealer.open(sealer.seal('x'))).toBe('x');
  });

  it('generates only what is missing', () => {
    const s = resolveSecrets(loadEnv({ FIREBREAK_DATA_DIR: dir, FIREBREAK_SEALING_KEY: KEY }, '/x'));
    expect(s.sealingKey).toBe(KEY);
    expect(s.generated).toEqual(['FIREBREAK_RECEIPT_PEPPER']);
  });

  it('generates them for PostgreSQL outside production', () => {
    const s = resolveSecrets(loadEnv({ FIREBREAK_DATA_DIR: dir, DATABASE_URL: 'postgres://db/fb' }, '/x'));
    expect(s.generated).toHaveLength(2);
  });

  it('refuses to start in production on PostgreSQL without them, naming each', () => {
    const env = loadEnv({ FIREBREAK_DATA_DIR: dir, DATABASE_URL: 'postgres://db/fb', NODE_ENV: 'production', FIREBREAK_SEALING_KEY: KEY }, '/x');
    expect(() => resolveSecrets(env)).toThrow(EnvError);
    expect(() => resolveSecrets(env)).toThrow(/FIREBREAK_RECEIPT_PEPPER: required when NODE_ENV=production/);
    expect(() => resolveSecrets(env)).not.toThrow(/FIREBREAK_SEALING_KEY/);
    expect(() => statSync(join(dir, DEV_RECEIPT_PEPPER_FILE))).toThrow();
  });
});
