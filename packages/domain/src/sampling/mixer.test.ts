import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmix32, hashId, hashIdLanes, seedWords, uniform53 } from './mixer';

// The published description of fb-mix-1 (mixer.ts), implemented independently with
// BigInt modular arithmetic: if the code and the description ever disagree, the
// public could not reproduce a draw.
const M32 = (1n << 32n) - 1n;
const mul = (a: bigint, b: bigint) => (a * b) & M32;
const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (32n - r))) & M32;
function refFmix(h0: bigint): bigint {
  let h = h0 & M32;
  h ^= h >> 16n;
  h = mul(h, 0x85ebca6bn);
  h ^= h >> 13n;
  h = mul(h, 0xc2b2ae35n);
  h ^= h >> 16n;
  return h;
}
function refHashId(id: string, key: number): bigint {
  let h = BigInt(key >>> 0);
  for (let i = 0; i < id.length; i++) {
    let k = mul(BigInt(id.charCodeAt(i)), 0xcc9e2d51n);
    k = rotl(k, 15n);
    k = mul(k, 0x1b873593n);
    h ^= k;
    h = rotl(h, 13n);
    h = (mul(h, 5n) + 0xe6546b64n) & M32;
  }
  return refFmix(h ^ BigInt(id.length));
}
function refUniform53(a: number, b: number, t0: number, t1: number, i: number): bigint {
  const n = BigInt(i + 1);
  const hi = refFmix(((BigInt((a ^ t0) >>> 0) + mul(n, 0x9e3779b9n)) & M32));
  const lo = refFmix(((BigInt((b ^ t1) >>> 0) + mul(n, 0x7f4a7c15n)) & M32)) >> 11n;
  return hi * (1n << 21n) + lo;
}

const u32 = fc.integer({ min: 0, max: 0xffffffff });

describe('fb-mix-1', () => {
  it('fmix32 matches the description', () => {
    fc.assert(
      fc.property(u32, (x) => {
        expect(BigInt(fmix32(x))).toBe(refFmix(BigInt(x)));
      }),
    );
  });

  it('hashId matches the description for any id, including non-ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), u32, (id, key) => {
        expect(BigInt(hashId(id, key))).toBe(refHashId(id, key));
      }),
    );
  });

  it('uniform53 matches the description and stays in [0, 2^53)', () => {
    fc.assert(
      fc.property(u32, u32, u32, u32, fc.nat(200), (a, b, t0, t1, i) => {
        const v = uniform53(a, b, t0, t1, i);
        expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        expect(BigInt(v)).toBe(refUniform53(a, b, t0, t1, i));
      }),
    );
  });

  it('reads the seed as big-endian 32-bit words', () => {
    const seed = new Uint8Array(32).map((_, i) => i);
    expect(seedWords(seed)[0]).toBe(0x00010203);
    expect(seedWords(seed)[7]).toBe(0x1c1d1e1f);
  });

  it('spreads consecutive ids evenly over 16 buckets (chi-square, 15 degrees of freedom)', () => {
    const buckets = new Array<number>(16).fill(0);
    const n = 16_000;
    for (let i = 0; i < n; i++) {
      const a = hashId(`unit-${i}`, 0x1234);
      const b = hashId(`unit-${i}`, 0x5678);
      buckets[Math.floor(uniform53(a, b, 7, 11, 0) / 2 ** 49)]! += 1;
    }
    const expected = n / 16;
    const chi2 = buckets.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 99.99th percentile of chi-square with 15 degrees of freedom is about 44.3.
    expect(chi2).toBeLessThan(44.3);
  });
});

describe('hashIdLanes', () => {
  it('computes exactly hashId(id, k0) and hashId(id, k1)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), u32, u32, (id, k0, k1) => {
        const a = new Uint32Array(3);
        const b = new Uint32Array(3);
        hashIdLanes(id, k0, k1, a, b, 1);
        expect([a[1], b[1]]).toEqual([hashId(id, k0), hashId(id, k1)]);
      }),
    );
  });
});
