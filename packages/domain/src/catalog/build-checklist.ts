import { activeStandard } from './active-standard';
import { formatLegalBasis, type LegalBasis } from './legal-basis';
import { severityRank, stricterDeadline, type CheckItem, type RemediationStandard } from './remediation-standard';

export interface StandardRef {
  readonly category: string;
  readonly version: number;
}

/** A check item on an inspection checklist, with the standards that asked for it. */
export interface ChecklistItem extends CheckItem {
  readonly sources: readonly StandardRef[];
}

export interface Checklist {
  readonly items: readonly ChecklistItem[];
  /** The standard versions used; the inspection record keeps them. */
  readonly standards: readonly StandardRef[];
  /** Categories with no standard in force at the time: the checklist is incomplete for them. */
  readonly missing: readonly string[];
}

/**
 * The inspection checklist for a venue in several categories: the union of the
 * standards in force, one row per check item id. When two standards carry the
 * same item differently (one was revised, the other not), the row takes the
 * strictest severity and deadline and every cited basis, so combining categories
 * never weakens a check; wording comes from the first category listed.
 */
export function checklistFor(categories: readonly string[], standards: readonly RemediationStandard[], at: Date): Checklist {
  const rows = new Map<string, ChecklistItem>();
  const used: StandardRef[] = [];
  const missing: string[] = [];

  for (const category of new Set(categories)) {
    const standard = activeStandard(standards, category, at);
    if (!standard) {
      missing.push(category);
      continue;
    }
    const ref: StandardRef = { category, version: standard.version };
    used.push(ref);
    for (const item of standard.items) {
      const prev = rows.get(item.id);
      rows.set(item.id, prev ? mergeItem(prev, item, ref) : { ...item, sources: [ref] });
    }
  }
  return { items: [...rows.values()], standards: used, missing };
}

function mergeItem(prev: ChecklistItem, item: CheckItem, ref: StandardRef): ChecklistItem {
  const gb = unique([...(prev.gbElements ?? []), ...(item.gbElements ?? [])]);
  const merged: ChecklistItem = {
    ...prev,
    severity: severityRank(item.severity) > severityRank(prev.severity) ? item.severity : prev.severity,
    deadline: stricterDeadline(prev.deadline, item.deadline),
    basis: uniqueBases([...prev.basis, ...item.basis]),
    sources: [...prev.sources, ref],
  };
  return gb.length > 0 ? { ...merged, gbElements: gb } : merged;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function uniqueBases(xs: readonly LegalBasis[]): LegalBasis[] {
  const seen = new Set<string>();
  return xs.filter((b) => {
    const key = formatLegalBasis(b);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
