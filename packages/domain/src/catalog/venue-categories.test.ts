import { describe, expect, it } from 'vitest';
import { UNIT_FLAGS, UNIT_FLAG_CODES, isUnitFlagCode } from './unit-flags';
import { NINE_SMALL_SUBTYPES } from './nine-small';
import {
  categoriesInGroup,
  groupsOf,
  isKeyVenueCategory,
  isVenueCategoryCode,
  VENUE_CATEGORIES,
  VENUE_CATEGORY_CODES,
} from './venue-categories';
import { VENUE_GROUP_CODES, VENUE_GROUPS, venueGroup } from './venue-groups';

describe('venue categories and groups', () => {
  it('has unique codes and bilingual names', () => {
    expect(new Set(VENUE_CATEGORY_CODES).size).toBe(VENUE_CATEGORIES.length);
    for (const c of VENUE_CATEGORIES) {
      expect(c.zh).toMatch(/\p{Script=Han}/u);
      expect(c.en.length).toBeGreaterThan(3);
      expect(c.groups.length).toBeGreaterThan(0);
    }
  });

  it('encodes the published national list of eleven, flagged as unconfirmed "nine"', () => {
    expect(categoriesInGroup('key_national')).toEqual([
      'market',
      'multi_use',
      'labour_intensive',
      'public_entertainment',
      'group_rental',
      'hotel_restaurant',
      'high_rise',
      'elderly_care',
      'construction_site',
      'kindergarten',
      'heritage_building',
    ]);
    expect(venueGroup('key_national').confirmed).toBe(false);
  });

  it('adds the four provincial key venues', () => {
    expect(categoriesInGroup('key_provincial')).toEqual(['kindergarten', 'student_dormitory', 'hospital_ward', 'bathhouse']);
    expect(venueGroup('key_provincial').confirmed).toBe(true);
    expect(isKeyVenueCategory('bathhouse')).toBe(true);
    expect(isKeyVenueCategory('kindergarten')).toBe(true);
    expect(isKeyVenueCategory('small_shop')).toBe(false);
  });

  it('lists the nine 九小 subtypes as categories', () => {
    expect(categoriesInGroup('nine_small')).toEqual([...NINE_SMALL_SUBTYPES]);
    for (const s of NINE_SMALL_SUBTYPES) expect(isVenueCategoryCode(s)).toBe(true);
  });

  it('defines every group once, with Art. 73 for the crowded and public-gathering groups', () => {
    expect(VENUE_GROUPS.map((g) => g.code)).toEqual([...VENUE_GROUP_CODES]);
    expect(venueGroup('crowded').basis?.article).toBe('第七十三条');
    expect(venueGroup('public_gathering').basis?.article).toBe('第七十三条');
    for (const c of VENUE_CATEGORIES) for (const g of c.groups) expect(VENUE_GROUP_CODES).toContain(g);
  });

  it('keeps every public gathering place a crowded venue (Art. 73 defines the one through the other)', () => {
    const crowded = new Set(categoriesInGroup('crowded'));
    for (const code of categoriesInGroup('public_gathering')) expect(crowded.has(code)).toBe(true);
  });

  it('merges groups of a venue in several categories and ignores unknown codes', () => {
    expect(groupsOf(['small_hotel', 'multi_use', 'no_such_category']).sort()).toEqual(
      ['crowded', 'key_national', 'multi_use', 'nine_small', 'public_gathering'].sort(),
    );
    expect(groupsOf([])).toEqual([]);
  });

  it('defines the key-unit and high-risk-unit flags', () => {
    expect(UNIT_FLAGS.map((f) => f.code)).toEqual([...UNIT_FLAG_CODES]);
    expect(UNIT_FLAGS.find((f) => f.code === 'key_unit')?.zh).toBe('消防安全重点单位');
    expect(UNIT_FLAGS.find((f) => f.code === 'high_risk_unit')?.zh).toBe('火灾高危单位');
    expect(isUnitFlagCode('key_unit')).toBe(true);
    expect(isUnitFlagCode('vip')).toBe(false);
  });
});
