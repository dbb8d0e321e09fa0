import { RATIO_SCALE, type DrawParameters, type DrawUnit } from './draw-inputs';
import { hashIdLanes, uniform53 } from './mixer';

export interface DrawStratum {
  readonly category: string;
  readonly jurisdictionId: string;
  readonly ratio: number;
  readonly population: number;
  /** ceil(ratio × population), computed on the ratio in units of 0.01%. */
  readonly drawn: number;
}

export interface StratumDraw {
  readonly stratum: DrawStratum;
  /** Indices into the population's units, in draw order (rank 1 first). */
  readonly unitIndices: readonly number[];
}

export interface UnitSelection {
  readonly strata: readonly StratumDraw[];
  /** Each unit's mixer lanes (mixer.ts), kept so pairing need not hash ids again; 0 for units outside every stratum. */
  readonly laneA: Uint32Array;
  readonly laneB: Uint32Array;
}

/**
 * Weighted sampling without replacement per stratum (category × jurisdiction),
 * Efraimidis–Spirakis style, in exact integer arithmetic.
 *
 * ES gives each unit the key u^(1/w) and takes the k largest. For an integer
 * weight w, u^(1/w) has the same distribution as the largest of w independent
 * uniforms (both have CDF x^w), so the key here is
 *   key(unit) = max over j in [0, w) of uniform53(a, b, s[2], s[3], j)
 * with the unit's lanes a, b from mixer.ts. The k units with the largest keys are
 * drawn; equal keys go to the smaller id. Keys depend only on the seed and the
 * unit's own id, never on list order.
 *
 * A unit's stratum is exactly (category, jurisdictionId). A ratio naming a
 * jurisdiction applies to that stratum; a ratio without one applies to every
 * other jurisdiction of its category. Units of a category without a ratio are
 * not drawn.
 */
export function selectUnits(units: readonly DrawUnit[], params: DrawParameters, words: readonly number[]): UnitSelection {
  interface Rate {
    readonly bp: number;
    readonly ratio: number;
  }
  interface Category {
    any?: Rate;
    readonly rates: Map<string, Rate>;
    /** jurisdictionId → stratum number */
    readonly strata: Map<string, number>;
  }
  const categories = new Map<string, Category>();
  const strataMeta: { category: string; jurisdictionId: string; rate: Rate }[] = [];
  const category = (name: string): Category => {
    let c = categories.get(name);
    if (!c) categories.set(name, (c = { rates: new Map(), strata: new Map() }));
    return c;
  };
  for (const r of params.ratios) {
    const c = category(r.category);
    const rate = { bp: Math.round(r.ratio * RATIO_SCALE), ratio: r.ratio };
    if (r.jurisdictionId === undefined) c.any = rate;
    else c.rates.set(r.jurisdictionId, rate);
  }
  for (const r of params.ratios) {
    if (r.jurisdictionId === undefined) continue;
    const c = category(r.category);
    c.strata.set(r.jurisdictionId, strataMeta.length);
    strataMeta.push({ category: r.category, jurisdictionId: r.jurisdictionId, rate: c.rates.get(r.jurisdictionId)! });
  }

  const [k0 = 0, k1 = 0, t0 = 0, t1 = 0] = words;
  const wP = params.priorityWeights.penalisedLastYear;
  const wR = params.priorityWeights.reported;
  const n = units.length;
  // One sequential pass computes every stratum number and key: each unit is touched once, in memory order.
  const stratumOf = new Int32Array(n).fill(-1);
  const keys = new Float64Array(n);
  const laneA = new Uint32Array(n);
  const laneB = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const c = categories.get(u.category);
    if (!c) continue;
    let s = c.strata.get(u.jurisdictionId);
    if (s === undefined) {
      if (!c.any) continue;
      s = strataMeta.length;
      c.strata.set(u.jurisdictionId, s);
      strataMeta.push({ category: u.category, jurisdictionId: u.jurisdictionId, rate: c.any });
    }
    stratumOf[i] = s;
    hashIdLanes(u.id, k0, k1, laneA, laneB, i);
    const a = laneA[i]!;
    const b = laneB[i]!;
    const w = (u.penalisedLastYear ? wP : 1) * (u.reported ? wR : 1);
    let key = uniform53(a, b, t0, t1, 0);
    for (let t = 1; t < w; t++) {
      const x = uniform53(a, b, t0, t1, t);
      if (x > key) key = x;
    }
    keys[i] = key;
  }

  // Counting sort of unit indices by stratum (stable, so each stratum stays in id order).
  const start = new Int32Array(strataMeta.length + 1);
  for (let i = 0; i < n; i++) if (stratumOf[i]! >= 0) start[stratumOf[i]! + 1]! += 1;
  for (let s = 0; s < strataMeta.length; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, strataMeta.length);
  const members = new Int32Array(start[strataMeta.length]!);
  for (let i = 0; i < n; i++) {
    const s = stratumOf[i]!;
    if (s >= 0) members[fill[s]!++] = i;
  }

  const order = strataMeta
    .map((m, s) => ({ ...m, s }))
    .sort((x, y) => (x.category < y.category ? -1 : x.category > y.category ? 1 : x.jurisdictionId < y.jurisdictionId ? -1 : x.jurisdictionId > y.jurisdictionId ? 1 : 0));
  const strata: StratumDraw[] = [];
  for (const { category: cat, jurisdictionId, rate, s } of order) {
    const from = start[s]!;
    const size = start[s + 1]! - from;
    const k = Math.floor((size * rate.bp + RATIO_SCALE - 1) / RATIO_SCALE);
    const local = new Float64Array(size);
    for (let j = 0; j < size; j++) local[j] = keys[members[from + j]!]!;
    const chosen = topK(local, k);
    // Members are in id order, so the lower position is the smaller id.
    chosen.sort((x, y) => local[y]! - local[x]! || x - y);
    strata.push({
      stratum: { category: cat, jurisdictionId, ratio: rate.ratio, population: size, drawn: chosen.length },
      unitIndices: chosen.map((p) => members[from + p]!),
    });
  }
  return { strata, laneA, laneB };
}

/** Positions of the k largest keys; among keys equal to the k-th largest, the lowest positions. */
function topK(keys: Float64Array, k: number): number[] {
  const n = keys.length;
  const chosen: number[] = [];
  if (k >= n) {
    for (let j = 0; j < n; j++) chosen.push(j);
    return chosen;
  }
  if (k <= 0) return chosen;
  const threshold = keys.slice().sort()[n - k]!;
  for (let j = 0; j < n; j++) if (keys[j]! > threshold) chosen.push(j);
  for (let j = 0; j < n && chosen.length < k; j++) if (keys[j] === threshold) chosen.push(j);
  return chosen;
}
