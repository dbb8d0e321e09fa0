import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addChinaMonths,
  chinaDate,
  chinaDayNumber,
  dayFromCivil,
  dayOfWeek,
  endOfChinaDay,
  formatYmd,
  parseYmd,
} from './china-date';

const cn = (local: string) => new Date(`${local}+08:00`);

describe('china-date', () => {
  it('uses the China-local date, not the UTC or host date', () => {
    // 00:10 in Beijing on 26 Sep is still 25 Sep in UTC.
    expect(chinaDate(cn('2025-09-26T00:10:00'))).toBe('2025-09-26');
    expect(chinaDate(cn('2025-09-26T23:59:59.999'))).toBe('2025-09-26');
    expect(chinaDate(cn('2025-09-27T00:00:00'))).toBe('2025-09-27');
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(dayOfWeek(parseYmd('2025-10-01')!)).toBe(3); // the notice says 周三
    expect(dayOfWeek(parseYmd('2026-02-14')!)).toBe(6); // 周六
    expect(dayOfWeek(parseYmd('1969-12-28')!)).toBe(0); // before the epoch too
  });

  it('rejects strings that are not real dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '20250101', '2025-04-31', '']) {
      expect(parseYmd(bad)).toBeNull();
    }
    expect(parseYmd('2024-02-29')).not.toBeNull();
  });

  it('ends a day at 23:59:59.999 China time', () => {
    expect(endOfChinaDay(parseYmd('2025-09-30')!).toISOString()).toBe('2025-09-30T15:59:59.999Z');
  });

  it('adds months with month-end clamping on the China-local date', () => {
    expect(addChinaMonths(cn('2025-01-31T10:00:00'), 1).getTime()).toBe(cn('2025-02-28T10:00:00').getTime());
    expect(addChinaMonths(cn('2024-01-31T10:00:00'), 1).getTime()).toBe(cn('2024-02-29T10:00:00').getTime());
    expect(addChinaMonths(cn('2025-12-31T10:00:00'), 2).getTime()).toBe(cn('2026-02-28T10:00:00').getTime());
    expect(addChinaMonths(cn('2025-03-15T08:00:00'), -12).getTime()).toBe(cn('2024-03-15T08:00:00').getTime());
    // 1 May 00:30 in Beijing is 30 April in UTC: the China date must drive the result.
    expect(addChinaMonths(cn('2025-05-01T00:30:00'), 1).getTime()).toBe(cn('2025-06-01T00:30:00').getTime());
  });

  it('round-trips day numbers and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        expect(parseYmd(formatYmd(day))).toBe(day);
        const d = new Date(day * 86_400_000);
        if (d.getUTCFullYear() >= 100) {
          expect(dayFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
          expect(dayOfWeek(day)).toBe(d.getUTCDay());
        }
      }),
    );
  });

  it('chinaDayNumber of the end of a day is that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), (day) => {
        expect(chinaDayNumber(endOfChinaDay(day))).toBe(day);
        expect(chinaDayNumber(new Date(endOfChinaDay(day).getTime() + 1))).toBe(day + 1);
      }),
    );
  });
});
