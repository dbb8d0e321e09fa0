import { describe, expect, it } from 'vitest';
import { dateRange, mergeCalendarConfigs, validateCalendarConfig } from './calendar-config';
import { CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026, DEFAULT_CALENDAR_CONFIG } from './china-holidays';
import { createWorkingCalendar } from './working-calendar';

describe('validateCalendarConfig', () => {
  it('accepts the default 2025-2026 data', () => {
    const r = validateCalendarConfig(DEFAULT_CALENDAR_CONFIG);
    expect(r.ok).toBe(true);
  });

  it('rejects a malformed or impossible date with CALENDAR.INVALID_CONFIG', () => {
    for (const holidays of [['2025-02-30'], ['2025/10/01'], [20251001]]) {
      const r = validateCalendarConfig({ holidays, adjustedWorkdays: [] });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('CALENDAR.INVALID_CONFIG');
        expect(r.error.messageZh).toBeTruthy();
        expect(r.error.details?.issues).toEqual([expect.objectContaining({ path: 'holidays.0' })]);
      }
    }
    const missing = validateCalendarConfig({ holidays: [] });
    expect(missing.ok || missing.error.code).toBe('CALENDAR.INVALID_CONFIG');
  });

  it('rejects a date that is both holiday and adjusted working day', () => {
    const r = validateCalendarConfig({ holidays: ['2025-09-28', '2025-10-01'], adjustedWorkdays: ['2025-09-28'] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CALENDAR.CONFLICTING_DATES');
      expect(r.error.details).toEqual({ dates: ['2025-09-28'] });
    }
  });

  it('rejects an adjusted working day that is already a weekday', () => {
    const r = validateCalendarConfig({ holidays: [], adjustedWorkdays: ['2025-09-29'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CALENDAR.ADJUSTED_WORKDAY_NOT_WEEKEND');
  });

  it('sorts and removes duplicates', () => {
    const r = validateCalendarConfig({ holidays: ['2025-10-02', '2025-10-01', '2025-10-02'], adjustedWorkdays: [] });
    expect(r.ok && r.value.holidays).toEqual(['2025-10-01', '2025-10-02']);
  });

  it('createWorkingCalendar refuses an invalid configuration with the same code', () => {
    expect(() => createWorkingCalendar({ holidays: ['2025-09-28'], adjustedWorkdays: ['2025-09-28'] })).toThrow(
      /CALENDAR\.CONFLICTING_DATES/,
    );
  });
});

describe('default holiday data', () => {
  it('matches the State Council notices in size', () => {
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 rest days, 5 adjusted working days.
    expect(CHINA_HOLIDAYS_2025.holidays).toHaveLength(28);
    expect(CHINA_HOLIDAYS_2025.adjustedWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 rest days, 6 adjusted working days.
    expect(CHINA_HOLIDAYS_2026.holidays).toHaveLength(33);
    expect(CHINA_HOLIDAYS_2026.adjustedWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const y of [CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026]) {
      expect([...y.holidays, ...y.adjustedWorkdays].every((d) => d.startsWith(String(y.year)))).toBe(true);
      expect(validateCalendarConfig(y).ok).toBe(true);
    }
  });

  it('merges years', () => {
    expect(mergeCalendarConfigs([CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026]).holidays).toHaveLength(61);
  });

  it('dateRange lists inclusive ranges across month ends and refuses reversed ones', () => {
    expect(dateRange('2025-01-30', '2025-02-02')).toEqual(['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02']);
    expect(() => dateRange('2025-02-02', '2025-01-30')).toThrow(/CALENDAR\.INVALID_RANGE/);
  });
});
