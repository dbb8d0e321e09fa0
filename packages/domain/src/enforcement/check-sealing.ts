import type { WorkingCalendar } from '../common/context';
import { err, ok, type Result } from '../common/errors';
import { DEFAULT_TIME_LIMITS, sealingDecisionDue, sealingLatestEnd, type Deadline, type TimeLimitConfig } from '../calendar/time-limits';

export interface SealingInput {
  /** On-the-spot sealing in an emergency, decided by the head on arrival (当场查封). */
  readonly emergency: boolean;
  /** The inspection: an ordinary sealing decision is due within 3 working days of it. */
  readonly inspectedAt: Date;
  /** Start of the sealing; an emergency decision is due 24 hours after it. */
  readonly sealedAt: Date;
  readonly decisionServedAt: Date | null;
  readonly now: Date;
  readonly plannedEnd: Date;
  /** Whether the hazard is still there: only then may the sealing outlast its month. */
  readonly hazardRemains: boolean;
  readonly extensionReason?: string | null;
}

export interface SealingCheck {
  readonly decisionDue: Deadline;
  readonly latestEnd: Deadline;
  /** True when the planned end passes the one-month limit on the strength of a remaining hazard. */
  readonly extended: boolean;
}

/**
 * Temporary sealing limits (消防监督检查规定 第二十三、二十四条): the decision is
 * served within 3 working days of the inspection, or within 24 hours of an
 * emergency on-the-spot sealing; an ordinary sealing starts only once its decision
 * is served; a sealing lasts at most one month unless the hazard remains, and
 * going past it must say why.
 *
 * Codes: ENFORCEMENT.SEALING_INVALID_PERIOD, ENFORCEMENT.SEALING_WITHOUT_DECISION,
 * ENFORCEMENT.SEALING_DECISION_LATE, ENFORCEMENT.SEALING_TOO_LONG,
 * ENFORCEMENT.SEALING_EXTENSION_REASON_REQUIRED.
 */
export function checkSealing(
  input: SealingInput,
  cal: WorkingCalendar,
  cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): Result<SealingCheck> {
  const t = (d: Date) => d.getTime();
  if (t(input.sealedAt) < t(input.inspectedAt) || t(input.plannedEnd) <= t(input.sealedAt)) {
    return err('ENFORCEMENT.SEALING_INVALID_PERIOD', 'The sealing must start after the inspection and end after it starts', '查封期间无效：应在检查之后开始，且结束时间晚于开始时间', {
      inspectedAt: input.inspectedAt.toISOString(),
      sealedAt: input.sealedAt.toISOString(),
      plannedEnd: input.plannedEnd.toISOString(),
    });
  }

  const decisionDue = sealingDecisionDue(cal, input.emergency ? input.sealedAt : input.inspectedAt, input.emergency, cfg);
  const served = input.decisionServedAt;
  if (!input.emergency && (served === null || t(served) > t(input.sealedAt))) {
    return err(
      'ENFORCEMENT.SEALING_WITHOUT_DECISION',
      'An ordinary sealing starts only after its decision is served; seal on the spot only in an emergency',
      '非紧急情况下，应先送达临时查封决定书再实施查封',
      { sealedAt: input.sealedAt.toISOString(), decisionServedAt: served?.toISOString() ?? null },
    );
  }
  // Not yet served counts as late once `now` has passed the due time.
  if (t(served ?? input.now) > t(decisionDue.due)) {
    return err(
      'ENFORCEMENT.SEALING_DECISION_LATE',
      `The sealing decision was due by ${decisionDue.due.toISOString()}`,
      input.emergency ? '当场查封后未在24小时内送达临时查封决定书' : '未在检查之日起3个工作日内送达临时查封决定书',
      { due: decisionDue.due.toISOString(), basis: decisionDue.basis, servedAt: served?.toISOString() ?? null },
    );
  }

  const latestEnd = sealingLatestEnd(cal, input.sealedAt, cfg);
  if (t(input.plannedEnd) <= t(latestEnd.due)) return ok({ decisionDue, latestEnd, extended: false });
  if (!input.hazardRemains) {
    return err('ENFORCEMENT.SEALING_TOO_LONG', 'A temporary sealing lasts at most one month once the hazard is gone', '临时查封期限不得超过一个月（火灾隐患已消除的，不得延长）', {
      latestEnd: latestEnd.due.toISOString(),
      basis: latestEnd.basis,
    });
  }
  if (!input.extensionReason?.trim()) {
    return err('ENFORCEMENT.SEALING_EXTENSION_REASON_REQUIRED', 'Keeping a sealing beyond one month needs a stated reason', '查封超过一个月的，应当写明火灾隐患未消除的理由', {
      latestEnd: latestEnd.due.toISOString(),
    });
  }
  return ok({ decisionDue, latestEnd, extended: true });
}
