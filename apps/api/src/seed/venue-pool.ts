import { UNIT_ACCOUNT_VENUES } from './demo-city';
import type { Random } from './random';
import type { SeededOrg } from './seed-org';
import type { SeededVenue } from './seed-venues';

/**
 * Hands each demo story a venue of its district that no other story uses, so a
 * venue's page and ledger tell one story. The unit-account venues are kept out
 * of the pool: their stories are written for them by name.
 */
export interface VenuePool {
  take(district: string): SeededVenue;
  /** The first unused venue of the district that satisfies `accept` (any, when none does). */
  takeWhere(district: string, accept: (v: SeededVenue) => boolean): SeededVenue;
  named(name: string): SeededVenue;
}

export function createVenuePool(venues: readonly SeededVenue[], org: SeededOrg, rng: Random): VenuePool {
  const districtOfGrid = new Map(org.grids.map((g) => [g.gridId, g.district]));
  const reserved = new Set<string>(Object.values(UNIT_ACCOUNT_VENUES));
  const pools = new Map<string, SeededVenue[]>();
  for (const v of venues) {
    if (reserved.has(v.name)) continue;
    const d = districtOfGrid.get(v.jurisdictionId) ?? '';
    pools.set(d, [...(pools.get(d) ?? []), v]);
  }
  const byName = new Map(venues.map((v) => [v.name, v]));
  return {
    take(district) {
      const pool = pools.get(district) ?? [];
      const [v] = pool.splice(rng.int(0, Math.max(0, pool.length - 1)), 1);
      if (!v) throw new Error(`demo seed: no venue left in ${district}`);
      return v;
    },
    takeWhere(district, accept) {
      const pool = pools.get(district) ?? [];
      const i = pool.findIndex(accept);
      if (i < 0) return this.take(district);
      return pool.splice(i, 1)[0]!;
    },
    named(name) {
      const v = byName.get(name);
      if (!v) throw new Error(`demo seed: no venue named ${name}`);
      return v;
    },
  };
}
