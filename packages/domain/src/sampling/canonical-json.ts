import { DomainInvariantError } from '../common/errors';

/**
 * Canonical JSON for published draw material: object keys sorted by UTF-16 code
 * units, no whitespace, strings escaped as JSON.stringify does, numbers in the
 * ECMAScript shortest round-trip form. For the values a draw uses (strings,
 * booleans, integers and short decimals) this is byte-identical to RFC 8785
 * (JCS), so anyone can recompute a digest with any JCS library and sha256sum.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new DomainInvariantError('DRAW.NON_CANONICAL', `non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new DomainInvariantError('DRAW.NON_CANONICAL', `cannot encode a ${typeof value} as canonical JSON`);
  }
}

// Strings needing no escaping (no quote, backslash, control character or lone surrogate half).
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify for a string, with a fast path for the plain ids and codes a population holds. */
export function jsonString(s: string): string {
  return PLAIN.test(s) ? `"${s}"` : JSON.stringify(s);
}
