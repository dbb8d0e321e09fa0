import { createHmac } from 'node:crypto';

/**
 * The keyed hash under which a report's receipt is stored (reports.receipt_hash),
 * so the receipt itself never is: HMAC-SHA256(pepper, normalised receipt), hex.
 *
 * Why not Argon2id per row (the usual choice for secrets): a per-row salted hash
 * cannot be looked up. Finding "the report for this receipt" would mean running
 * Argon2id against every row's salt. A keyed hash is deterministic, so the
 * unique index finds the row in one probe, and the pepper, which lives outside
 * the database, is the secret: a stolen database alone cannot be searched for
 * receipts at all. If the pepper leaks too, a 16-digit receipt (10^16 values)
 * becomes guessable offline at HMAC speed; the API may then add an Argon2id
 * verifier stored with the report and checked after the lookup, and it already
 * throttles every lookup against online guessing.
 *
 * Normalisation ignores spaces and dashes and case, so a receipt written down as
 * `1234-5678 9012 3456` still finds its report.
 */
export function receiptLookupHash(receipt: string, pepper: string | Uint8Array): string {
  const key = typeof pepper === 'string' ? Buffer.from(pepper, 'utf8') : pepper;
  if (key.length < 16) throw new Error('receiptLookupHash: the pepper must be at least 16 bytes');
  return createHmac('sha256', key).update(normaliseReceipt(receipt), 'utf8').digest('hex');
}

export function normaliseReceipt(receipt: string): string {
  return receipt.replace(/[\s-]/g, '').toUpperCase();
}
