import { createHmac, randomBytes } from 'node:crypto';

/**
 * Throttling needs to tell clients apart, but the address itself identifies a
 * person (a whistleblower most of all) and must not be stored or logged. A
 * keyed hash with a secret that lives only in this process's memory gives a
 * stable key per client for the life of the process and nothing afterwards:
 * without the secret the hashes cannot be matched back to addresses, even by
 * trying every IPv4 address.
 */
export type ClientKeyer = (address: string) => string;

export function createClientKeyer(secret: Uint8Array = randomBytes(32)): ClientKeyer {
  if (secret.length < 16) throw new Error('createClientKeyer: the secret must be at least 16 bytes');
  const key = Buffer.from(secret);
  return (address) => createHmac('sha256', key).update(address, 'utf8').digest('base64url').slice(0, 32);
}
