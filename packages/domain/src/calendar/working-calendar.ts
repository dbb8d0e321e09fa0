import type { WorkingCalendar } from '../common/context';
import { DomainInvariantError } from '../common/errors';
import { validateCalendarConfig, type CalendarConfig } from './calendar-config';
import {
  assertInstant,
  chinaDayNumber,
  dayFromCivil,
  endOfChinaDay,
  isWeekend,
  parseYmd,
  yearOfDay,
} from './china-date';

/** The kernel interface plus what admin screens need to show the configured calendar. */
export interface ConfiguredWorkingCalendar extends WorkingCalendar {
  /** True when the 'YYYY-MM-DD' date is a working day (throws on a malformed date). */
  isWorkingDate(ymd: string): boolean;
  /** Years that have at least one configured holiday or adjusted working day. */
  readonly configuredYears: readonly number[];
}

/**
 * Upper bound for one computation: about 40 years of working days or 100 years of
 * calendar days. No legal limit comes near it; it keeps a bad configuration value
 * from spinning through millennia.
 */
export const MAX_WORKING_DAYS = 10_000;
export const MAX_CALENDAR_DAYS = 36_600;

interface YearTable {
  readonly year: number;
  readonly start: number; // day number of 1 January
  readonly length: number;
  readonly working: Uint8Array;
  /** prefix[i] = working days among the first i days of the year: n-th working day by binary search. */
  readonly prefix: Uint16Array;
}

/**
 * Builds a calendar from validated data. Throws DomainInvariantError with the
 * validation code when `config` is invalid: configuration is checked once when it
 * is saved (`validateCalendarConfig` returns the coded error for forms), so a bad
 * one reaching here is a programmer error.
 *
 * Throughput matters (every transition computes deadlines), so each year is
 * turned into a working-day bitmap with prefix counts once, and a deadline costs
 * one table lookup per year crossed plus a binary search.
 */
export function createWorkingCalendar(config: CalendarConfig): ConfiguredWorkingCalendar {
  const valid = validateCalendarConfig(config);
  if (!valid.ok) throw new DomainInvariantError(valid.error.code, valid.error.message);

  const overrides = new Map<number, boolean>();
  for (const d of valid.value.holidays) overrides.set(parseYmd(d)!, false);
  for (const d of valid.value.adjustedWorkdays) overrides.set(parseYmd(d)!, true);
  const configuredYears = [...new Set([...overrides.keys()].map(yearOfDay))].sort((a, b) => a - b);

  const tables = new Map<number, YearTable>();
  // Deadlines cluster in the current year: remembering the last table skips the year computation.
  let last: YearTable | undefined;

  function buildYear(year: number): YearTable {
    const start = dayFromCivil(year, 1, 1);
    const length = dayFromCivil(year + 1, 1, 1) - start;
    const working = new Uint8Array(length);
    const prefix = new Uint16Array(length + 1);
    for (let i = 0; i < length; i++) {
      const day = start + i;
      const w = overrides.get(day) ?? !isWeekend(day);
      working[i] = w ? 1 : 0;
      prefix[i + 1] = prefix[i]! + (w ? 1 : 0);
    }
    return { year, start, length, working, prefix };
  }

  function yearTable(year: number): YearTable {
    let t = tables.get(year);
    if (!t) {
      t = buildYear(year);
      tables.set(year, t);
    }
    return t;
  }

  function tableForDay(day: number): YearTable {
    if (last && day >= last.start && day < last.start + last.length) return last;
    last = yearTable(yearOfDay(day));
    return last;
  }

  for (const y of configuredYears) yearTable(y);

  function isWorkingDayNumber(day: number): boolean {
    const t = tableForDay(day);
    return t.working[day - t.start] === 1;
  }

  function assertCount(n: number, min: number, max: number, what: string): void {
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new DomainInvariantError('CALENDAR.INVALID_COUNT', `${what} must be an integer in [${min}, ${max}], got ${n}`);
    }
  }

  return {
    configuredYears,

    isWorkingDay(instant: Date): boolean {
      assertInstant(instant);
      return isWorkingDayNumber(chinaDayNumber(instant));
    },

    isWorkingDate(ymd: string): boolean {
      const day = parseYmd(ymd);
      if (day === null) throw new DomainInvariantError('CALENDAR.INVALID_DATE', `not a date: ${ymd}`);
      return isWorkingDayNumber(day);
    },

    workingDaysAfter(from: Date, n: number): Date {
      assertInstant(from);
      assertCount(n, 1, MAX_WORKING_DAYS, 'working days');
      const first = chinaDayNumber(from) + 1;
      let t = tableForDay(first);
      let idx = first - t.start;
      let remaining = n;
      for (;;) {
        const available = t.prefix[t.length]! - t.prefix[idx]!;
        if (available >= remaining) {
          const target = t.prefix[idx]! + remaining;
          // Smallest k in (idx, length] with prefix[k] >= target: day k-1 is the n-th working day.
          let lo = idx + 1;
          let hi = t.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (t.prefix[mid]! >= target) hi = mid;
            else lo = mid + 1;
          }
          return endOfChinaDay(t.start + lo - 1);
        }
        remaining -= available;
        t = yearTable(t.year + 1);
        idx = 0;
      }
    },

    hoursAfter(from: Date, n: number): Date {
      assertInstant(from);
      if (!Number.isFinite(n) || n < 0 || n > MAX_CALENDAR_DAYS * 24) {
        throw new DomainInvariantError('CALENDAR.INVALID_COUNT', `hours must be a non-negative number, got ${n}`);
      }
      return new Date(from.getTime() + Math.round(n * 3_600_000));
    },

    calendarDaysAfter(from: Date, n: number): Date {
      assertInstant(from);
      assertCount(n, 0, MAX_CALENDAR_DAYS, 'calendar days');
      return endOfChinaDay(chinaDayNumber(from) + n);
    },
  };
}
