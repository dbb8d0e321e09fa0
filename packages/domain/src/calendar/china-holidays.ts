import { dateRange, mergeCalendarConfigs, type CalendarConfig } from './calendar-config';

/**
 * Default national calendar data. It is configuration, not law: admins replace
 * or extend it each November when the State Council publishes the next year, and
 * a province may add local days. Years not listed here fall back to the plain
 * Monday–Friday week, so keep the current and the next year loaded.
 */
export interface HolidayYear extends CalendarConfig {
  readonly year: number;
  /** Where the dates come from. */
  readonly source: string;
  /** Per festival, for the admin view; `holidays`/`adjustedWorkdays` are their union. */
  readonly festivals: readonly {
    readonly name: { readonly zh: string; readonly en: string };
    readonly holidays: readonly string[];
    readonly adjustedWorkdays: readonly string[];
  }[];
}

function year(y: number, source: string, festivals: HolidayYear['festivals']): HolidayYear {
  return {
    year: y,
    source,
    festivals,
    holidays: festivals.flatMap((f) => f.holidays),
    adjustedWorkdays: festivals.flatMap((f) => f.adjustedWorkdays),
  };
}

// Source: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）.
// Checked against the published text; the first year under the 2024 revision of
// 《全国年节及纪念日放假办法》 (Spring Festival and Labour Day one day longer).
export const CHINA_HOLIDAYS_2025: HolidayYear = year(2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）', [
  { name: { zh: '元旦', en: "New Year's Day" }, holidays: ['2025-01-01'], adjustedWorkdays: [] },
  { name: { zh: '春节', en: 'Spring Festival' }, holidays: dateRange('2025-01-28', '2025-02-04'), adjustedWorkdays: ['2025-01-26', '2025-02-08'] },
  { name: { zh: '清明节', en: 'Qingming Festival' }, holidays: dateRange('2025-04-04', '2025-04-06'), adjustedWorkdays: [] },
  { name: { zh: '劳动节', en: 'Labour Day' }, holidays: dateRange('2025-05-01', '2025-05-05'), adjustedWorkdays: ['2025-04-27'] },
  { name: { zh: '端午节', en: 'Dragon Boat Festival' }, holidays: dateRange('2025-05-31', '2025-06-02'), adjustedWorkdays: [] },
  { name: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' }, holidays: dateRange('2025-10-01', '2025-10-08'), adjustedWorkdays: ['2025-09-28', '2025-10-11'] },
]);

// Source: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社受权发布）.
// The dates were checked against the published text; the document number
// (国办发明电〔2025〕…号) was not at hand and is left out on purpose.
export const CHINA_HOLIDAYS_2026: HolidayYear = year(2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', [
  { name: { zh: '元旦', en: "New Year's Day" }, holidays: dateRange('2026-01-01', '2026-01-03'), adjustedWorkdays: ['2026-01-04'] },
  { name: { zh: '春节', en: 'Spring Festival' }, holidays: dateRange('2026-02-15', '2026-02-23'), adjustedWorkdays: ['2026-02-14', '2026-02-28'] },
  { name: { zh: '清明节', en: 'Qingming Festival' }, holidays: dateRange('2026-04-04', '2026-04-06'), adjustedWorkdays: [] },
  { name: { zh: '劳动节', en: 'Labour Day' }, holidays: dateRange('2026-05-01', '2026-05-05'), adjustedWorkdays: ['2026-05-09'] },
  { name: { zh: '端午节', en: 'Dragon Boat Festival' }, holidays: dateRange('2026-06-19', '2026-06-21'), adjustedWorkdays: [] },
  { name: { zh: '中秋节', en: 'Mid-Autumn Festival' }, holidays: dateRange('2026-09-25', '2026-09-27'), adjustedWorkdays: [] },
  { name: { zh: '国庆节', en: 'National Day' }, holidays: dateRange('2026-10-01', '2026-10-07'), adjustedWorkdays: ['2026-09-20', '2026-10-10'] },
]);

export const CHINA_HOLIDAY_YEARS: readonly HolidayYear[] = [CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026];

/** The default configuration for `createWorkingCalendar`: 2025 and 2026. */
export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = mergeCalendarConfigs(CHINA_HOLIDAY_YEARS);
