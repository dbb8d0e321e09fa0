/**
 * 消防安全失信黑名单: entry and exit conditions as data. The seeds name the
 * grounds (严重失信、隐患久拖不改、失实承诺) but no thresholds, so every number
 * here is [U] configuration for the province to set.
 */
export const BLACKLIST_EVENT_KINDS = [
  'major_hazard_not_corrected', // a major hazard still uncorrected after its deadline (逾期拒不整改)
  'false_commitment', // a false or untrue public commitment (虚假/失实承诺)
  'violation', // a decided administrative penalty for a fire-safety violation
  'obstructed_inspection', // refusing or obstructing a fire inspection
] as const;
export type BlacklistEventKind = (typeof BLACKLIST_EVENT_KINDS)[number];

/** A fact on the unit's record, pointing at the case or hazard that proves it. */
export interface BlacklistEvent {
  readonly kind: BlacklistEventKind;
  readonly at: Date;
  readonly refId: string;
}

export interface BlacklistEntryCondition {
  readonly code: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly event: BlacklistEventKind;
  /** Events needed within the window. */
  readonly minCount: number;
  /** Look-back in months before `now`; null: any time on record. */
  readonly windowMonths: number | null;
}

export interface BlacklistRules {
  readonly entry: readonly BlacklistEntryCondition[];
  readonly exit: {
    /** Months without any new event before a unit may leave (counted from entry or the last event). */
    readonly minCleanMonths: number;
    readonly requireAllHazardsClosed: boolean;
    readonly requireApplication: boolean;
  };
}

export const DEFAULT_BLACKLIST_RULES: BlacklistRules = {
  entry: [
    {
      code: 'refused_major_hazard_correction',
      label: { zh: '重大火灾隐患逾期拒不整改', en: 'Refused to correct a major hazard after the deadline' },
      event: 'major_hazard_not_corrected',
      minCount: 1,
      windowMonths: 12,
    },
    {
      code: 'false_commitment',
      label: { zh: '作出虚假（失实）消防安全承诺', en: 'Made a false fire-safety commitment' },
      event: 'false_commitment',
      minCount: 1,
      windowMonths: 12,
    },
    {
      // "多次" read as three or more, as Chinese legal interpretations usually do.
      code: 'repeated_violations',
      label: { zh: '12个月内多次因消防违法行为受到行政处罚', en: 'Repeated violations within 12 months' },
      event: 'violation',
      minCount: 3,
      windowMonths: 12,
    },
    {
      code: 'obstructed_inspection',
      label: { zh: '拒绝、阻碍消防监督检查', en: 'Obstructed a fire inspection' },
      event: 'obstructed_inspection',
      minCount: 1,
      windowMonths: 12,
    },
  ],
  exit: { minCleanMonths: 12, requireAllHazardsClosed: true, requireApplication: true },
};
