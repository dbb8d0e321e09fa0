import type { DrawInspector, DrawParameters, DrawUnit } from './draw-inputs';
import { uniform53 } from './mixer';

/**
 * Inspectors in the order pairs are drawn from: by (regionId, id). Ordering by
 * region first makes "everyone outside the unit's region" one list with a single
 * contiguous gap, so a pick costs O(previous inspectors), not O(inspectors).
 */
export interface InspectorPool {
  readonly order: readonly DrawInspector[];
  readonly regionRange: ReadonlyMap<string, readonly [number, number]>;
  readonly position: ReadonlyMap<string, number>;
}

export function inspectorPool(inspectors: readonly DrawInspector[]): InspectorPool {
  const order = inspectors
    .slice()
    .sort((x, y) => (x.regionId < y.regionId ? -1 : x.regionId > y.regionId ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const regionRange = new Map<string, [number, number]>();
  const position = new Map<string, number>();
  order.forEach((x, i) => {
    position.set(x.id, i);
    const r = regionRange.get(x.regionId);
    if (r) r[1] = i + 1;
    else regionRange.set(x.regionId, [i, i + 1]);
  });
  return { order, regionRange, position };
}

/** Positions in the pool order, or how many inspectors were eligible when fewer than two. */
export type PairAssignment =
  | { readonly ok: true; readonly first: number; readonly second: number }
  | { readonly ok: false; readonly eligible: number };

/**
 * Two distinct inspectors for a drawn unit. The eligible list E is the pool order
 * without the unit's previous inspectors and, when crossRegion, without the
 * inspectors of the unit's own region. With the unit's lanes a, b (mixer.ts,
 * passed in because the key pass already computed them):
 *   first  = E[uniform53(a, b, s[4], s[5], 0) mod |E|]
 *   second = (E without first)[uniform53(a, b, s[4], s[5], 1) mod (|E| - 1)]
 * The modulo bias is below |E| / 2^53, far beneath anything observable.
 */
export function assignPair(
  unit: DrawUnit,
  a: number,
  b: number,
  pool: InspectorPool,
  conflicts: DrawParameters['inspectorConflicts'],
  words: readonly number[],
): PairAssignment {
  const t0 = words[4] ?? 0;
  const t1 = words[5] ?? 0;
  // Excluded positions as flat [start, end) pairs; a unit has a region block and a few previous inspectors.
  const excluded: number[] = [];
  if (conflicts.crossRegion) {
    const own = pool.regionRange.get(unit.regionId);
    if (own) excluded.push(own[0], own[1]);
  }
  if (conflicts.excludePreviousInspector) {
    const prev = unit.previousInspectorIds;
    for (let i = 0; i < prev.length; i++) {
      const p = pool.position.get(prev[i]!);
      if (p !== undefined) excluded.push(p, p + 1);
    }
  }
  const ranges = mergeRanges(excluded);
  let excludedCount = 0;
  for (let i = 0; i < ranges.length; i += 2) excludedCount += ranges[i + 1]! - ranges[i]!;
  const eligible = pool.order.length - excludedCount;
  if (eligible < 2) return { ok: false, eligible };

  const j1 = uniform53(a, b, t0, t1, 0) % eligible;
  let j2 = uniform53(a, b, t0, t1, 1) % (eligible - 1);
  // Index j2 of "E without first" is index j2 + 1 of E from first's index on.
  if (j2 >= j1) j2 += 1;
  return { ok: true, first: nth(j1, ranges), second: nth(j2, ranges) };
}

/** Flat [start, end) pairs sorted by start, overlapping and adjacent ones merged. */
function mergeRanges(flat: number[]): number[] {
  const n = flat.length / 2;
  if (n <= 1) return flat;
  // Insertion sort: there are only a handful of ranges.
  for (let i = 1; i < n; i++) {
    const s = flat[2 * i]!;
    const e = flat[2 * i + 1]!;
    let j = i - 1;
    while (j >= 0 && flat[2 * j]! > s) {
      flat[2 * j + 2] = flat[2 * j]!;
      flat[2 * j + 3] = flat[2 * j + 1]!;
      j--;
    }
    flat[2 * j + 2] = s;
    flat[2 * j + 3] = e;
  }
  const out: number[] = [flat[0]!, flat[1]!];
  for (let i = 2; i < flat.length; i += 2) {
    const last = out.length - 1;
    if (flat[i]! <= out[last]!) out[last] = Math.max(out[last]!, flat[i + 1]!);
    else out.push(flat[i]!, flat[i + 1]!);
  }
  return out;
}

/** Position of the j-th (0-based) position not covered by the excluded ranges. */
function nth(j: number, ranges: readonly number[]): number {
  let pos = j;
  for (let i = 0; i < ranges.length; i += 2) {
    if (pos >= ranges[i]!) pos += ranges[i + 1]! - ranges[i]!;
    else break;
  }
  return pos;
}
