import { z } from 'zod';
import { findReportByReceiptHash, normaliseReceipt, receiptLookupHash, type Db, type ReceiptReportRow } from '@firebreak/db';
import type { Services } from '../context/services';
import { DomainFailure } from '../application/failure';

/** What the intake services need: the database (or a transaction), the services and the clock. */
export interface IntakeDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: () => Date;
}

/**
 * A receipt as typed by a person: 16 digits, spaces and dashes allowed
 * (`1234-5678 9012 3456`). Anything else cannot match and is refused before
 * any lookup is spent on it.
 */
export const receiptSchema = z
  .string()
  .max(40)
  .transform((s) => normaliseReceipt(s))
  .pipe(z.string().regex(/^\d{16}$/, { message: 'A receipt is 16 digits' }));

/** A well-formed id that belongs to nothing: the decoy the not-found path queries with. */
export const NIL_ID = '00000000-0000-4000-8000-000000000000';

/**
 * One message for a wrong receipt and a throttled lookup, whoever's budget ran out
 * (this client's or everyone's): a guesser cannot tell from the words whether a
 * receipt exists or whether they are being slowed down. The codes stay apart for
 * programs (and HTTP says 429 where it must), and a right receipt that is
 * throttled answers exactly as a wrong one that is throttled.
 */
export const RECEIPT_REFUSED_MESSAGE = {
  message: 'This receipt code cannot be looked up: check the 16 digits, or try again in 10 minutes',
  messageZh: '无法查询该回执码：请核对16位号码，或10分钟后再试',
} as const;

const TOO_MANY = { code: 'RECEIPT.TOO_MANY_ATTEMPTS', ...RECEIPT_REFUSED_MESSAGE };

export const RECEIPT_NOT_FOUND = { code: 'RECEIPT.NOT_FOUND', ...RECEIPT_REFUSED_MESSAGE };

/**
 * Every receipt lookup (track, message, reward status, claim) spends from one
 * budget per client and one shared by every client, so guessing receipts costs the
 * same whatever the door and however many addresses the guesser holds.
 */
export function takeReceiptAttempt(services: Services, clientKey: string, now: Date): void {
  if (!services.receiptThrottle.take(`receipt:${clientKey}`, now.getTime())) throw new DomainFailure(TOO_MANY);
  // Many clients guessing together (a botnet, one address each) meet a budget they share.
  if (!services.receiptGlobalThrottle.take('receipt:everyone', now.getTime())) throw new DomainFailure(TOO_MANY);
}

/**
 * The report behind a receipt, or null. Callers go on with the same queries
 * against NIL_ID when it is null and throw RECEIPT_NOT_FOUND only at the end,
 * so a wrong receipt is not answered faster than a right one.
 */
export async function lookupReceipt(deps: IntakeDeps, clientKey: string, receipt: string): Promise<ReceiptReportRow | null> {
  takeReceiptAttempt(deps.services, clientKey, deps.clock());
  return findReportByReceiptHash(deps.db, receiptLookupHash(receipt, deps.services.receiptPepper));
}
