import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  test('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: true, y: null }], c: '中' } })).toBe(
      '{"a":{"c":"中","d":[3,1,{"y":null,"z":true}]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  test('serialises like JSON.stringify for what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: () => 1, c: [undefined], d: new Date('2025-01-02T03:04:05.678Z') })).toBe(
      '{"c":[null],"d":"2025-01-02T03:04:05.678Z"}',
    );
    expect(JSON.parse(canonicalJson({ s: 'quote " and \\ and \n' }))).toEqual({ s: 'quote " and \\ and \n' });
  });

  test('refuses values with no JSON form', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
