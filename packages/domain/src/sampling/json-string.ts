// Strings needing no escaping (no quote, backslash, control character or lone surrogate half).
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify for a string, with a fast path for the plain ids and codes a population holds. */
export function jsonString(s: string): string {
  return PLAIN.test(s) ? `"${s}"` : JSON.stringify(s);
}
