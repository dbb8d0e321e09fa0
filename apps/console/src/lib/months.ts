const CHINA_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

/** The China-time month of an instant, YYYY-MM (the bulletin's and the month chart's unit). */
export function chinaMonth(at: Date = new Date()): string {
  return CHINA_MONTH.format(at).slice(0, 7);
}

/** The month `back` months before `month`. */
export function monthBefore(month: string, back: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** This month and the `n - 1` before it, newest first. */
export function recentMonths(n: number, now: Date = new Date()): string[] {
  const current = chinaMonth(now);
  return Array.from({ length: n }, (_, i) => monthBefore(current, i));
}

/** [first instant, first instant of the next month) of a China-time month, as ISO strings (UTC+8, no daylight saving). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000).toISOString(),
    to: new Date(Date.UTC(y, m, 1) - 8 * 3_600_000).toISOString(),
  };
}

/** 2026年3月 / Mar 2026. */
export function monthLabel(month: string, en: boolean): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return en ? new Date(Date.UTC(y, m - 1, 15)).toLocaleDateString('en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' }) : `${y}年${m}月`;
}
