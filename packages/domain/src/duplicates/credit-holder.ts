import { DomainInvariantError } from '../common/errors';

/** A report among those judged to concern the same hazard. */
export interface CreditCandidate {
  readonly id: string;
  /** ISO-8601 instant the report was received (accepted into the system). */
  readonly receivedAt: string;
  readonly substantiated: boolean;
  readonly rejected: boolean;
}

/**
 * Who keeps the credit (and the reward) for a hazard reported more than once:
 * the first valid reporter, i.e. the earliest received report that was
 * substantiated and not rejected. Later duplicates, unfounded and rejected
 * reports never take it over, even if received earlier. Equal instants go to
 * the smaller report id so the outcome never depends on list order.
 * Returns null when no report is valid.
 */
export function creditHolder<T extends CreditCandidate>(reports: readonly T[]): T | null {
  let best: T | null = null;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const r of reports) {
    if (!r.substantiated || r.rejected) continue;
    const at = Date.parse(r.receivedAt);
    if (Number.isNaN(at)) throw new DomainInvariantError('DUPLICATE.INVALID_TIME', `report ${r.id} has an unreadable receivedAt ${r.receivedAt}`);
    if (at < bestAt || (at === bestAt && best !== null && r.id < best.id)) {
      best = r;
      bestAt = at;
    }
  }
  return best;
}
