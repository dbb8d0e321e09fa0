import { z } from 'zod';
import { DomainInvariantError, err, ok, type Result } from '../common/errors';
import { formatYmd, isWeekend, parseYmd } from './china-date';

/**
 * What an admin configures per year: the rest days the State Council declares
 * (放假) and the weekend days it turns into working days (调休上班). Everything
 * else follows the Monday–Friday week.
 */
export interface CalendarConfig {
  readonly holidays: readonly string[];
  readonly adjustedWorkdays: readonly string[];
}

const ymdSchema = z
  .string()
  .refine((s) => parseYmd(s) !== null, { message: 'expected a real date as YYYY-MM-DD' });

export const calendarConfigSchema = z.object({
  holidays: z.array(ymdSchema),
  adjustedWorkdays: z.array(ymdSchema),
});

/**
 * Validates admin input. Codes: CALENDAR.INVALID_CONFIG (shape or a date that does
 * not exist), CALENDAR.CONFLICTING_DATES (a date both holiday and adjusted working
 * day), CALENDAR.ADJUSTED_WORKDAY_NOT_WEEKEND (调休 only ever moves a Saturday or
 * Sunday, so a weekday there is a typo that would otherwise pass silently).
 * Duplicates are harmless and removed.
 */
export function validateCalendarConfig(input: unknown): Result<CalendarConfig> {
  const parsed = calendarConfigSchema.safeParse(input);
  if (!parsed.success) {
    return err('CALENDAR.INVALID_CONFIG', 'Invalid working calendar configuration', '工作日历配置无效', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const holidays = [...new Set(parsed.data.holidays)].sort();
  const adjustedWorkdays = [...new Set(parsed.data.adjustedWorkdays)].sort();
  const holidaySet = new Set(holidays);
  const conflicting = adjustedWorkdays.filter((d) => holidaySet.has(d));
  if (conflicting.length > 0) {
    return err(
      'CALENDAR.CONFLICTING_DATES',
      `Dates listed both as holiday and as adjusted working day: ${conflicting.join(', ')}`,
      `以下日期同时被设为节假日和调休上班日：${conflicting.join('、')}`,
      { dates: conflicting },
    );
  }
  const weekdays = adjustedWorkdays.filter((d) => !isWeekend(parseYmd(d)!));
  if (weekdays.length > 0) {
    return err(
      'CALENDAR.ADJUSTED_WORKDAY_NOT_WEEKEND',
      `Adjusted working days must fall on a Saturday or Sunday: ${weekdays.join(', ')}`,
      `调休上班日应为周六或周日：${weekdays.join('、')}`,
      { dates: weekdays },
    );
  }
  return ok({ holidays, adjustedWorkdays });
}

/** Merges per-year configurations (e.g. the 2025 and 2026 notices) into one. */
export function mergeCalendarConfigs(configs: readonly CalendarConfig[]): CalendarConfig {
  return {
    holidays: configs.flatMap((c) => c.holidays),
    adjustedWorkdays: configs.flatMap((c) => c.adjustedWorkdays),
  };
}

/**
 * Every date of an inclusive 'YYYY-MM-DD' range, so holiday data reads like the
 * notice ("1月28日至2月4日"). Throws on a malformed range: it is only used in data files.
 */
export function dateRange(first: string, last: string): string[] {
  const a = parseYmd(first);
  const b = parseYmd(last);
  if (a === null || b === null || b < a) {
    throw new DomainInvariantError('CALENDAR.INVALID_RANGE', `invalid date range ${first}..${last}`);
  }
  const out: string[] = [];
  for (let d = a; d <= b; d++) out.push(formatYmd(d));
  return out;
}
