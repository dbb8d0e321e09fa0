import { err, ok, type Result } from '../common/errors';
import type { RuleElement, RuleTable, VenueClass } from './rule-table';

export interface HazardElementInput {
  /** Clause number of the element in the table, e.g. '6.5' or '7.3.6'. */
  readonly code: string;
  /** Elements the unit can correct on the spot do not count (5.3, step 1). */
  readonly correctableImmediately: boolean;
}

export interface DeterminationInput {
  readonly venueClasses: readonly VenueClass[];
  readonly elements: readonly HazardElementInput[];
  /** Exclusion codes of the table that apply (e.g. 'stopped_operating'). */
  readonly exclusions: readonly string[];
}

/** 'excluded', 'direct', 'none', or the id of the combination that decided. */
export type DecisionRule = 'excluded' | 'direct' | 'none' | (string & {});

export interface ExpertOverride {
  readonly major: boolean;
  readonly reason: string;
  /** The collective or expert-group decision that made the override. */
  readonly decisionId: string;
  /** What the counting rules had said, kept for the audit trail. */
  readonly computedMajor: boolean;
}

export interface MajorHazardDetermination {
  /** Rule-table version the determination was made under. */
  readonly version: string;
  readonly major: boolean;
  readonly decidedBy: { readonly rule: DecisionRule; readonly elements: readonly string[] };
  /** Elements that count (not correctable immediately), in table order. */
  readonly counted: readonly string[];
  readonly droppedCorrectable: readonly string[];
  /** Exclusions that applied, in table order (empty unless `decidedBy.rule` is 'excluded'). */
  readonly exclusions: readonly string[];
  readonly override?: ExpertOverride;
}

interface TableIndex {
  readonly order: ReadonlyMap<string, number>;
  readonly elements: ReadonlyMap<string, RuleElement>;
  readonly exclusionOrder: ReadonlyMap<string, number>;
}

// Determinations run per hazard; the index is built once per loaded table.
const indexes = new WeakMap<RuleTable, TableIndex>();

function indexOf(table: RuleTable): TableIndex {
  let idx = indexes.get(table);
  if (!idx) {
    idx = {
      order: new Map(table.elements.map((e, i) => [e.code, i])),
      elements: new Map(table.elements.map((e) => [e.code, e])),
      exclusionOrder: new Map(table.exclusions.map((e, i) => [e.code, i])),
    };
    indexes.set(table, idx);
  }
  return idx;
}

/**
 * GB 35181 counting (2017 §5.3): drop elements correctable immediately; stop
 * when an exclusion applies; any direct element makes a major hazard; otherwise
 * the first combination of the table whose venue classes match and whose count
 * is reached decides; otherwise not major. Outputs are in table order, so the
 * result does not depend on the order of the input.
 *
 * Codes: GB35181.VENUE_CLASS_REQUIRED, GB35181.UNKNOWN_ELEMENT,
 * GB35181.UNKNOWN_EXCLUSION (with the offending codes in details).
 */
export function determineMajorHazard(table: RuleTable, input: DeterminationInput): Result<MajorHazardDetermination> {
  const idx = indexOf(table);
  if (input.venueClasses.length === 0) {
    return err('GB35181.VENUE_CLASS_REQUIRED', 'At least one venue class is required', '请至少选择一个场所类别', { version: table.version });
  }
  const unknownElements = [...new Set(input.elements.map((e) => e.code).filter((c) => !idx.elements.has(c)))];
  if (unknownElements.length > 0) {
    return err(
      'GB35181.UNKNOWN_ELEMENT',
      `Unknown GB 35181-${table.version} element codes: ${unknownElements.join(', ')}`,
      `GB 35181-${table.version} 中不存在以下判定要素：${unknownElements.join('、')}`,
      { version: table.version, codes: unknownElements },
    );
  }
  const unknownExclusions = [...new Set(input.exclusions.filter((c) => !idx.exclusionOrder.has(c)))];
  if (unknownExclusions.length > 0) {
    return err(
      'GB35181.UNKNOWN_EXCLUSION',
      `Unknown GB 35181-${table.version} exclusions: ${unknownExclusions.join(', ')}`,
      `GB 35181-${table.version} 中不存在以下排除情形：${unknownExclusions.join('、')}`,
      { version: table.version, codes: unknownExclusions },
    );
  }

  // An element reported twice counts once, and counts if any report says it cannot be corrected at once.
  const countedSet = new Set(input.elements.filter((e) => !e.correctableImmediately).map((e) => e.code));
  const byTableOrder = (a: string, b: string) => idx.order.get(a)! - idx.order.get(b)!;
  const counted = [...countedSet].sort(byTableOrder);
  const droppedCorrectable = [...new Set(input.elements.map((e) => e.code))].filter((c) => !countedSet.has(c)).sort(byTableOrder);
  const base = { version: table.version, counted, droppedCorrectable };

  if (input.exclusions.length > 0) {
    const exclusions = [...new Set(input.exclusions)].sort((a, b) => idx.exclusionOrder.get(a)! - idx.exclusionOrder.get(b)!);
    return ok({ ...base, major: false, decidedBy: { rule: 'excluded', elements: [] }, exclusions });
  }

  const direct = counted.filter((c) => idx.elements.get(c)!.chapter === 'direct');
  if (direct.length > 0) {
    return ok({ ...base, major: true, decidedBy: { rule: 'direct', elements: direct }, exclusions: [] });
  }

  const comprehensive = counted.filter((c) => idx.elements.get(c)!.chapter === 'comprehensive');
  for (const combo of table.combinations) {
    if (!combo.venueClasses.some((v) => input.venueClasses.includes(v))) continue;
    const anyOf = combo.anyOf;
    const matching = anyOf === 'any' ? comprehensive : comprehensive.filter((c) => anyOf.includes(c));
    if (matching.length >= combo.min) {
      return ok({ ...base, major: true, decidedBy: { rule: combo.id, elements: matching }, exclusions: [] });
    }
  }
  return ok({ ...base, major: false, decidedBy: { rule: 'none', elements: [] }, exclusions: [] });
}
