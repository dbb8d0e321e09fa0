import type { z } from 'zod';
import { err, type DomainError } from '../common/errors';
import type { CheckItem, RemediationStandard } from './remediation-standard';

/**
 * Versioning rules shared by nextStandardVersion, reviseStandardDraft and
 * publishStandard:
 * 1. versions of a category are consecutive integers from 1;
 * 2. a published version is never changed; any edit makes a new version;
 * 3. at most one draft per category, always the latest version;
 * 4. a check item id keeps its risk category forever (inspections, hazards and
 *    statistics refer to items by id across versions and categories);
 * 5. publication is never retroactive and never earlier than a published
 *    predecessor, so `activeStandard` has one answer for every instant.
 */
export function versionsOf(standards: readonly RemediationStandard[], category: string): RemediationStandard[] {
  return standards.filter((s) => s.category === category).sort((a, b) => a.version - b.version);
}

export function latestOf(standards: readonly RemediationStandard[], category: string): RemediationStandard | null {
  return versionsOf(standards, category).at(-1) ?? null;
}

/** Rule 4: an item id already published with another risk category cannot be reused. */
export function checkItemIdsStable(
  standards: readonly RemediationStandard[],
  items: readonly CheckItem[],
): { ok: true } | { ok: false; error: DomainError } {
  const published = new Map<string, CheckItem>();
  for (const s of standards) {
    if (s.status !== 'published') continue;
    for (const item of s.items) if (!published.has(item.id)) published.set(item.id, item);
  }
  const clashes = items.filter((i) => {
    const prev = published.get(i.id);
    return prev !== undefined && prev.riskCategory !== i.riskCategory;
  });
  if (clashes.length === 0) return { ok: true };
  return err(
    'STANDARD.ITEM_ID_REUSED',
    'A check item id was already published with another risk category; give the changed check a new id',
    '检查项编号已用于其他风险类别，修改后的检查项须使用新编号',
    { ids: clashes.map((c) => c.id) },
  );
}

export function invalidInput(error: z.ZodError): { ok: false; error: DomainError } {
  return err('STANDARD.INVALID', 'The standard is not valid', '整治标准内容不符合要求', {
    issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}
