export * from './time-limits';
export * from './time-limit-config';
export * from './calendar-config';
export * from './china-holidays';
export * from './working-calendar';
export {
  DAY_MS,
  CHINA_OFFSET_MS,
  addChinaMonths,
  chinaDate,
  chinaDayNumber,
  dayOfWeek,
  endOfChinaDay,
  formatYmd,
  parseYmd,
} from './china-date';
