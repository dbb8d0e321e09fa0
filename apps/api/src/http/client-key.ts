import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Throttling needs to tell clients apart, but the address itself identifies a
 * person (a whistleblower most of all) and must not be stored or logged. A
 * keyed hash with a secret that lives only in this process's memory gives a
 * stable key per client for the life of the process and nothing afterwards:
 * without the secret the hashes cannot be matched back to addresses, even by
 * trying every IPv4 address.
 *
 * The hash is of the client's network, not its full address: one IPv6
 * customer is handed a whole /64 (2^64 addresses), so keying on the full
 * address would let one person reset every budget by stepping through it.
 */
export type ClientKeyer = (address: string) => string;

export function createClientKeyer(secret: Uint8Array = randomBytes(32)): ClientKeyer {
  if (secret.length < 16) throw new Error('createClientKeyer: the secret must be at least 16 bytes');
  const key = Buffer.from(secret);
  return (address) => createHmac('sha256', key).update(clientNetwork(address), 'utf8').digest('base64url').slice(0, 32);
}

/**
 * What one client is, for throttling: an IPv4 address as it is; an IPv6
 * address by its /64 (the smallest block a provider assigns to one customer,
 * RFC 6177); an IPv4-mapped IPv6 address (`::ffff:198.51.100.7`, how a dual-stack
 * socket reports an IPv4 peer) as the IPv4 address it carries. Anything that is
 * not an address (a missing peer) is kept as it is.
 */
export function clientNetwork(address: string): string {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const unzoned = bare.split('%')[0] ?? bare;
  if (isIPv4(unzoned)) return unzoned;
  if (!isIPv6(unzoned)) return address;
  const hextets = expandIPv6(unzoned);
  const mapped = hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = hextets.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${hextets.slice(0, 4).map((h) => h.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, an IPv4 tail folded in). */
function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return groups.map((g) => parseInt(g, 16));
}
