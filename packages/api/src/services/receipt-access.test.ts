import { describe, expect, it } from 'vitest';
import { createSealer, generateSealingKey } from '@firebreak/db';
import { createServices } from '../context/services';
import { DomainFailure } from '../application/failure';
import { RECEIPT_NOT_FOUND, takeReceiptAttempt } from './receipt-access';

const services = (perMinute: number) =>
  createServices({ sealer: createSealer(generateSealingKey()), receiptPepper: 'p'.repeat(32), receiptLookupsPerMinute: perMinute });

function refusal(fn: () => void): DomainFailure | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainFailure) return error;
    throw error;
  }
}

describe('receipt lookups: one budget per client and one for everyone', () => {
  it('refuses the lookup past the shared budget even from a client never seen before', () => {
    const s = services(5);
    const now = new Date('2026-03-02T02:00:00Z');
    for (let i = 0; i < 5; i++) expect(refusal(() => takeReceiptAttempt(s, `client-${i}`, now))).toBeNull();
    const refused = refusal(() => takeReceiptAttempt(s, 'client-new', now));
    expect(refused?.domain.code).toBe('RECEIPT.TOO_MANY_ATTEMPTS');
    // A minute later the shared budget is there again.
    expect(refusal(() => takeReceiptAttempt(s, 'client-new', new Date(now.getTime() + 60_000)))).toBeNull();
  });

  it('words a throttled lookup exactly as a wrong receipt, in both languages', () => {
    const s = services(1);
    const now = new Date('2026-03-02T02:00:00Z');
    takeReceiptAttempt(s, 'a', now);
    const refused = refusal(() => takeReceiptAttempt(s, 'b', now));
    expect(refused?.domain.message).toBe(RECEIPT_NOT_FOUND.message);
    expect(refused?.domain.messageZh).toBe(RECEIPT_NOT_FOUND.messageZh);
  });
});
