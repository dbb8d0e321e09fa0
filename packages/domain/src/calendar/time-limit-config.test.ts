import { describe, expect, it } from 'vitest';
import { parseTimeLimitConfig } from './time-limit-config';
import { DEFAULT_TIME_LIMITS } from './time-limits';

describe('parseTimeLimitConfig', () => {
  it('accepts the defaults and every claim-window unit', () => {
    expect(parseTimeLimitConfig(DEFAULT_TIME_LIMITS)).toEqual({ ok: true, value: DEFAULT_TIME_LIMITS });
    for (const claimWindow of [
      { unit: 'days', n: 90 },
      { unit: 'months', n: 3 },
    ]) {
      expect(parseTimeLimitConfig({ ...DEFAULT_TIME_LIMITS, claimWindow }).ok).toBe(true);
    }
  });

  it('allows no expert extension but no zero or fractional working-day limits', () => {
    expect(parseTimeLimitConfig({ ...DEFAULT_TIME_LIMITS, majorExpertExtraWorkingDays: 0 }).ok).toBe(true);
    for (const bad of [
      { verificationWorkingDays: 0 },
      { replyWorkingDays: 2.5 },
      { urgentVerificationHours: -24 },
      { claimWindow: { unit: 'weeks', n: 4 } },
      { claimWindow: { unit: 'days', n: 0 } },
      { sealingMaxMonths: undefined },
    ]) {
      const r = parseTimeLimitConfig({ ...DEFAULT_TIME_LIMITS, ...bad });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('CALENDAR.INVALID_TIME_LIMITS');
        expect(Array.isArray(r.error.details?.issues)).toBe(true);
      }
    }
  });
});
