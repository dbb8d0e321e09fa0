import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonString } from './json-string';

describe('jsonString', () => {
  it('matches JSON.stringify for any string, including quotes, controls and lone surrogates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a"b', 'c\\d', '\u0001', '\ud800x', '单位-1')), (s) => {
        expect(jsonString(s)).toBe(JSON.stringify(s));
      }),
    );
  });
});
