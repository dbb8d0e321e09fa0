import type { Effect, EntityKind } from '../common/effects';

/** A pending legal clock as the deadline job reads it (one row of `deadlines`). */
export interface PendingDeadline {
  readonly id: string;
  readonly entity: string;
  readonly entityId: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly basis: string;
  /** The subject's jurisdiction (joined by the query), null when the subject is gone. */
  readonly jurisdictionId: string | null;
}

/**
 * What the deadline job does with one lapsed clock:
 * - `transition`: the lifecycle has a clock-driven command (a lapsed correction escalates the
 *   hazard to overdue; a closed claim window expires the reward); it goes through the same
 *   transition as a person's command, which also marks the clock done;
 * - `raise`: no lifecycle state to move to (verification, reply, notice, re-inspection,
 *   referral, listed supervision, sealing): the clock is marked escalated, an audit line is
 *   written and the supervisor's queue is notified;
 * - `wait`: not lapsed yet.
 */
export type DeadlineDecision =
  | { readonly action: 'wait' }
  | { readonly action: 'transition'; readonly entity: 'hazard'; readonly command: { readonly type: 'escalate'; readonly note: string } }
  | { readonly action: 'transition'; readonly entity: 'reward'; readonly command: { readonly type: 'expire' } }
  | { readonly action: 'raise'; readonly auditAction: string; readonly notify: readonly Effect[]; readonly flag: DeadlineFlag };

/** How a raised clock is labelled for the supervisor: overdue work, or a legal limit exceeded. */
export type DeadlineFlag = 'overdue' | 'limit_exceeded';

/** Who answers for each clock when it lapses: the role whose queue it lands in. */
export const OVERDUE_ESCALATION_ROLE: Readonly<Record<string, string>> = {
  'report.verification': 'fire_supervisor',
  'report.reply': 'fire_supervisor',
  'hazard.correction': 'fire_supervisor',
  'hazard.correction_notice': 'fire_supervisor',
  'hazard.reinspection': 'fire_supervisor',
  'hazard.major_notice': 'fire_supervisor',
  'referral.ack': 'fire_supervisor',
  'referral.reply': 'fire_supervisor',
  'listing.rectification': 'committee_officer',
  'enforcement.sealing_decision': 'fire_supervisor',
  'enforcement.sealing_end': 'fire_supervisor',
  'reward.claim_window': 'reward_officer',
};

/** Clocks that are a legal upper limit on a measure in force (sealing beyond its month), not late work. */
const LIMIT_CLOCKS: readonly string[] = ['enforcement.sealing_end'];

const ENTITIES: readonly string[] = ['report', 'hazard', 'inspection', 'enforcement', 'referral', 'listing', 'reward', 'claim', 'disclosure', 'campaign_task'];

/** The decision for one pending clock at `now`. Pure: the job reads rows and applies what this returns. */
export function decideDeadline(d: PendingDeadline, now: Date): DeadlineDecision {
  const due = Date.parse(d.dueAt);
  if (Number.isNaN(due) || now.getTime() <= due) return { action: 'wait' };
  if (d.entity === 'hazard' && d.kind === 'hazard.correction') {
    return { action: 'transition', entity: 'hazard', command: { type: 'escalate', note: `整改期限已于 ${d.dueAt} 届满（${d.basis}），系统自动督办` } };
  }
  if (d.entity === 'reward' && d.kind === 'reward.claim_window') {
    return { action: 'transition', entity: 'reward', command: { type: 'expire' } };
  }
  return raiseDecision(d);
}

/** The fallback when a clock-driven transition is refused (its subject moved on): raise it instead. */
export function raiseDecision(d: PendingDeadline): Extract<DeadlineDecision, { action: 'raise' }> {
  const flag: DeadlineFlag = LIMIT_CLOCKS.includes(d.kind) ? 'limit_exceeded' : 'overdue';
  const role = OVERDUE_ESCALATION_ROLE[d.kind] ?? 'fire_supervisor';
  const entity = (ENTITIES.includes(d.entity) ? d.entity : 'report') as EntityKind;
  const data = { kind: d.kind, due: d.dueAt, basis: d.basis, flag };
  const notify: Effect[] =
    d.jurisdictionId === null
      ? []
      : [{ type: 'notify', to: { kind: 'role', role, jurisdictionId: d.jurisdictionId }, template: `deadline.${flag}`, entity, entityId: d.entityId, data }];
  return { action: 'raise', auditAction: flag === 'overdue' ? 'deadline_overdue' : 'limit_exceeded', notify, flag };
}
