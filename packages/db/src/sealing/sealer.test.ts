import { describe, expect, test } from 'vitest';
import { isDbError } from '../errors';
import { createSealer, generateSealingKey, sealingKeyId } from './sealer';

const key = generateSealingKey();

function flipCharAt(s: string, index: number): string {
  const c = s[index];
  return s.slice(0, index) + (c === 'A' ? 'B' : 'A') + s.slice(index + 1);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDbError(e) ? e.code : `not a DbError: ${String(e)}`;
  }
  return undefined;
}

describe('createSealer', () => {
  test('round-trips strings and objects with their type', () => {
    const sealer = createSealer(key);
    const identity = { name: '张三', idNumber: '110105199001011234', phone: '13800000000' };
    expect(sealer.open(sealer.seal(identity))).toEqual(identity);
    expect(sealer.open(sealer.seal('13800000000'))).toBe('13800000000');
    expect(sealer.openString(sealer.seal('举报人'))).toBe('举报人');
    expect(codeOf(() => sealer.openString(sealer.seal({ a: 1 })))).toBe('SEAL.NOT_A_STRING');
  });

  test('never leaks the plaintext and uses a fresh IV per value', () => {
    const sealer = createSealer(key);
    const a = sealer.seal('13800000000');
    const b = sealer.seal('13800000000');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13800000000');
    expect(a.split('.')[0]).toBe('fb1');
    expect(a.split('.')[1]).toBe(sealer.keyId);
  });

  test('detects any change to IV, ciphertext or tag', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal({ account: '6222020000000000000' });
    const [format, kid, iv, ct, tag] = sealed.split('.') as [string, string, string, string, string];
    for (const altered of [
      [format, kid, flipCharAt(iv, 3), ct, tag],
      [format, kid, iv, flipCharAt(ct, 5), tag],
      [format, kid, iv, ct, flipCharAt(tag, 2)],
    ]) {
      expect(codeOf(() => sealer.open(altered.join('.')))).toBe('SEAL.TAMPERED');
    }
  });

  test('binds the optional context: a value moved to another row does not open', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('张三', 'reports.sealed_identity:r1');
    expect(sealer.open(sealed, 'reports.sealed_identity:r1')).toBe('张三');
    expect(codeOf(() => sealer.open(sealed, 'reports.sealed_identity:r2'))).toBe('SEAL.TAMPERED');
    expect(codeOf(() => sealer.open(sealed))).toBe('SEAL.TAMPERED');
  });

  test('rotates keys: old values open with a retired key and are flagged for re-sealing', () => {
    const oldKey = generateSealingKey();
    const oldSealer = createSealer(oldKey);
    const sealedOld = oldSealer.seal('旧值');

    const rotated = createSealer(key, { retiredKeys: [oldKey] });
    expect(rotated.keyId).toBe(sealingKeyId(key));
    expect(rotated.open(sealedOld)).toBe('旧值');
    expect(rotated.needsReseal(sealedOld)).toBe(true);
    expect(rotated.needsReseal(rotated.seal('新值'))).toBe(false);

    expect(codeOf(() => createSealer(key).open(sealedOld))).toBe('SEAL.UNKNOWN_KEY');
  });

  test('refuses malformed values and keys of the wrong size', () => {
    const sealer = createSealer(key);
    expect(codeOf(() => sealer.open('not sealed'))).toBe('SEAL.MALFORMED');
    expect(codeOf(() => sealer.open(`fb1.${sealer.keyId}.AAAA.AAAA.AAAA`))).toBe('SEAL.MALFORMED');
    expect(codeOf(() => createSealer(Buffer.alloc(16).toString('base64')))).toBe('SEAL.BAD_KEY');
  });
});
