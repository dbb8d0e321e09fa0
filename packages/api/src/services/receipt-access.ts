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

const TOO_MANY = {
  code: 'RECEIPT.TOO_MANY_ATTEMPTS',
  message: 'Too many receipt lookups from this device; wait 10 minutes',
  messageZh: '回执码查询过于频繁，请10分钟后再试',
};

export const RECEIPT_NOT_FOUND = {
  code: 'RECEIPT.NOT_FOUND',
  message: 'No report has this receipt code',
  messageZh: '未找到该回执码对应的举报',
};

/**
 * Every receipt lookup (track, message, reward status, claim) spends from one
 * budget per client, so guessing receipts costs the same whatever the door.
 */
export function takeReceiptAttempt(services: Services, clientKey: string, now: Date): void {
  if (!services.receiptThrottle.take(`receipt:${clientKey}`, now.getTime())) throw new DomainFailure(TOO_MANY);
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
