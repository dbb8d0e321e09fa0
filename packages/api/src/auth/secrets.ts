import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * A receipt is what an anonymous reporter holds instead of an account: 16 digits
 * from the CSPRNG (about 53 bits), easy to write down, grouped 4-4-4-4 for reading.
 * It is shown once and stored only as a keyed lookup hash.
 */
export function newReceipt(): string {
  let digits = '';
  for (let i = 0; i < 16; i++) digits += String(randomInt(0, 10));
  return digits;
}

export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Session tokens are 256-bit; only their SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
