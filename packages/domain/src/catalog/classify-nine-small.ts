import { DEFAULT_NINE_SMALL, type NineSmallConfig, type NineSmallSubtype, type VenueActivity, type VenueMeasure } from './nine-small';

/** What is known about a venue when it is registered or inspected. */
export interface VenueFacts {
  readonly activity: VenueActivity;
  readonly areaM2?: number;
  readonly seats?: number;
  readonly beds?: number;
  readonly students?: number;
  readonly staff?: number;
  /** Designated 消防安全重点单位. */
  readonly keyUnit?: boolean;
}

export interface MeasureCheck {
  readonly measure: VenueMeasure;
  readonly value: number;
  readonly max: number;
}

export type NineSmallClassification =
  | { readonly nineSmall: true; readonly subtype: NineSmallSubtype; readonly checks: readonly MeasureCheck[] }
  | { readonly nineSmall: false; readonly reason: 'activity_not_covered' | 'key_unit' }
  | { readonly nineSmall: false; readonly reason: 'over_threshold'; readonly subtype: NineSmallSubtype; readonly failed: MeasureCheck }
  | {
      readonly nineSmall: false;
      readonly reason: 'missing_fact' | 'invalid_fact';
      readonly subtype: NineSmallSubtype;
      readonly measure: VenueMeasure;
    };

/**
 * Classifies a venue into its 九小 subtype, or says why it is not one. A missing
 * measure is reported rather than guessed: treating an unmeasured shop as small
 * would hand a possibly large venue to police-station supervision.
 */
export function classifyNineSmall(facts: VenueFacts, config: NineSmallConfig = DEFAULT_NINE_SMALL): NineSmallClassification {
  const type = config.types.find((t) => t.activities.includes(facts.activity));
  if (!type) return { nineSmall: false, reason: 'activity_not_covered' };
  if (config.excludeKeyUnits && facts.keyUnit === true) return { nineSmall: false, reason: 'key_unit' };

  const checks: MeasureCheck[] = [];
  for (const limit of type.limits) {
    const value = facts[limit.measure];
    if (value === undefined) return { nineSmall: false, reason: 'missing_fact', subtype: type.code, measure: limit.measure };
    if (!Number.isFinite(value) || value < 0) {
      return { nineSmall: false, reason: 'invalid_fact', subtype: type.code, measure: limit.measure };
    }
    const check = { measure: limit.measure, value, max: limit.max };
    if (value > limit.max) return { nineSmall: false, reason: 'over_threshold', subtype: type.code, failed: check };
    checks.push(check);
  }
  return { nineSmall: true, subtype: type.code, checks };
}
