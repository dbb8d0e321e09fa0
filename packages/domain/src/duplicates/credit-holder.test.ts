import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditHolder, type CreditCandidate } from './credit-holder';

const r = (id: string, receivedAt: string, over: Partial<CreditCandidate> = {}): CreditCandidate => ({
  id,
  receivedAt,
  substantiated: true,
  rejected: false,
  ...over,
});

describe('creditHolder', () => {
  it('gives the credit to the earliest substantiated report', () => {
    const reports = [r('b', '2025-07-01T03:00:00Z'), r('a', '2025-07-01T01:00:00Z'), r('c', '2025-07-02T00:00:00Z')];
    expect(creditHolder(reports)?.id).toBe('a');
  });

  it('passes over earlier reports that were rejected or not substantiated', () => {
    const reports = [
      r('rejected', '2025-07-01T00:00:00Z', { rejected: true }),
      r('unfounded', '2025-07-01T00:30:00Z', { substantiated: false }),
      r('valid', '2025-07-01T05:00:00Z'),
    ];
    expect(creditHolder(reports)?.id).toBe('valid');
  });

  it('compares instants, not strings, across time-zone notations', () => {
    const reports = [r('utc', '2025-07-01T01:00:00Z'), r('beijing', '2025-07-01T08:30:00+08:00')];
    expect(creditHolder(reports)?.id).toBe('beijing');
  });

  it('returns null when no report is valid', () => {
    expect(creditHolder([r('x', '2025-07-01T00:00:00Z', { substantiated: false })])).toBeNull();
    expect(creditHolder([])).toBeNull();
  });

  it('returns the same holder whatever the list order, ties going to the smaller id', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        receivedAt: fc.integer({ min: 0, max: 20 }).map((h) => new Date(Date.UTC(2025, 6, 1, h)).toISOString()),
        substantiated: fc.boolean(),
        rejected: fc.boolean(),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (reports) => {
        const holder = creditHolder(reports);
        expect(creditHolder([...reports].reverse())?.id).toBe(holder?.id);
        const valid = reports.filter((x) => x.substantiated && !x.rejected);
        if (!holder) {
          expect(valid).toEqual([]);
          return;
        }
        for (const v of valid) {
          expect(Date.parse(v.receivedAt)).toBeGreaterThanOrEqual(Date.parse(holder.receivedAt));
          if (v.receivedAt === holder.receivedAt) expect(v.id >= holder.id).toBe(true);
        }
      }),
    );
  });
});
