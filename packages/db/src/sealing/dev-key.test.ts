import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadOrCreateDevKey } from './dev-key';
import { createSealer } from './sealer';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-devkey-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadOrCreateDevKey', () => {
  test('creates a usable 0600 key file once and returns the same key afterwards', () => {
    const target = join(dir, 'nested', 'data');
    const key = loadOrCreateDevKey(target);
    const file = join(target, 'sealing.dev.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
    expect(loadOrCreateDevKey(target)).toBe(key);
    const sealer = createSealer(key);
    expect(sealer.open(sealer.seal('x'))).toBe('x');
  });

  test('tightens a key file readable by others', () => {
    const key = loadOrCreateDevKey(dir, 'k');
    chmodSync(join(dir, 'k'), 0o644);
    expect(loadOrCreateDevKey(dir, 'k')).toBe(key);
    expect(statSync(join(dir, 'k')).mode & 0o777).toBe(0o600);
  });

  test('refuses a file that does not hold a 256-bit key', () => {
    writeFileSync(join(dir, 'bad'), 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => loadOrCreateDevKey(dir, 'bad')).toThrow(/32 bytes/);
  });
});
