import { z } from 'zod';

/**
 * 九小场所 thresholds as configurable data. Provinces define them differently;
 * the shop, restaurant, hotel and entertainment limits are those of the domain
 * brief, the others follow one provincial definition and are marked unconfirmed.
 *
 * Limits are inclusive: in Chinese legal drafting "以下" includes the number
 * itself (民法典 第一千二百五十九条), so a 300 m² shop is still a small shop.
 */
export const VENUE_ACTIVITIES = [
  'school',
  'kindergarten',
  'clinic',
  'shop',
  'restaurant',
  'hotel',
  'entertainment',
  'internet_cafe',
  'beauty',
  'bath',
  'processing',
] as const;
export type VenueActivity = (typeof VENUE_ACTIVITIES)[number];

/** The measured facts a threshold may use; names match VenueFacts fields. */
export const VENUE_MEASURES = ['areaM2', 'seats', 'beds', 'students', 'staff'] as const;
export type VenueMeasure = (typeof VENUE_MEASURES)[number];

export const VENUE_MEASURE_NAMES: Readonly<Record<VenueMeasure, { zh: string; en: string }>> = {
  areaM2: { zh: '建筑（营业）面积（平方米）', en: 'floor area (m²)' },
  seats: { zh: '额定就餐座位数', en: 'seats' },
  beds: { zh: '床位数', en: 'beds' },
  students: { zh: '学生（幼儿）人数', en: 'students' },
  staff: { zh: '从业人员数', en: 'staff' },
};

export const NINE_SMALL_SUBTYPES = [
  'small_school',
  'small_clinic',
  'small_shop',
  'small_restaurant',
  'small_hotel',
  'small_entertainment',
  'small_internet_cafe',
  'small_beauty_bath',
  'small_processing',
] as const;
export type NineSmallSubtype = (typeof NINE_SMALL_SUBTYPES)[number];

export interface NineSmallLimit {
  readonly measure: VenueMeasure;
  /** Inclusive upper bound. */
  readonly max: number;
  readonly confirmed: boolean;
}

export interface NineSmallType {
  /** Also the venue category code of the subtype. */
  readonly code: NineSmallSubtype;
  readonly activities: readonly VenueActivity[];
  /** Every limit must hold (conjunction). */
  readonly limits: readonly NineSmallLimit[];
}

export interface NineSmallConfig {
  /**
   * Units designated 消防安全重点单位 are supervised as key units, not as 九小,
   * in the provincial definitions the defaults follow.
   */
  readonly excludeKeyUnits: boolean;
  readonly types: readonly NineSmallType[];
}

export const DEFAULT_NINE_SMALL: NineSmallConfig = {
  excludeKeyUnits: true,
  types: [
    { code: 'small_school', activities: ['school', 'kindergarten'], limits: [{ measure: 'students', max: 500, confirmed: false }] },
    { code: 'small_clinic', activities: ['clinic'], limits: [{ measure: 'beds', max: 30, confirmed: false }] },
    { code: 'small_shop', activities: ['shop'], limits: [{ measure: 'areaM2', max: 300, confirmed: true }] },
    { code: 'small_restaurant', activities: ['restaurant'], limits: [{ measure: 'seats', max: 100, confirmed: true }] },
    { code: 'small_hotel', activities: ['hotel'], limits: [{ measure: 'beds', max: 50, confirmed: true }] },
    { code: 'small_entertainment', activities: ['entertainment'], limits: [{ measure: 'areaM2', max: 200, confirmed: true }] },
    { code: 'small_internet_cafe', activities: ['internet_cafe'], limits: [{ measure: 'areaM2', max: 200, confirmed: false }] },
    { code: 'small_beauty_bath', activities: ['beauty', 'bath'], limits: [{ measure: 'areaM2', max: 200, confirmed: false }] },
    { code: 'small_processing', activities: ['processing'], limits: [{ measure: 'staff', max: 30, confirmed: false }] },
  ],
};

const nineSmallLimitSchema = z.object({
  measure: z.enum(VENUE_MEASURES),
  max: z.number().positive(),
  confirmed: z.boolean(),
});

/** Admins edit thresholds; each activity may map to at most one subtype. */
export const nineSmallConfigSchema: z.ZodType<NineSmallConfig> = z
  .object({
    excludeKeyUnits: z.boolean(),
    types: z.array(
      z.object({
        code: z.enum(NINE_SMALL_SUBTYPES),
        activities: z.array(z.enum(VENUE_ACTIVITIES)).min(1),
        limits: z.array(nineSmallLimitSchema).min(1),
      }),
    ),
  })
  .superRefine((cfg, ctx) => {
    const seenCodes = new Set<string>();
    const seenActivities = new Set<string>();
    cfg.types.forEach((t, i) => {
      if (seenCodes.has(t.code)) ctx.addIssue({ code: 'custom', path: ['types', i, 'code'], message: `duplicate subtype ${t.code}` });
      seenCodes.add(t.code);
      for (const a of t.activities) {
        if (seenActivities.has(a)) ctx.addIssue({ code: 'custom', path: ['types', i, 'activities'], message: `activity ${a} mapped twice` });
        seenActivities.add(a);
      }
    });
  });
