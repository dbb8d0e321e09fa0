import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainInvariantError } from '../common/errors';
import { MAX_FEN, formatYuan, percentOfFen } from './money';

describe('percentOfFen', () => {
  it('rounds down to the fen', () => {
    expect(percentOfFen(33_333, 50)).toBe(16_666);
    expect(percentOfFen(199, 15)).toBe(29);
    expect(percentOfFen(0, 50)).toBe(0);
  });

  it('is exact integer arithmetic across the whole range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), fc.integer({ min: 0, max: 100 }), (a, p) => {
        expect(BigInt(percentOfFen(a, p))).toBe((BigInt(a) * BigInt(p)) / 100n);
      }),
    );
  });

  it('refuses fractions and out-of-range amounts', () => {
    expect(() => percentOfFen(1.5, 10)).toThrow(DomainInvariantError);
    expect(() => percentOfFen(MAX_FEN + 1, 10)).toThrow(DomainInvariantError);
    expect(() => percentOfFen(100, 12.5)).toThrow(DomainInvariantError);
  });
});

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123_456)).toBe('1234.56');
    expect(formatYuan(-250)).toBe('-2.50');
  });
});
