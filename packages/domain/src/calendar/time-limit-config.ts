import { z } from 'zod';
import { err, ok, type Result } from '../common/errors';
import type { TimeLimitConfig } from './time-limits';
import { MAX_CALENDAR_DAYS, MAX_WORKING_DAYS } from './working-calendar';

const workingDays = z.number().int().min(1).max(MAX_WORKING_DAYS);
const hours = z.number().int().min(1).max(24 * 30);

export const timeLimitConfigSchema = z.object({
  urgentVerificationHours: hours,
  verificationWorkingDays: workingDays,
  replyWorkingDays: workingDays,
  correctionNoticeWorkingDays: workingDays,
  reinspectionWorkingDays: workingDays,
  majorOpinionWorkingDays: workingDays,
  majorNoticeWorkingDays: workingDays,
  // Zero is meaningful here: a province that grants experts no extra time.
  majorExpertExtraWorkingDays: z.number().int().min(0).max(MAX_WORKING_DAYS),
  sealingDecisionWorkingDays: workingDays,
  emergencySealingDecisionHours: hours,
  sealingMaxMonths: z.number().int().min(1).max(12),
  referralAckWorkingDays: workingDays,
  referralReplyWorkingDays: workingDays,
  policeTransferWorkingDays: workingDays,
  claimWindow: z.discriminatedUnion('unit', [
    z.object({ unit: z.literal('working_days'), n: workingDays }),
    z.object({ unit: z.literal('days'), n: z.number().int().min(1).max(MAX_CALENDAR_DAYS) }),
    z.object({ unit: z.literal('months'), n: z.number().int().min(1).max(120) }),
  ]),
});

/**
 * Validates an admin's time-limit configuration before it is saved, so the
 * calendar never meets a zero or fractional count at transition time.
 * Code: CALENDAR.INVALID_TIME_LIMITS with the flattened zod issues.
 */
export function parseTimeLimitConfig(input: unknown): Result<TimeLimitConfig> {
  const parsed = timeLimitConfigSchema.safeParse(input);
  if (!parsed.success) {
    return err('CALENDAR.INVALID_TIME_LIMITS', 'Invalid time-limit configuration', '时限配置无效', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return ok(parsed.data);
}
