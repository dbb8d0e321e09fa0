import { civilFromDay, dayFromCivil, dayOfWeek, daysInMonth, formatYmd, parseYmd } from '../calendar/china-date';
import { err, ok, type Result } from '../common/errors';

/** The campaign's reporting cadence (调度机制): weekly analysis, semi-monthly summary, monthly dispatch, quarterly report. */
export const CADENCE_REPORT_KINDS = ['weekly_analysis', 'semimonthly_summary', 'monthly_dispatch', 'quarterly_report'] as const;
export type CadenceReportKind = (typeof CADENCE_REPORT_KINDS)[number];

export const CADENCE_REPORT_LABELS: Readonly<Record<CadenceReportKind, { readonly zh: string; readonly en: string }>> = {
  weekly_analysis: { zh: '每周分析研判', en: 'Weekly analysis' },
  semimonthly_summary: { zh: '半月工作小结', en: 'Semi-monthly summary' },
  monthly_dispatch: { zh: '月度调度通报', en: 'Monthly dispatch' },
  quarterly_report: { zh: '季度工作报告', en: 'Quarterly report' },
};

export interface CadencePeriod {
  /** First China-local day, 'YYYY-MM-DD'. */
  readonly from: string;
  /** Last China-local day, inclusive. */
  readonly to: string;
}

/**
 * The period of a cadence report that contains `on`: the week Monday to Sunday, the half month
 * (1st-15th, 16th-last), the calendar month, the calendar quarter. China-local dates.
 */
export function cadencePeriod(kind: CadenceReportKind, on: string): Result<CadencePeriod> {
  const day = parseYmd(on);
  if (day === null) return err('CADENCE_REPORT.INVALID_DATE', 'The date is not a real calendar date', '日期格式不正确', { on });
  const { year, month, day: dom } = civilFromDay(day);
  const span = (from: number, to: number) => ok({ from: formatYmd(from), to: formatYmd(to) });
  switch (kind) {
    case 'weekly_analysis': {
      const monday = day - ((dayOfWeek(day) + 6) % 7);
      return span(monday, monday + 6);
    }
    case 'semimonthly_summary':
      return dom <= 15 ? span(dayFromCivil(year, month, 1), dayFromCivil(year, month, 15)) : span(dayFromCivil(year, month, 16), dayFromCivil(year, month, daysInMonth(year, month)));
    case 'monthly_dispatch':
      return span(dayFromCivil(year, month, 1), dayFromCivil(year, month, daysInMonth(year, month)));
    case 'quarterly_report': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return span(dayFromCivil(year, first, 1), dayFromCivil(year, first + 2, daysInMonth(year, first + 2)));
    }
  }
}

/** A short name of the period as a heading writes it: 2026年第10周 / 2026年3月上半月 / 2026年3月 / 2026年第一季度. */
export function cadencePeriodName(kind: CadenceReportKind, period: CadencePeriod): string {
  const from = parseYmd(period.from)!;
  const { year, month, day } = civilFromDay(from);
  switch (kind) {
    case 'weekly_analysis': {
      const to = civilFromDay(parseYmd(period.to)!);
      return `${year}年${month}月${day}日至${to.month}月${to.day}日`;
    }
    case 'semimonthly_summary':
      return `${year}年${month}月${day === 1 ? '上' : '下'}半月`;
    case 'monthly_dispatch':
      return `${year}年${month}月`;
    case 'quarterly_report':
      return `${year}年第${['一', '二', '三', '四'][Math.floor((month - 1) / 3)]}季度`;
  }
}
