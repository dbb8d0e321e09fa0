import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { normaliseReceipt, receiptLookupHash } from './receipt-hash';

const pepper = 'a-system-pepper-of-enough-length';

describe('receiptLookupHash', () => {
  test('is HMAC-SHA256 keyed by the pepper (checked against an independent implementation)', () => {
    const expected = bytesToHex(hmac(sha256, utf8ToBytes(pepper), utf8ToBytes('1234567890123456')));
    expect(receiptLookupHash('1234567890123456', pepper)).toBe(expected);
  });

  test('finds the same row however the receipt was written down', () => {
    const h = receiptLookupHash('1234567890123456', pepper);
    expect(receiptLookupHash('1234-5678-9012-3456', pepper)).toBe(h);
    expect(receiptLookupHash(' 1234 5678 9012 3456 ', pepper)).toBe(h);
    expect(normaliseReceipt('ab-cd ef')).toBe('ABCDEF');
  });

  test('depends on the pepper and on every digit', () => {
    const h = receiptLookupHash('1234567890123456', pepper);
    expect(receiptLookupHash('1234567890123456', `${pepper}!`)).not.toBe(h);
    expect(receiptLookupHash('1234567890123457', pepper)).not.toBe(h);
    expect(receiptLookupHash('1234567890123456', new TextEncoder().encode(pepper))).toBe(h);
  });

  test('refuses a short pepper', () => {
    expect(() => receiptLookupHash('1234567890123456', 'short')).toThrow(/at least 16 bytes/);
  });
});
