import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainInvariantError } from './errors';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 0.1 } })).toBe('{"a":{"c":0.1,"d":[true,null,"x"]},"b":1}');
  });

  it('omits undefined properties as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });

  it('gives equal text for objects built in a different key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(obj);
      }),
    );
  });

  it('writes what JSON writes for dates and undefined array slots', () => {
    expect(canonicalJson({ a: undefined, c: [undefined], d: new Date('2025-01-02T03:04:05.678Z') })).toBe('{"c":[null],"d":"2025-01-02T03:04:05.678Z"}');
    expect(JSON.parse(canonicalJson({ s: 'quote " and \\ and \n' }))).toEqual({ s: 'quote " and \\ and \n' });
  });

  it('keeps the audit chain text of the earlier encoder for nested data', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: '中' } })).toBe('{"a":{"c":"中","d":[3,1,{"y":null,"z":true}]},"b":1}');
  });

  it('refuses values that have no canonical form', () => {
    for (const v of [Number.NaN, Infinity, 10n, undefined, () => 1, Symbol('s')]) expect(() => canonicalJson(v)).toThrow(DomainInvariantError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(DomainInvariantError);
    expect(() => canonicalJson({ n: -Infinity })).toThrow(DomainInvariantError);
  });
});
