import { DomainInvariantError } from '../common/errors';

/**
 * Money is integer fen everywhere. Percentages of a fine or of an amount are
 * computed with exact integer arithmetic and ROUNDED DOWN (the agency never pays a
 * fraction of a fen more than the rule allows). Plain `a * p / 100` in floating
 * point can round a value like 29999.999… up to 30000 for large products, so the
 * remainder is taken first and the division is then exact.
 */
export function percentOfFen(amountFen: number, percent: number): number {
  assertFen(amountFen, 'amountFen');
  if (!Number.isInteger(percent) || percent < 0) {
    throw new DomainInvariantError('MONEY.INVALID_PERCENT', `percent must be a non-negative integer, got ${percent}`);
  }
  const product = amountFen * percent;
  if (Number.isSafeInteger(product)) return (product - (product % 100)) / 100;
  return Number((BigInt(amountFen) * BigInt(percent)) / 100n);
}

/** Largest amount the kernel accepts (1,000,000,000 yuan): keeps every product below 2^53. */
export const MAX_FEN = 100_000_000_000;

export function assertFen(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_FEN) {
    throw new DomainInvariantError('MONEY.INVALID_FEN', `${name} must be an integer number of fen in [0, ${MAX_FEN}], got ${value}`);
  }
}

/** '1234.56' — fen shown as yuan with exactly two decimals, no thousands separators (zh-CN usage on receipts). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${yuan}.${rest < 10 ? '0' : ''}${rest}`;
}
