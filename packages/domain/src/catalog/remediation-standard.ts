import type { LegalBasis } from './legal-basis';
import type { RiskCategoryCode } from './risk-categories';

/** Ordered from least to most severe; `major_candidate` items may evidence a GB 35181 major hazard. */
export const SEVERITIES = ['general', 'serious', 'major_candidate'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_NAMES: Readonly<Record<Severity, { zh: string; en: string }>> = {
  general: { zh: '一般隐患', en: 'General' },
  serious: { zh: '较大隐患', en: 'Serious' },
  major_candidate: { zh: '可能构成重大火灾隐患', en: 'Possible major hazard' },
};

/** Default correction deadline written on the notice when the inspector does not set another. */
export type CorrectionDeadline = { readonly kind: 'immediate' } | { readonly kind: 'working_days'; readonly n: number };

export interface CheckItem {
  /** Stable across versions and categories: the same id means the same check. */
  readonly id: string;
  readonly text: { readonly zh: string; readonly en: string };
  readonly riskCategory: RiskCategoryCode;
  readonly severity: Severity;
  readonly basis: readonly LegalBasis[];
  readonly deadline: CorrectionDeadline;
  /** GB 35181 element codes a failed check may evidence (e.g. '7.3.3', '6.5'). */
  readonly gbElements?: readonly string[];
}

export const STANDARD_STATUSES = ['draft', 'published'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/**
 * One version of the remediation standard (整治标准) of one venue category.
 * Published versions are immutable: inspections record the version they used,
 * so a change always creates a new version.
 */
export interface RemediationStandard {
  readonly category: string;
  readonly version: number;
  readonly status: StandardStatus;
  readonly title: { readonly zh: string; readonly en: string };
  /** ISO instant from which the version is in force. */
  readonly effectiveFrom: string;
  /** ISO instant of publication; null while a draft. */
  readonly publishedAt: string | null;
  readonly items: readonly CheckItem[];
}

/** What an administrator submits to create or revise a draft. */
export interface StandardContent {
  readonly category: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly effectiveFrom: string;
  readonly items: readonly CheckItem[];
}

export interface StandardDraftInput extends StandardContent {
  /**
   * The latest version the editor started from (null for a category's first
   * standard). A mismatch means someone else changed the standard meanwhile.
   */
  readonly basedOnVersion: number | null;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** The stricter of two deadlines: immediate beats any number of days, fewer days beat more. */
export function stricterDeadline(a: CorrectionDeadline, b: CorrectionDeadline): CorrectionDeadline {
  if (a.kind === 'immediate') return a;
  if (b.kind === 'immediate') return b;
  return b.n < a.n ? b : a;
}
