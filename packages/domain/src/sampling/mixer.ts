/**
 * fb-mix-1: the keyed integer mixer behind algorithm fb-draw-1.
 *
 * Running sha256 once per unit would cost seconds for a million units, so the
 * sha256 seed keys a fast, documented, non-cryptographic mixer instead (allowed
 * because the seed stays unknown until the public random value is published).
 * Everything is 32-bit integer arithmetic (Math.imul, xor, shifts), so every
 * language and engine reproduces it bit for bit; no floating-point functions
 * (log, pow) are involved, because those may differ in the last bit between
 * engines and would make a public recomputation disagree.
 *
 * Specification (all values unsigned 32-bit, `*` is multiplication mod 2^32):
 *   fmix32(h): h ^= h >>> 16; h *= 0x85ebca6b; h ^= h >>> 13; h *= 0xc2b2ae35; h ^= h >>> 16
 *   hashId(id, key): h = key; for each UTF-16 code unit c of id:
 *       k = c * 0xcc9e2d51; k = rotl(k, 15); k *= 0x1b873593;
 *       h ^= k; h = rotl(h, 13); h = h * 5 + 0xe6546b64
 *     then h ^= length(id) (in code units); return fmix32(h)
 *   unit lanes: a = hashId(id, s[0]), b = hashId(id, s[1]), where s[0..7] are the
 *     32-bit big-endian words of the seed
 *   uniform53(a, b, t0, t1, i) = fmix32((a ^ t0) + (i + 1) * 0x9e3779b9) * 2^21
 *                              + (fmix32((b ^ t1) + (i + 1) * 0x7f4a7c15) >>> 11)
 *     an integer in [0, 2^53), exact in IEEE doubles.
 */

export function fmix32(input: number): number {
  let h = input | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashId(id: string, key: number): number {
  let h = key | 0;
  for (let i = 0; i < id.length; i++) {
    let k = Math.imul(id.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ id.length);
}

/**
 * hashId(id, k0) and hashId(id, k1) in one pass over the id, written to
 * laneA[at] and laneB[at]: the draw hashes a million ids, and reading each
 * string once instead of twice is a measurable share of the draw's time.
 */
export function hashIdLanes(id: string, k0: number, k1: number, laneA: Uint32Array, laneB: Uint32Array, at: number): void {
  let h1 = k0 | 0;
  let h2 = k1 | 0;
  for (let i = 0; i < id.length; i++) {
    let k = Math.imul(id.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= k;
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = (Math.imul(h2, 5) + 0xe6546b64) | 0;
  }
  laneA[at] = fmix32(h1 ^ id.length);
  laneB[at] = fmix32(h2 ^ id.length);
}

const TWO_POW_21 = 2_097_152;

export function uniform53(a: number, b: number, t0: number, t1: number, i: number): number {
  const hi = fmix32(((a ^ t0) + Math.imul(i + 1, 0x9e3779b9)) | 0);
  const lo = fmix32(((b ^ t1) + Math.imul(i + 1, 0x7f4a7c15)) | 0) >>> 11;
  return hi * TWO_POW_21 + lo;
}

/** The eight 32-bit big-endian words of a 32-byte seed. */
export function seedWords(seed: Uint8Array): readonly number[] {
  const words: number[] = [];
  for (let w = 0; w < 8; w++) {
    const o = w * 4;
    words.push((((seed[o] ?? 0) << 24) | ((seed[o + 1] ?? 0) << 16) | ((seed[o + 2] ?? 0) << 8) | (seed[o + 3] ?? 0)) >>> 0);
  }
  return words;
}
