import { chinaDate } from '../calendar/china-date';
import { isVenueCategoryCode, venueCategory } from '../catalog/venue-categories';
import type { InspectionSource, InspectionState } from '../lifecycles/inspection';
import { riskCategoryLabel, type Label } from './labels';

/**
 * The venue page a QR code at the door leads to (三自主两公开一承诺): who is
 * responsible, what they committed to, and how the last inspection went. The
 * inputs are the records as stored; everything not listed in the view types
 * (phones, ID numbers, signatures, inspectors, private remarks) stays inside.
 */
export interface VenueRecord {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  /** Venue category codes (catalog/venue-categories); a venue may be in several. */
  readonly categories: readonly string[];
}

/** 消防安全责任人 (legal representative or actual controller) or 消防安全管理人. */
export type ResponsibleCapacity = 'responsible_person' | 'manager';

export interface ResponsiblePersonRecord {
  readonly capacity: ResponsibleCapacity;
  readonly name: string;
  /** Position in the unit, e.g. 法定代表人, 总经理. */
  readonly position: string | null;
  /** The duties the unit publishes for this person. */
  readonly duties: readonly string[];
  readonly phone: string | null;
  readonly idNumber: string | null;
}

/** 承诺: no prominent risk exists, or the measures against the ones that do are in place. */
export type CommitmentKind = 'no_prominent_risk' | 'measures_in_place';

export interface SafetyCommitmentRecord {
  readonly kind: CommitmentKind;
  readonly text: string;
  readonly signerName: string;
  readonly signedAt: string;
  readonly validUntil: string | null;
  readonly signatureRef: string;
}

export interface PublicVenueView {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly categories: readonly (Label & { readonly code: string })[];
  readonly responsiblePersons: readonly {
    readonly capacity: ResponsibleCapacity;
    readonly capacityLabel: Label;
    readonly name: string;
    readonly position: string | null;
    readonly duties: readonly string[];
  }[];
  readonly commitment: {
    readonly kind: CommitmentKind;
    readonly kindLabel: Label;
    readonly text: string;
    readonly signerName: string;
    readonly signedAt: string;
    readonly validUntil: string | null;
  } | null;
  /** The last completed inspection; an unfinished one has no result to publish yet. */
  readonly lastInspection: {
    readonly id: string;
    readonly source: InspectionSource;
    readonly sourceLabel: Label;
    /** China-local date, YYYY-MM-DD. */
    readonly inspectedOn: string;
    readonly completedAt: string | null;
    readonly findingsCount: number;
    readonly riskCategories: readonly (Label & { readonly code: string })[];
    /** Whether the unit signed the record (otherwise its refusal was witnessed). */
    readonly unitConfirmed: boolean;
  } | null;
}

export const RESPONSIBLE_CAPACITY_LABELS: Readonly<Record<ResponsibleCapacity, Label>> = {
  responsible_person: { zh: '消防安全责任人', en: 'Fire safety responsible person' },
  manager: { zh: '消防安全管理人', en: 'Fire safety manager' },
};

export const COMMITMENT_KIND_LABELS: Readonly<Record<CommitmentKind, Label>> = {
  no_prominent_risk: { zh: '承诺本场所不存在突出风险', en: 'Commits that no prominent risk exists' },
  measures_in_place: { zh: '承诺已落实突出风险管控措施', en: 'Commits that controls for prominent risks are in place' },
};

export const INSPECTION_SOURCE_LABELS: Readonly<Record<InspectionSource, Label>> = {
  double_random: { zh: '“双随机、一公开”抽查', en: 'Random inspection (double random)' },
  campaign: { zh: '专项行动检查', en: 'Campaign inspection' },
  report_verification: { zh: '举报核查', en: 'Report verification' },
  re_inspection: { zh: '复查', en: 'Re-inspection' },
  joint: { zh: '联合检查', en: 'Joint inspection' },
  expert_check: { zh: '专家检查', en: 'Expert check' },
  unannounced: { zh: '“四不两直”暗查', en: 'Unannounced inspection' },
};

function venueCategoryLabel(code: string): Label & { readonly code: string } {
  if (!isVenueCategoryCode(code)) return { code, zh: code, en: code };
  const c = venueCategory(code);
  return { code, zh: c.zh, en: c.en };
}

export function publicVenueView(
  venue: VenueRecord,
  responsiblePersons: readonly ResponsiblePersonRecord[],
  commitment: SafetyCommitmentRecord | null,
  lastInspection: InspectionState | null,
): PublicVenueView {
  const done = lastInspection?.status === 'completed' ? lastInspection : null;
  // Responsible person first, then managers, as on the board at the door.
  const order: Record<ResponsibleCapacity, number> = { responsible_person: 0, manager: 1 };
  return {
    id: venue.id,
    name: venue.name,
    address: venue.address,
    categories: venue.categories.map(venueCategoryLabel),
    responsiblePersons: [...responsiblePersons]
      .sort((a, b) => order[a.capacity] - order[b.capacity])
      .map((p) => ({
        capacity: p.capacity,
        capacityLabel: RESPONSIBLE_CAPACITY_LABELS[p.capacity],
        name: p.name,
        position: p.position,
        duties: [...p.duties],
      })),
    commitment: commitment
      ? {
          kind: commitment.kind,
          kindLabel: COMMITMENT_KIND_LABELS[commitment.kind],
          text: commitment.text,
          signerName: commitment.signerName,
          signedAt: commitment.signedAt,
          validUntil: commitment.validUntil,
        }
      : null,
    lastInspection: done
      ? {
          id: done.id,
          source: done.source,
          sourceLabel: INSPECTION_SOURCE_LABELS[done.source],
          // The day the team was on site, which may differ from the plan.
          inspectedOn: done.startedBy ? chinaDate(new Date(done.startedBy.at)) : done.plannedFor,
          completedAt: done.completedBy?.at ?? null,
          findingsCount: done.findings.length,
          riskCategories: [...new Set(done.findings.map((f) => f.riskCategory))].map(riskCategoryLabel),
          unitConfirmed: done.unitConfirmation !== null,
        }
      : null,
  };
}
