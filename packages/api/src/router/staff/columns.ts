import type { EnforcementKind, HazardSource as HazardSourceColumn, InspectionSource as InspectionSourceColumn } from '@firebreak/db';
import type { EnforcementActionKind, HazardSource, InspectionSource, ReferralKind } from '@firebreak/domain';

// The kernel's codes and the schema's check constraints were written apart and
// differ in spelling; these adapters keep the indexed columns filled until the
// two are aligned (reported to the lead). The kernel state keeps its own codes.

export function hazardSourceColumn(source: HazardSource): HazardSourceColumn {
  return source === 'expert' ? 'expert_check' : source;
}

export function inspectionSourceColumn(source: InspectionSource): InspectionSourceColumn {
  if (source === 'double_random') return 'random_sampling';
  if (source === 're_inspection') return 'reinspection';
  return source;
}

export function enforcementKindColumn(kind: EnforcementActionKind): EnforcementKind {
  switch (kind) {
    case 'order_correction':
      return 'order_correct';
    case 'blacklist_entry':
    case 'blacklist_exit':
      return 'blacklist';
    case 'public_exposure':
      return 'exposure';
    default:
      return kind;
  }
}

/** The schema knows only 抄告 (notify) and 移送 (transfer); every kernel kind but a notice transfers the matter. */
export function referralKindColumn(kind: ReferralKind): 'notify' | 'transfer' {
  return kind === 'notice' ? 'notify' : 'transfer';
}

export function instantOrNull(iso: string | null | undefined): Date | null {
  return iso ? new Date(iso) : null;
}
