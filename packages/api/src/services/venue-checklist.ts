import {
  checklistInForce,
  type CheckItem,
  type Checklist,
  type ChecklistItem,
  type RemediationStandard,
  type RiskCategoryCode,
} from '@firebreak/domain';
import { listPublishedStandards, type Db, type StandardRow } from '@firebreak/db';

/**
 * A stored standard as the kernel's RemediationStandard. The table is coarser
 * than the kernel (two severities, basis as one text, no effective date): a
 * 'major' item is a possible major hazard, 0 or no default days is an
 * immediate correction, the basis is split on '；', and a version is in force
 * from its publication.
 */
export function standardFromRow(row: StandardRow): RemediationStandard {
  const published = (row.publishedAt ?? new Date(0)).toISOString();
  return {
    category: row.venueCategory,
    version: row.version,
    status: 'published',
    title: { zh: row.titleZh, en: row.titleEn ?? row.titleZh },
    effectiveFrom: published,
    publishedAt: published,
    items: row.items.map((i): CheckItem => {
      const gb = (i.gbElement ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g !== '');
      const item: CheckItem = {
        id: i.code,
        text: { zh: i.textZh, en: i.textEn ?? i.textZh },
        riskCategory: i.riskCategory as RiskCategoryCode,
        severity: i.defaultSeverity === 'major' ? 'major_candidate' : 'general',
        basis: (i.legalBasis ?? '')
          .split('；')
          .map((b) => b.trim())
          .filter((b) => b !== '')
          .map((law) => ({ law })),
        deadline: i.defaultDeadlineDays === null || i.defaultDeadlineDays <= 0 ? { kind: 'immediate' } : { kind: 'working_days', n: i.defaultDeadlineDays },
      };
      return gb.length > 0 ? { ...item, gbElements: gb } : item;
    }),
  };
}

export interface VenueChecklist extends Checklist {
  /** check_items row id of a checklist item (by the first standard that asked for it), when it came from the table. */
  readonly rowIdOf: (item: ChecklistItem) => string | null;
}

/**
 * The checklist in force for a venue's categories at `at`: the kernel's
 * checklistInForce over the published standards in the table (the built-in
 * default stands in for a category with no published version in force).
 * Unit self-inspection and staff inspection plans both read it.
 */
export async function venueChecklist(db: Db, categories: readonly string[], at: Date): Promise<VenueChecklist> {
  const rows = await listPublishedStandards(db, categories);
  const checklist = checklistInForce(categories, rows.map(standardFromRow), at);
  const rowIds = new Map<string, string>();
  for (const r of rows) for (const i of r.items) rowIds.set(`${r.venueCategory}|${r.version}|${i.code}`, i.id);
  return {
    ...checklist,
    rowIdOf: (item) => {
      const source = item.sources[0];
      return source ? (rowIds.get(`${source.category}|${source.version}|${item.id}`) ?? null) : null;
    },
  };
}
