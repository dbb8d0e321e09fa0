import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableInput, isInputInstantInRange, isStorableText, MAX_INPUT_DEPTH } from './storable-input';

describe('isStorableText', () => {
  it.each([
    ['NUL', 'a\u0000b', false],
    ['lone high surrogate', 'a\ud83d', false],
    ['lone low surrogate', '\ude00a', false],
    ['reversed pair', '\ude00\ud83d', false],
    ['emoji pair', '火🔥', true],
    ['CJK and controls other than NUL', '消防\t\u0001\u007f', true],
  ])('%s → %s', (_label, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });

  it('agrees with a UTF-8 round trip for any string without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const roundTrips = Buffer.from(s, 'utf8').toString('utf8') === s;
        expect(isStorableText(s)).toBe(roundTrips && !s.includes('\u0000'));
      }),
    );
  });
});

describe('findUnstorableInput', () => {
  it('names the path of the first bad string or key, at any depth', () => {
    expect(findUnstorableInput({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toMatchObject({ path: 'a.1.c', error: { code: 'INPUT.UNSTORABLE_TEXT' } });
    expect(findUnstorableInput({ ['k\u0000']: 1 })?.error.code).toBe('INPUT.UNSTORABLE_TEXT');
    expect(findUnstorableInput({ a: 1, b: null, c: [true, 'fine'] })).toBeNull();
  });

  it('refuses nesting past the limit without recursing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableInput(deep)?.error.code).toBe('INPUT.TOO_DEEP');
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(findUnstorableInput(ok)).toBeNull();
  });
});

describe('isInputInstantInRange', () => {
  it('refuses year 0 and NaN, accepts 1900 to 9999', () => {
    expect(isInputInstantInRange(Date.parse('0000-01-01T00:00:00Z'))).toBe(false);
    expect(isInputInstantInRange(Number.NaN)).toBe(false);
    expect(isInputInstantInRange(Date.parse('1900-01-01T00:00:00Z'))).toBe(true);
    expect(isInputInstantInRange(Date.parse('9999-12-31T23:59:59Z'))).toBe(true);
  });
});
