import type { WorkingCalendar } from '../common/context';
import { addChinaMonths } from './china-date';

/**
 * Every legal time limit of DOMAIN.md §4 in one place. Values marked [U] in the
 * domain brief are local or unconfirmed, so they are configuration with defaults;
 * statutory ones are defaults too, because a province may shorten them.
 */
export interface TimeLimitConfig {
  /** 消防监督检查规定 Art. 17-18: urgent report categories are verified within 24 hours. */
  readonly urgentVerificationHours: number;
  /** Other reports: verified within 3 working days. */
  readonly verificationWorkingDays: number;
  /** Reply to the reporter within N working days after handling [U, local]. */
  readonly replyWorkingDays: number;
  /** Correction notice served within 3 working days of the inspection. */
  readonly correctionNoticeWorkingDays: number;
  /** Re-inspection within 3 working days after the deadline or the unit's application. */
  readonly reinspectionWorkingDays: number;
  /** Major hazard: handling opinion within 7 working days. */
  readonly majorOpinionWorkingDays: number;
  /** Major hazard: notice within 3 working days of the determination. */
  readonly majorNoticeWorkingDays: number;
  /** Extra working days when experts are used. */
  readonly majorExpertExtraWorkingDays: number;
  /** Temporary sealing: decision served within 3 working days. */
  readonly sealingDecisionWorkingDays: number;
  /** Emergency on-the-spot sealing: decision within 24 hours. */
  readonly emergencySealingDecisionHours: number;
  /** Sealing lasts at most 1 calendar month unless the hazard remains. */
  readonly sealingMaxMonths: number;
  /** Referral acknowledgement by the receiving department [U]. */
  readonly referralAckWorkingDays: number;
  /** Referral handling and reply [U]. */
  readonly referralReplyWorkingDays: number;
  /** Police station transfers unapproved venues in writing within 5 working days. */
  readonly policeTransferWorkingDays: number;
  /** Reward claim window: by city, 30 working days, 90 days or 3 months. */
  readonly claimWindow:
    | { readonly unit: 'working_days'; readonly n: number }
    | { readonly unit: 'days'; readonly n: number }
    | { readonly unit: 'months'; readonly n: number };
}

export const DEFAULT_TIME_LIMITS: TimeLimitConfig = {
  urgentVerificationHours: 24,
  verificationWorkingDays: 3,
  replyWorkingDays: 5,
  correctionNoticeWorkingDays: 3,
  reinspectionWorkingDays: 3,
  majorOpinionWorkingDays: 7,
  majorNoticeWorkingDays: 3,
  majorExpertExtraWorkingDays: 10,
  sealingDecisionWorkingDays: 3,
  emergencySealingDecisionHours: 24,
  sealingMaxMonths: 1,
  referralAckWorkingDays: 3,
  referralReplyWorkingDays: 15,
  policeTransferWorkingDays: 5,
  claimWindow: { unit: 'working_days', n: 30 },
};

/** Risk categories whose reports must be verified within 24 hours (blocked/locked exits, shut-off facilities). */
export const URGENT_RISK_CATEGORIES: readonly string[] = ['evacuation_blocked', 'facilities_disabled'];

export interface Deadline {
  readonly due: Date;
  readonly basis: string;
}

export function reportVerificationDue(
  cal: WorkingCalendar,
  receivedAt: Date,
  riskCategory: string,
  cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS,
): Deadline {
  return URGENT_RISK_CATEGORIES.includes(riskCategory)
    ? { due: cal.hoursAfter(receivedAt, cfg.urgentVerificationHours), basis: '消防监督检查规定 第十八条（24小时内核查）' }
    : { due: cal.workingDaysAfter(receivedAt, cfg.verificationWorkingDays), basis: '消防监督检查规定 第十七条（3个工作日内核查）' };
}

export function reporterReplyDue(cal: WorkingCalendar, handledAt: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return { due: cal.workingDaysAfter(handledAt, cfg.replyWorkingDays), basis: '地方举报投诉办理规定（办结后答复）' };
}

export function correctionNoticeDue(cal: WorkingCalendar, inspectedAt: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return { due: cal.workingDaysAfter(inspectedAt, cfg.correctionNoticeWorkingDays), basis: '消防监督检查规定 第二十条（3个工作日内送达责令改正通知书）' };
}

/** `from` is the correction deadline or the unit's application for re-inspection, whichever comes first. */
export function reinspectionDue(cal: WorkingCalendar, from: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return { due: cal.workingDaysAfter(from, cfg.reinspectionWorkingDays), basis: '消防监督检查规定 第二十条（3个工作日内复查）' };
}

export function majorHazardOpinionDue(cal: WorkingCalendar, foundAt: Date, withExperts: boolean, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  const n = cfg.majorOpinionWorkingDays + (withExperts ? cfg.majorExpertExtraWorkingDays : 0);
  return { due: cal.workingDaysAfter(foundAt, n), basis: '消防监督检查规定 第二十一条（7个工作日内提出处理意见；组织专家论证的延长10个工作日）' };
}

export function majorHazardNoticeDue(cal: WorkingCalendar, determinedAt: Date, withExperts: boolean, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  const n = cfg.majorNoticeWorkingDays + (withExperts ? cfg.majorExpertExtraWorkingDays : 0);
  return { due: cal.workingDaysAfter(determinedAt, n), basis: '消防监督检查规定 第二十一条（确定之日起3个工作日内制作重大火灾隐患整改通知书）' };
}

export function sealingDecisionDue(cal: WorkingCalendar, at: Date, emergency: boolean, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return emergency
    ? { due: cal.hoursAfter(at, cfg.emergencySealingDecisionHours), basis: '消防监督检查规定 第二十三条（当场查封后24小时内补办决定）' }
    : { due: cal.workingDaysAfter(at, cfg.sealingDecisionWorkingDays), basis: '消防监督检查规定 第二十三条（3个工作日内制作临时查封决定书）' };
}

/** Latest end of a temporary sealing unless the hazard remains (then it may be extended). */
export function sealingLatestEnd(cal: WorkingCalendar, sealedAt: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return { due: addCalendarMonths(cal, sealedAt, cfg.sealingMaxMonths), basis: '消防监督检查规定 第二十四条（临时查封期限不超过一个月）' };
}

export function referralAckDue(cal: WorkingCalendar, sentAt: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return { due: cal.workingDaysAfter(sentAt, cfg.referralAckWorkingDays), basis: '部门间抄告移送约定（签收时限）' };
}

export function referralReplyDue(cal: WorkingCalendar, ackAt: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return { due: cal.workingDaysAfter(ackAt, cfg.referralReplyWorkingDays), basis: '部门间抄告移送约定（办理反馈时限）' };
}

export function policeTransferDue(cal: WorkingCalendar, foundAt: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  return { due: cal.workingDaysAfter(foundAt, cfg.policeTransferWorkingDays), basis: '公安派出所日常消防监督检查规定（5个工作日内书面移交）' };
}

export function rewardClaimWindowEnd(cal: WorkingCalendar, notifiedAt: Date, cfg: TimeLimitConfig = DEFAULT_TIME_LIMITS): Deadline {
  const w = cfg.claimWindow;
  const due =
    w.unit === 'working_days'
      ? cal.workingDaysAfter(notifiedAt, w.n)
      : w.unit === 'days'
        ? cal.calendarDaysAfter(notifiedAt, w.n)
        : addCalendarMonths(cal, notifiedAt, w.n);
  return { due, basis: '举报奖励办法（领奖期限）' };
}

/** End of the same China-local day-of-month n months later (clamped to month end). */
function addCalendarMonths(cal: WorkingCalendar, from: Date, months: number): Date {
  // calendarDaysAfter(x, 0) gives the end of x's China-local day.
  return cal.calendarDaysAfter(addChinaMonths(from, months), 0);
}
