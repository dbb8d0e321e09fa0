import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarConfig } from './calendar-config';
import { DEFAULT_CALENDAR_CONFIG } from './china-holidays';
import { createWorkingCalendar } from './working-calendar';

const cn = (local: string) => new Date(`${local}+08:00`);
const endOf = (ymd: string) => cn(`${ymd}T23:59:59.999`);
const DAY = 86_400_000;
const CN = 8 * 3_600_000;

const cal = createWorkingCalendar(DEFAULT_CALENDAR_CONFIG);

/** Independent reference: a day-by-day walk using Date's own UTC calendar, no bitmaps. */
function reference(config: CalendarConfig) {
  const holidays = new Set(config.holidays);
  const workdays = new Set(config.adjustedWorkdays);
  const ymdOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
  const isWorking = (day: number) => {
    const ymd = ymdOfDay(day);
    if (holidays.has(ymd)) return false;
    if (workdays.has(ymd)) return true;
    const dow = new Date(day * DAY).getUTCDay();
    return dow !== 0 && dow !== 6;
  };
  const dayOf = (instant: Date) => Math.floor((instant.getTime() + CN) / DAY);
  return {
    isWorking,
    dayOf,
    workingDaysBetween(fromDayExclusive: number, toDayInclusive: number): number {
      let count = 0;
      for (let d = fromDayExclusive + 1; d <= toDayInclusive; d++) if (isWorking(d)) count++;
      return count;
    },
  };
}

const ref = reference(DEFAULT_CALENDAR_CONFIG);
// Instants from mid-2024 to mid-2027: covers both configured years and unconfigured ones on each side.
const instantArb = fc.integer({ min: Date.UTC(2024, 5, 1), max: Date.UTC(2027, 5, 30) }).map((ms) => new Date(ms));

describe('createWorkingCalendar: working days', () => {
  it('treats weekends as rest days, holidays as rest days and adjusted Saturdays/Sundays as working days', () => {
    expect(cal.isWorkingDate('2025-09-26')).toBe(true); // Friday
    expect(cal.isWorkingDate('2025-09-27')).toBe(false); // Saturday
    expect(cal.isWorkingDate('2025-09-28')).toBe(true); // Sunday, 调休上班
    expect(cal.isWorkingDate('2025-10-01')).toBe(false); // National Day
    expect(cal.isWorkingDate('2025-10-08')).toBe(false); // last day of the 2025 break
    expect(cal.isWorkingDate('2025-10-11')).toBe(true); // Saturday, 调休上班
    expect(cal.isWorkingDate('2026-02-14')).toBe(true);
    expect(cal.isWorkingDate('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay(cn('2025-10-11T09:00:00'))).toBe(true);
    // 2025-09-28 00:30 in Beijing is Saturday 27th in UTC: the China date decides.
    expect(cal.isWorkingDay(cn('2025-09-28T00:30:00'))).toBe(true);
    expect(cal.configuredYears).toEqual([2025, 2026]);
  });

  it('counts the Friday before National Day through the adjusted Sunday', () => {
    expect(cal.workingDaysAfter(cn('2025-09-26T16:00:00'), 3)).toEqual(endOf('2025-09-30'));
    expect(cal.workingDaysAfter(cn('2025-09-26T16:00:00'), 4)).toEqual(endOf('2025-10-09'));
    expect(cal.workingDaysAfter(cn('2026-09-18T10:00:00'), 1)).toEqual(endOf('2026-09-20'));
  });

  it('never counts the starting day, whatever the hour', () => {
    expect(cal.workingDaysAfter(cn('2025-09-26T00:00:00'), 1)).toEqual(endOf('2025-09-28'));
    expect(cal.workingDaysAfter(cn('2025-09-26T23:59:59.999'), 1)).toEqual(endOf('2025-09-28'));
    // Starting on a holiday: the first working day after it.
    expect(cal.workingDaysAfter(cn('2025-10-03T12:00:00'), 1)).toEqual(endOf('2025-10-09'));
  });

  it('crosses the year end and the Spring Festival', () => {
    expect(cal.workingDaysAfter(cn('2025-12-31T09:00:00'), 3)).toEqual(endOf('2026-01-06'));
    expect(cal.workingDaysAfter(cn('2026-02-13T09:00:00'), 3)).toEqual(endOf('2026-02-25'));
    expect(cal.workingDaysAfter(cn('2025-01-24T09:00:00'), 3)).toEqual(endOf('2025-02-05'));
  });

  it('falls back to the Monday-Friday week in years without data', () => {
    // 2027 has no notice loaded: 1 January (a Friday) is not known as a holiday.
    expect(cal.isWorkingDate('2027-01-01')).toBe(true);
    expect(cal.workingDaysAfter(cn('2027-01-01T09:00:00'), 1)).toEqual(endOf('2027-01-04'));
  });

  it('handles long spans across several years', () => {
    const from = cn('2025-03-03T09:00:00');
    const due = cal.workingDaysAfter(from, 1000);
    expect(ref.workingDaysBetween(ref.dayOf(from), ref.dayOf(due))).toBe(1000);
    expect(ref.isWorking(ref.dayOf(due))).toBe(true);
  });

  it('refuses counts outside its domain and invalid instants', () => {
    const from = cn('2025-09-26T16:00:00');
    for (const n of [0, -1, 1.5, Number.NaN, 1e9]) expect(() => cal.workingDaysAfter(from, n)).toThrow(/CALENDAR\.INVALID_COUNT/);
    expect(() => cal.calendarDaysAfter(from, -1)).toThrow(/CALENDAR\.INVALID_COUNT/);
    expect(() => cal.hoursAfter(from, -1)).toThrow(/CALENDAR\.INVALID_COUNT/);
    expect(() => cal.workingDaysAfter(new Date(Number.NaN), 1)).toThrow(/CALENDAR\.INVALID_INSTANT/);
    expect(() => cal.isWorkingDate('2025-02-30')).toThrow(/CALENDAR\.INVALID_DATE/);
  });
});

describe('createWorkingCalendar: calendar days and hours', () => {
  it('calendarDaysAfter ends at the end of the China-local day n days later', () => {
    expect(cal.calendarDaysAfter(cn('2025-09-26T16:00:00'), 0)).toEqual(endOf('2025-09-26'));
    expect(cal.calendarDaysAfter(cn('2025-09-26T00:10:00'), 0)).toEqual(endOf('2025-09-26'));
    expect(cal.calendarDaysAfter(cn('2025-09-26T16:00:00'), 90)).toEqual(endOf('2025-12-25'));
    expect(cal.calendarDaysAfter(cn('2024-02-28T16:00:00'), 1)).toEqual(endOf('2024-02-29'));
  });

  it('hoursAfter ignores holidays and day boundaries', () => {
    expect(cal.hoursAfter(cn('2025-09-30T23:00:00'), 24)).toEqual(cn('2025-10-01T23:00:00'));
    expect(cal.hoursAfter(cn('2025-09-30T23:00:00'), 0)).toEqual(cn('2025-09-30T23:00:00'));
  });

  it('calendarDaysAfter lands on the China date n days later', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 400 }), (from, n) => {
        const due = cal.calendarDaysAfter(from, n);
        expect(ref.dayOf(due)).toBe(ref.dayOf(from) + n);
        expect((due.getTime() + CN + 1) % DAY).toBe(0);
      }),
    );
  });
});

describe('createWorkingCalendar: properties of workingDaysAfter', () => {
  const n = fc.integer({ min: 1, max: 60 });

  it('never lands on a non-working day and always at the end of a China-local day', () => {
    fc.assert(
      fc.property(instantArb, n, (from, k) => {
        const due = cal.workingDaysAfter(from, k);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(ref.isWorking(ref.dayOf(due))).toBe(true);
        expect((due.getTime() + CN + 1) % DAY).toBe(0);
      }),
    );
  });

  it('has exactly n working days in (from-day, due-day]', () => {
    fc.assert(
      fc.property(instantArb, n, (from, k) => {
        const due = cal.workingDaysAfter(from, k);
        expect(ref.workingDaysBetween(ref.dayOf(from), ref.dayOf(due))).toBe(k);
      }),
    );
  });

  it('is monotonic in the start instant', () => {
    fc.assert(
      fc.property(instantArb, instantArb, n, (a, b, k) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        expect(cal.workingDaysAfter(early, k).getTime()).toBeLessThanOrEqual(cal.workingDaysAfter(late, k).getTime());
      }),
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(instantArb, n, n, (from, a, b) => {
        fc.pre(a !== b);
        const [small, large] = a < b ? [a, b] : [b, a];
        expect(cal.workingDaysAfter(from, small).getTime()).toBeLessThan(cal.workingDaysAfter(from, large).getTime());
      }),
    );
  });

  it('agrees with the reference on arbitrary configurations', () => {
    const dayIn2025to2026 = fc.integer({ min: Date.UTC(2025, 0, 1) / DAY, max: Date.UTC(2026, 11, 31) / DAY });
    const configArb = fc
      .tuple(fc.uniqueArray(dayIn2025to2026, { maxLength: 80 }), fc.uniqueArray(dayIn2025to2026, { maxLength: 30 }))
      .map(([h, w]): CalendarConfig => {
        const ymd = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
        const hs = new Set(h);
        const weekendWorkdays = w.filter((d) => !hs.has(d) && [0, 6].includes(new Date(d * DAY).getUTCDay()));
        return { holidays: h.map(ymd), adjustedWorkdays: weekendWorkdays.map(ymd) };
      });
    fc.assert(
      fc.property(configArb, instantArb, n, (config, from, k) => {
        const c = createWorkingCalendar(config);
        const r = reference(config);
        const due = c.workingDaysAfter(from, k);
        expect(r.isWorking(r.dayOf(due))).toBe(true);
        expect(r.workingDaysBetween(r.dayOf(from), r.dayOf(due))).toBe(k);
      }),
      { numRuns: 200 },
    );
  });
});
