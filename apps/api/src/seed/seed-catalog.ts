import {
  CHINA_HOLIDAY_YEARS,
  DEFAULT_REWARD_RULES,
  DEFAULT_STANDARDS,
  formatLegalBasis,
  type CheckItem,
  type HolidayYear,
  type RemediationStandard,
} from '@firebreak/domain';
import { insertSeedCalendarDays, insertPublishedStandard, insertSeedRewardRules, type Db, type SeedCheckItem } from '@firebreak/db';

/**
 * A kernel check item as a check_items row. The table keeps two severities
 * (general / major) where the kernel has three: a possible major hazard is
 * 'major', a serious one is stored as 'general' (the kernel item itself, with
 * its full severity, stays the source of truth through DEFAULT_STANDARDS). An
 * immediate correction is a deadline of 0 working days.
 */
export function checkItemRow(item: CheckItem): SeedCheckItem {
  return {
    code: item.id,
    textZh: item.text.zh,
    textEn: item.text.en,
    riskCategory: item.riskCategory,
    defaultSeverity: item.severity === 'major_candidate' ? 'major' : 'general',
    legalBasis: item.basis.length === 0 ? null : item.basis.map(formatLegalBasis).join('；'),
    defaultDeadlineDays: item.deadline.kind === 'immediate' ? 0 : item.deadline.n,
    gbElement: item.gbElements && item.gbElements.length > 0 ? item.gbElements.join(',') : null,
  };
}

/** check_items row ids by venue category and item id: hazards found against an item point at its row. */
export type CheckItemIndex = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Every default 整治标准 (one per venue category) as a published version with its items. */
export async function seedStandards(db: Db, standards: readonly RemediationStandard[] = DEFAULT_STANDARDS): Promise<CheckItemIndex> {
  const index = new Map<string, ReadonlyMap<string, string>>();
  for (const s of standards) {
    const { checkItemIds } = await insertPublishedStandard(db, {
      code: s.category,
      venueCategory: s.category,
      version: s.version,
      titleZh: s.title.zh,
      titleEn: s.title.en,
      publishedAt: new Date(s.publishedAt ?? s.effectiveFrom),
      items: s.items.map(checkItemRow),
    });
    index.set(s.category, checkItemIds);
  }
  return index;
}

/** China-local midnight of a YYYY-MM-DD date, as an instant. */
function chinaMidnight(ymd: string): Date {
  return new Date(`${ymd}T00:00:00+08:00`);
}

/** The default reward rule set, published, for every jurisdiction without its own. */
export async function seedRewardRules(db: Db, publishedAt: Date): Promise<string> {
  return insertSeedRewardRules(db, {
    jurisdictionId: null,
    version: 1,
    rules: DEFAULT_REWARD_RULES,
    effectiveFrom: chinaMidnight(DEFAULT_REWARD_RULES.effectiveFrom),
    publishedAt,
  });
}

/** Holiday and adjusted-workday rows per festival, so the admin view shows which festival each day belongs to. */
export function calendarRows(years: readonly HolidayYear[] = CHINA_HOLIDAY_YEARS): { date: string; kind: 'holiday' | 'workday'; name: string }[] {
  const rows = new Map<string, { date: string; kind: 'holiday' | 'workday'; name: string }>();
  for (const y of years) {
    for (const f of y.festivals) {
      for (const date of f.holidays) rows.set(date, { date, kind: 'holiday', name: f.name.zh });
      for (const date of f.adjustedWorkdays) rows.set(date, { date, kind: 'workday', name: `${f.name.zh}调休上班` });
    }
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export async function seedCalendar(db: Db): Promise<number> {
  return insertSeedCalendarDays(db, calendarRows());
}
