import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_CONFIG } from './china-holidays';
import {
  DEFAULT_TIME_LIMITS,
  correctionNoticeDue,
  majorHazardNoticeDue,
  majorHazardOpinionDue,
  policeTransferDue,
  referralAckDue,
  referralReplyDue,
  reinspectionDue,
  reportVerificationDue,
  reporterReplyDue,
  rewardClaimWindowEnd,
  sealingDecisionDue,
  sealingLatestEnd,
} from './time-limits';
import { createWorkingCalendar } from './working-calendar';

const cn = (local: string) => new Date(`${local}+08:00`);
const endOf = (ymd: string) => cn(`${ymd}T23:59:59.999`);
const cal = createWorkingCalendar(DEFAULT_CALENDAR_CONFIG);

// 2025-09-26 is the Friday before National Day: Saturday rests, Sunday 28th is an
// adjusted working day, 1-8 October are holidays, Saturday 11th is worked.
const FRIDAY_BEFORE_NATIONAL_DAY = cn('2025-09-26T16:00:00');

describe('report verification and reply', () => {
  it('a report on the Friday before National Day is verified within 3 working days, counting the adjusted Sunday', () => {
    const d = reportVerificationDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, 'illegal_storage');
    expect(d.due).toEqual(endOf('2025-09-30'));
    expect(d.basis).toContain('第十七条');
  });

  it('blocked exits and disabled facilities are verified within 24 clock hours, holiday or not', () => {
    for (const category of ['evacuation_blocked', 'facilities_disabled']) {
      const d = reportVerificationDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, category);
      expect(d.due).toEqual(cn('2025-09-27T16:00:00'));
      expect(d.basis).toContain('24小时');
    }
    expect(reportVerificationDue(cal, cn('2025-09-30T23:00:00'), 'evacuation_blocked').due).toEqual(cn('2025-10-01T23:00:00'));
  });

  it('the reply runs 5 working days from handling, across the whole holiday', () => {
    expect(reporterReplyDue(cal, cn('2025-09-30T10:00:00')).due).toEqual(endOf('2025-10-14'));
  });

  it('honours a province that configures shorter limits', () => {
    const cfg = { ...DEFAULT_TIME_LIMITS, verificationWorkingDays: 2, urgentVerificationHours: 12 };
    expect(reportVerificationDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, 'weak_training', cfg).due).toEqual(endOf('2025-09-29'));
    expect(reportVerificationDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, 'evacuation_blocked', cfg).due).toEqual(cn('2025-09-27T04:00:00'));
  });
});

describe('hazard correction and re-inspection', () => {
  it('a notice after an inspection on the eve of Labour Day is due after the five-day break', () => {
    expect(correctionNoticeDue(cal, cn('2025-04-30T15:00:00')).due).toEqual(endOf('2025-05-08'));
  });

  it('a re-inspection after a deadline on the Friday before the Spring Festival counts the adjusted Sunday', () => {
    expect(reinspectionDue(cal, cn('2025-01-24T18:00:00')).due).toEqual(endOf('2025-02-05'));
  });
});

describe('major hazards', () => {
  it('handling opinion: 7 working days, 17 with experts', () => {
    expect(majorHazardOpinionDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, false).due).toEqual(endOf('2025-10-13'));
    expect(majorHazardOpinionDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, true).due).toEqual(endOf('2025-10-27'));
  });

  it('notice: 3 working days from the determination, 13 with experts', () => {
    expect(majorHazardNoticeDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, false).due).toEqual(endOf('2025-09-30'));
    expect(majorHazardNoticeDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, true).due).toEqual(endOf('2025-10-21'));
  });

  it('a province granting no expert extension gets the plain limit', () => {
    const cfg = { ...DEFAULT_TIME_LIMITS, majorExpertExtraWorkingDays: 0 };
    expect(majorHazardNoticeDue(cal, FRIDAY_BEFORE_NATIONAL_DAY, true, cfg).due).toEqual(endOf('2025-09-30'));
  });
});

describe('temporary sealing', () => {
  it('an emergency sealing at 23:00 before a holiday needs its decision within 24 hours, on the holiday', () => {
    const d = sealingDecisionDue(cal, cn('2025-09-30T23:00:00'), true);
    expect(d.due).toEqual(cn('2025-10-01T23:00:00'));
    expect(d.basis).toContain('24小时');
  });

  it('an ordinary sealing decision on the same evening is due on the third working day, an adjusted Saturday', () => {
    expect(sealingDecisionDue(cal, cn('2025-09-30T23:00:00'), false).due).toEqual(endOf('2025-10-11'));
  });

  it('a month-end sealing lasts at most until the last day of the next month', () => {
    expect(sealingLatestEnd(cal, cn('2025-01-31T10:00:00')).due).toEqual(endOf('2025-02-28'));
    expect(sealingLatestEnd(cal, cn('2024-01-31T10:00:00')).due).toEqual(endOf('2024-02-29'));
    expect(sealingLatestEnd(cal, cn('2025-03-31T10:00:00')).due).toEqual(endOf('2025-04-30'));
    expect(sealingLatestEnd(cal, cn('2025-12-31T22:00:00')).due).toEqual(endOf('2026-01-31'));
    // Just after midnight in Beijing (still 30 April in UTC) the China date counts.
    expect(sealingLatestEnd(cal, cn('2025-05-01T00:30:00')).due).toEqual(endOf('2025-06-01'));
  });

  it('a mid-month sealing ends on the corresponding day', () => {
    const d = sealingLatestEnd(cal, cn('2025-06-15T09:00:00'));
    expect(d.due).toEqual(endOf('2025-07-15'));
    expect(d.basis).toContain('一个月');
  });
});

describe('referrals and police transfers', () => {
  it('acknowledgement after a Friday before the Dragon Boat Festival', () => {
    expect(referralAckDue(cal, cn('2025-05-30T11:00:00')).due).toEqual(endOf('2025-06-05'));
  });

  it('reply within 15 working days of acknowledgement', () => {
    expect(referralReplyDue(cal, cn('2025-06-05T11:00:00')).due).toEqual(endOf('2025-06-26'));
  });

  it('a police transfer started on 30 December spans New Year and its adjusted Sunday', () => {
    expect(policeTransferDue(cal, cn('2025-12-30T11:00:00')).due).toEqual(endOf('2026-01-07'));
  });
});

describe('reward claim windows in all three units', () => {
  const notifiedAt = FRIDAY_BEFORE_NATIONAL_DAY;

  it('30 working days (default)', () => {
    expect(rewardClaimWindowEnd(cal, notifiedAt).due).toEqual(endOf('2025-11-13'));
  });

  it('90 calendar days', () => {
    const cfg = { ...DEFAULT_TIME_LIMITS, claimWindow: { unit: 'days', n: 90 } as const };
    expect(rewardClaimWindowEnd(cal, notifiedAt, cfg).due).toEqual(endOf('2025-12-25'));
  });

  it('3 months, clamped at a month end', () => {
    const cfg = { ...DEFAULT_TIME_LIMITS, claimWindow: { unit: 'months', n: 3 } as const };
    expect(rewardClaimWindowEnd(cal, notifiedAt, cfg).due).toEqual(endOf('2025-12-26'));
    expect(rewardClaimWindowEnd(cal, cn('2025-11-30T09:00:00'), cfg).due).toEqual(endOf('2026-02-28'));
  });
});
