import { err, ok, type Result } from '../common/errors';
import type { FireLawCitation } from './fine-provisions';

/** A blacklist measure on a unit's record, as far as standing is concerned. */
export interface BlacklistMeasure {
  readonly kind: 'blacklist_entry' | 'blacklist_exit';
  readonly status: string;
  /** When it was decided; null while only proposed. */
  readonly decidedAt: Date | null;
}

export interface BlacklistStanding {
  /** On the list now: the last decided blacklist measure is an entry. */
  readonly listed: boolean;
  /** When the entry in force was decided. */
  readonly enteredAt: Date | null;
  /** An entry or exit is proposed and not yet decided (one at a time). */
  readonly pending: 'blacklist_entry' | 'blacklist_exit' | null;
}

const IN_FORCE = new Set(['decided', 'served', 'executed', 'closed']);
const PENDING = new Set(['proposed', 'collective_review']);

/** Whether a unit is on the blacklist, from its blacklist measures (any order). */
export function blacklistStanding(measures: readonly BlacklistMeasure[]): BlacklistStanding {
  const decided = measures.filter((m) => IN_FORCE.has(m.status) && m.decidedAt !== null).sort((a, b) => a.decidedAt!.getTime() - b.decidedAt!.getTime());
  const last = decided.at(-1);
  const pending = measures.find((m) => PENDING.has(m.status))?.kind ?? null;
  return { listed: last?.kind === 'blacklist_entry', enteredAt: last?.kind === 'blacklist_entry' ? last.decidedAt : null, pending };
}

/**
 * What must hold before a blacklist measure is proposed: an entry names its legal basis and the
 * unit is not already listed; an exit is for a listed unit, from its entry date (the window and
 * the correction are then checkBlacklistRemoval's); one proposal at a time. Codes:
 * ENFORCEMENT.BLACKLIST_BASIS_REQUIRED, ENFORCEMENT.BLACKLIST_ALREADY_LISTED,
 * ENFORCEMENT.BLACKLIST_NOT_LISTED, ENFORCEMENT.BLACKLIST_PROPOSAL_PENDING.
 */
export function checkBlacklistProposal(
  kind: 'blacklist_entry' | 'blacklist_exit',
  standing: BlacklistStanding,
  basis: FireLawCitation | undefined,
): Result<{ readonly enteredAt: Date | null }> {
  if (standing.pending !== null) {
    return err('ENFORCEMENT.BLACKLIST_PROPOSAL_PENDING', 'A blacklist proposal for this unit is waiting for its decision', '该单位已有待决定的失信黑名单列入或移出建议', { pending: standing.pending });
  }
  if (kind === 'blacklist_entry') {
    if (standing.listed) return err('ENFORCEMENT.BLACKLIST_ALREADY_LISTED', 'The unit is already on the blacklist', '该单位已列入消防安全失信黑名单');
    if (!basis) return err('ENFORCEMENT.BLACKLIST_BASIS_REQUIRED', 'A blacklist entry cites its legal basis', '列入失信黑名单须注明法律依据');
    return ok({ enteredAt: null });
  }
  if (!standing.listed || standing.enteredAt === null) return err('ENFORCEMENT.BLACKLIST_NOT_LISTED', 'The unit is not on the blacklist', '该单位未列入消防安全失信黑名单');
  return ok({ enteredAt: standing.enteredAt });
}
