import { describe, expect, it } from 'vitest';
import { classifyNineSmall } from './classify-nine-small';
import { DEFAULT_NINE_SMALL, nineSmallConfigSchema, VENUE_ACTIVITIES, type NineSmallConfig } from './nine-small';

describe('classifyNineSmall', () => {
  it.each([
    ['shop', 'areaM2', 300, 'small_shop'],
    ['restaurant', 'seats', 100, 'small_restaurant'],
    ['hotel', 'beds', 50, 'small_hotel'],
    ['entertainment', 'areaM2', 200, 'small_entertainment'],
  ] as const)('treats a %s exactly at the limit (%s = %i) as 九小, and one unit above as not', (activity, measure, max, subtype) => {
    const at = classifyNineSmall({ activity, [measure]: max });
    expect(at).toEqual({ nineSmall: true, subtype, checks: [{ measure, value: max, max }] });
    const above = classifyNineSmall({ activity, [measure]: max + 1 });
    expect(above).toEqual({ nineSmall: false, reason: 'over_threshold', subtype, failed: { measure, value: max + 1, max } });
  });

  it('counts fractional areas just above the limit as over it', () => {
    expect(classifyNineSmall({ activity: 'shop', areaM2: 300.01 }).nineSmall).toBe(false);
    expect(classifyNineSmall({ activity: 'shop', areaM2: 299.99 }).nineSmall).toBe(true);
  });

  it('holds the boundary for every configured subtype', () => {
    for (const t of DEFAULT_NINE_SMALL.types) {
      for (const activity of t.activities) {
        const atLimit = Object.fromEntries(t.limits.map((l) => [l.measure, l.max]));
        expect(classifyNineSmall({ activity, ...atLimit })).toMatchObject({ nineSmall: true, subtype: t.code });
        for (const l of t.limits) {
          expect(classifyNineSmall({ activity, ...atLimit, [l.measure]: l.max + 1 })).toMatchObject({
            nineSmall: false,
            reason: 'over_threshold',
            subtype: t.code,
          });
        }
      }
    }
  });

  it('maps every activity to exactly one subtype by default', () => {
    for (const activity of VENUE_ACTIVITIES) {
      expect(DEFAULT_NINE_SMALL.types.filter((t) => t.activities.includes(activity))).toHaveLength(1);
    }
    expect(classifyNineSmall({ activity: 'kindergarten', students: 80 })).toMatchObject({ subtype: 'small_school' });
    expect(classifyNineSmall({ activity: 'bath', areaM2: 150 })).toMatchObject({ subtype: 'small_beauty_bath' });
  });

  it('marks the domain-brief thresholds confirmed and the rest not', () => {
    const confirmed = DEFAULT_NINE_SMALL.types.filter((t) => t.limits.every((l) => l.confirmed)).map((t) => t.code);
    expect(confirmed).toEqual(['small_shop', 'small_restaurant', 'small_hotel', 'small_entertainment']);
  });

  it('reports a missing measure instead of guessing', () => {
    expect(classifyNineSmall({ activity: 'hotel', areaM2: 100 })).toEqual({
      nineSmall: false,
      reason: 'missing_fact',
      subtype: 'small_hotel',
      measure: 'beds',
    });
  });

  it('rejects negative and non-finite measures', () => {
    expect(classifyNineSmall({ activity: 'shop', areaM2: -1 })).toMatchObject({ reason: 'invalid_fact', measure: 'areaM2' });
    expect(classifyNineSmall({ activity: 'shop', areaM2: Number.NaN })).toMatchObject({ reason: 'invalid_fact' });
    expect(classifyNineSmall({ activity: 'shop', areaM2: Number.POSITIVE_INFINITY })).toMatchObject({ reason: 'invalid_fact' });
  });

  it('excludes key units unless configured otherwise', () => {
    expect(classifyNineSmall({ activity: 'shop', areaM2: 50, keyUnit: true })).toEqual({ nineSmall: false, reason: 'key_unit' });
    const cfg: NineSmallConfig = { ...DEFAULT_NINE_SMALL, excludeKeyUnits: false };
    expect(classifyNineSmall({ activity: 'shop', areaM2: 50, keyUnit: true }, cfg).nineSmall).toBe(true);
  });

  it('applies every limit of a subtype and reports activities the config does not cover', () => {
    const cfg: NineSmallConfig = {
      excludeKeyUnits: true,
      types: [
        {
          code: 'small_restaurant',
          activities: ['restaurant'],
          limits: [
            { measure: 'seats', max: 100, confirmed: false },
            { measure: 'areaM2', max: 150, confirmed: false },
          ],
        },
      ],
    };
    expect(classifyNineSmall({ activity: 'restaurant', seats: 80, areaM2: 150 }, cfg).nineSmall).toBe(true);
    expect(classifyNineSmall({ activity: 'restaurant', seats: 80, areaM2: 151 }, cfg)).toMatchObject({
      reason: 'over_threshold',
      failed: { measure: 'areaM2' },
    });
    expect(classifyNineSmall({ activity: 'shop', areaM2: 10 }, cfg)).toEqual({ nineSmall: false, reason: 'activity_not_covered' });
  });

  it('validates admin-edited thresholds', () => {
    expect(nineSmallConfigSchema.safeParse(DEFAULT_NINE_SMALL).success).toBe(true);
    const twice = {
      excludeKeyUnits: true,
      types: [
        { code: 'small_shop', activities: ['shop'], limits: [{ measure: 'areaM2', max: 300, confirmed: true }] },
        { code: 'small_hotel', activities: ['shop'], limits: [{ measure: 'beds', max: 50, confirmed: true }] },
      ],
    };
    expect(nineSmallConfigSchema.safeParse(twice).success).toBe(false);
    const negative = { excludeKeyUnits: true, types: [{ code: 'small_shop', activities: ['shop'], limits: [{ measure: 'areaM2', max: -3, confirmed: true }] }] };
    expect(nineSmallConfigSchema.safeParse(negative).success).toBe(false);
  });
});
