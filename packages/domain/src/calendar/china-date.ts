import { DomainInvariantError } from '../common/errors';

/**
 * China-local date arithmetic on integer day numbers (days since 1970-01-01 in
 * UTC+8). China has used one fixed offset without DST since 1991, so a day
 * number is all a legal time limit needs; nothing here reads the host time zone.
 */
export const DAY_MS = 86_400_000;
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

export function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DomainInvariantError('CALENDAR.INVALID_INSTANT', 'expected a valid Date');
  }
}

/** Day number of the China-local date of `instant`. */
export function chinaDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + CHINA_OFFSET_MS) / DAY_MS);
}

/** 23:59:59.999 China time of `day`: statutory limits run to the end of their last day. */
export function endOfChinaDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - CHINA_OFFSET_MS - 1);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const dow = dayOfWeek(day);
  return dow === 0 || dow === 6;
}

// Civil-date conversions after H. Hinnant's public-domain algorithms: integer
// only, valid for any proleptic Gregorian year, and free of Date.UTC's 0-99 quirk.
export function dayFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDay(day: number): { readonly year: number; readonly month: number; readonly day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

export function yearOfDay(day: number): number {
  return civilFromDay(day).year;
}

export function daysInMonth(year: number, month: number): number {
  const next = month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
  return next - dayFromCivil(year, month, 1);
}

/** Day number of a 'YYYY-MM-DD' string, or null when it is not a real calendar date. */
export function parseYmd(text: string): number | null {
  const m = YMD.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dayOfMonth = Number(m[3]);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, dayOfMonth);
}

export function formatYmd(day: number): string {
  const c = civilFromDay(day);
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/** The China-local date of `instant` as 'YYYY-MM-DD'. */
export function chinaDate(instant: Date): string {
  assertInstant(instant);
  return formatYmd(chinaDayNumber(instant));
}

/**
 * Same China-local wall time `months` later (negative: earlier); a day-of-month
 * the target month lacks is clamped to its last day (民法典 第二百零三条: a period in
 * months without the corresponding day ends on the month's last day).
 */
export function addChinaMonths(instant: Date, months: number): Date {
  assertInstant(instant);
  if (!Number.isSafeInteger(months)) {
    throw new DomainInvariantError('CALENDAR.INVALID_COUNT', `months must be an integer, got ${months}`);
  }
  const local = instant.getTime() + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const msOfDay = local - day * DAY_MS;
  const c = civilFromDay(day);
  const monthIndex = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const targetDay = dayFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
  return new Date(targetDay * DAY_MS + msOfDay - CHINA_OFFSET_MS);
}
