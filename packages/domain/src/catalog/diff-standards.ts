import { formatLegalBasis } from './legal-basis';
import type { CheckItem, CorrectionDeadline, RemediationStandard, StandardContent } from './remediation-standard';

/** Fields of a check item an administrator edits; the diff names which changed. */
export const CHECK_ITEM_FIELDS = ['text', 'riskCategory', 'severity', 'basis', 'deadline', 'gbElements'] as const;
export type CheckItemField = (typeof CHECK_ITEM_FIELDS)[number];

export type StandardItemChange =
  | { readonly kind: 'added'; readonly id: string; readonly after: CheckItem }
  | { readonly kind: 'removed'; readonly id: string; readonly before: CheckItem }
  | { readonly kind: 'changed'; readonly id: string; readonly before: CheckItem; readonly after: CheckItem; readonly fields: readonly CheckItemField[] };

export interface StandardDiff {
  readonly titleChanged: boolean;
  readonly effectiveFromChanged: boolean;
  /** In the order of the new version, removed items after them in the order of the old one. */
  readonly items: readonly StandardItemChange[];
  /** Items present in both versions with nothing changed. */
  readonly unchanged: number;
  /** Same items in another order (the checklist is printed in this order). */
  readonly reordered: boolean;
}

const deadlineKey = (d: CorrectionDeadline) => (d.kind === 'immediate' ? 'immediate' : `wd:${d.n}`);

function fieldValue(item: CheckItem, field: CheckItemField): string {
  switch (field) {
    case 'text':
      return `${item.text.zh}\u0000${item.text.en}`;
    case 'basis':
      return item.basis.map(formatLegalBasis).join('\u0000');
    case 'deadline':
      return deadlineKey(item.deadline);
    case 'gbElements':
      return (item.gbElements ?? []).join(',');
    default:
      return item[field];
  }
}

/**
 * What publishing `after` would change against `before` (the version in force, or null for a
 * category's first standard): items matched by their stable id, so a reworded item is a
 * change, not a removal and an addition. The console shows this before the publish button.
 */
export function diffStandards(before: StandardContent | RemediationStandard | null, after: StandardContent | RemediationStandard): StandardDiff {
  const old = new Map((before?.items ?? []).map((i) => [i.id, i]));
  const next = new Set(after.items.map((i) => i.id));
  const items: StandardItemChange[] = [];
  let unchanged = 0;
  for (const item of after.items) {
    const prior = old.get(item.id);
    if (!prior) {
      items.push({ kind: 'added', id: item.id, after: item });
      continue;
    }
    const fields = CHECK_ITEM_FIELDS.filter((f) => fieldValue(prior, f) !== fieldValue(item, f));
    if (fields.length === 0) unchanged += 1;
    else items.push({ kind: 'changed', id: item.id, before: prior, after: item, fields });
  }
  for (const item of before?.items ?? []) if (!next.has(item.id)) items.push({ kind: 'removed', id: item.id, before: item });
  const common = (list: readonly CheckItem[], other: ReadonlySet<string>) => list.filter((i) => other.has(i.id)).map((i) => i.id);
  const oldIds = new Set(old.keys());
  const reordered = common(before?.items ?? [], next).join('\u0000') !== common(after.items, oldIds).join('\u0000');
  return {
    titleChanged: before !== null && (before.title.zh !== after.title.zh || before.title.en !== after.title.en),
    effectiveFromChanged: before !== null && before.effectiveFrom !== after.effectiveFrom,
    items,
    unchanged,
    reordered,
  };
}
