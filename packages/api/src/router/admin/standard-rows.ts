import { formatLegalBasis, remediationStandardSchema, type CheckItem, type RemediationStandard } from '@firebreak/domain';
import type { CheckItemRow, CheckItemValues, StandardVersionRow } from '@firebreak/db';

/**
 * Between the kernel's RemediationStandard and the standards/check_items rows.
 * The columns are what other routers query (checklists by venue category); the
 * table has no place for the effective date, the 'serious' severity, several
 * legal bases or GB elements per item, so every audited write also records the
 * whole kernel object, and reading prefers that snapshot.
 */
export function checkItemValues(items: readonly CheckItem[]): CheckItemValues[] {
  return items.map((it, i) => ({
    ordinal: i + 1,
    code: it.id,
    textZh: it.text.zh,
    textEn: it.text.en,
    riskCategory: it.riskCategory,
    defaultSeverity: it.severity === 'major_candidate' ? 'major' : 'general',
    legalBasis: it.basis.map(formatLegalBasis).join('；'),
    defaultDeadlineDays: it.deadline.kind === 'immediate' ? 0 : it.deadline.n,
    gbElement: it.gbElements?.[0] ?? null,
  }));
}

/** The kernel view of one stored version: the audited snapshot when there is one, else the columns. */
export function standardFromRows(row: StandardVersionRow, items: readonly CheckItemRow[], snapshot: unknown): RemediationStandard {
  const published = { status: row.published ? ('published' as const) : ('draft' as const), publishedAt: row.publishedAt?.toISOString() ?? null };
  const fromSnapshot = remediationStandardSchema.safeParse(snapshot);
  if (fromSnapshot.success && fromSnapshot.data.version === row.version && fromSnapshot.data.category === row.venueCategory) {
    return { ...fromSnapshot.data, ...published };
  }
  return {
    category: row.venueCategory,
    version: row.version,
    ...published,
    title: { zh: row.titleZh, en: row.titleEn ?? row.titleZh },
    // Rows written without a snapshot (seed scripts) take effect when published.
    effectiveFrom: (row.publishedAt ?? row.createdAt).toISOString(),
    items: items.map(
      (i): CheckItem => ({
        id: i.code,
        text: { zh: i.textZh, en: i.textEn ?? i.textZh },
        riskCategory: i.riskCategory as CheckItem['riskCategory'],
        severity: i.defaultSeverity === 'major' ? 'major_candidate' : 'general',
        basis: [{ law: i.legalBasis ?? '—' }],
        deadline: i.defaultDeadlineDays ? { kind: 'working_days', n: i.defaultDeadlineDays } : { kind: 'immediate' },
        ...(i.gbElement ? { gbElements: [i.gbElement] } : {}),
      }),
    ),
  };
}
