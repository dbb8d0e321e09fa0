import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainInvariantError } from '../common/errors';
import { canonicalJson, jsonString } from './canonical-json';

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

  it('refuses values that have no canonical form', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(DomainInvariantError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(DomainInvariantError);
  });
});

describe('jsonString', () => {
  it('matches JSON.stringify for any string, including quotes, controls and lone surrogates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a"b', 'c\\d', '\u0001', '\ud800x', '单位-1')), (s) => {
        expect(jsonString(s)).toBe(JSON.stringify(s));
      }),
    );
  });
});
