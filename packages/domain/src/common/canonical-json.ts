import { DomainInvariantError } from './errors';

/**
 * Canonical JSON, the one encoder every hash in the system is taken over (the audit chain,
 * inspection record hashes, published draw material): object keys sorted by UTF-16 code units,
 * no whitespace, strings escaped as JSON.stringify does, numbers in the ECMAScript shortest
 * round-trip form, `toJSON` honoured (a Date is its ISO string), undefined properties dropped and
 * undefined array slots written as null, as JSON does. For strings, booleans, integers and short
 * decimals this is byte-identical to RFC 8785 (JCS), so anyone can recompute a digest with any
 * JCS library and sha256sum. A value JSON cannot hold faithfully (NaN, Infinity, bigint, a
 * function, a symbol, undefined on its own) is refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new DomainInvariantError('JSON.NOT_CANONICAL', `non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v: unknown) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const entries = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
      return `{${entries.join(',')}}`;
    }
    default: // bigint, function, symbol, undefined
      throw new DomainInvariantError('JSON.NOT_CANONICAL', `cannot encode a ${typeof value} as canonical JSON`);
  }
}
