import type { VenueGroupCode } from './venue-groups';

/**
 * Venue categories (场所类别) with their group membership. A venue may belong to
 * several categories (a small hotel above a shop); its inspection checklist is
 * the de-duplicated union of their standards (see build-checklist.ts).
 *
 * Kindergartens appear in both key lists: the national list of eleven names them
 * and the province adds them again for decoration, toys and window bars.
 */
export const VENUE_CATEGORIES = [
  // National list of eleven [U as "the nine"].
  { code: 'market', zh: '商场市场', en: 'Shopping mall or market', groups: ['key_national', 'public_gathering', 'crowded'] },
  { code: 'multi_use', zh: '“三合一”“多合一”场所', en: 'Mixed living and business premises', groups: ['key_national', 'multi_use'] },
  { code: 'labour_intensive', zh: '劳动密集型企业', en: 'Labour-intensive enterprise', groups: ['key_national', 'crowded'] },
  { code: 'public_entertainment', zh: '公共娱乐场所', en: 'Public entertainment venue', groups: ['key_national', 'public_gathering', 'crowded'] },
  { code: 'group_rental', zh: '群租房', en: 'Group rental housing', groups: ['key_national'] },
  { code: 'hotel_restaurant', zh: '宾馆饭店', en: 'Hotel or restaurant', groups: ['key_national', 'public_gathering', 'crowded'] },
  { code: 'high_rise', zh: '高层建筑', en: 'High-rise building', groups: ['key_national'] },
  { code: 'elderly_care', zh: '养老院', en: 'Elderly care home', groups: ['key_national', 'crowded'] },
  { code: 'construction_site', zh: '建设工地', en: 'Construction site', groups: ['key_national'] },
  { code: 'kindergarten', zh: '幼儿园', en: 'Kindergarten', groups: ['key_national', 'key_provincial', 'crowded'] },
  { code: 'heritage_building', zh: '文物建筑', en: 'Heritage building', groups: ['key_national'] },
  // Provincial additions.
  { code: 'student_dormitory', zh: '学生宿舍', en: 'Student dormitory', groups: ['key_provincial', 'crowded'] },
  { code: 'hospital_ward', zh: '医院住院部', en: 'Hospital in-patient ward', groups: ['key_provincial', 'crowded'] },
  { code: 'bathhouse', zh: '洗浴场所', en: 'Bathhouse', groups: ['key_provincial', 'public_gathering', 'crowded'] },
  // 九小场所.
  { code: 'small_school', zh: '小学校（幼儿园）', en: 'Small school or kindergarten', groups: ['nine_small', 'crowded'] },
  { code: 'small_clinic', zh: '小医院（诊所）', en: 'Small hospital or clinic', groups: ['nine_small', 'crowded'] },
  { code: 'small_shop', zh: '小商店', en: 'Small shop', groups: ['nine_small', 'public_gathering', 'crowded'] },
  { code: 'small_restaurant', zh: '小餐饮', en: 'Small restaurant', groups: ['nine_small', 'public_gathering', 'crowded'] },
  { code: 'small_hotel', zh: '小旅馆', en: 'Small hotel', groups: ['nine_small', 'public_gathering', 'crowded'] },
  { code: 'small_entertainment', zh: '小歌舞娱乐场所', en: 'Small entertainment venue', groups: ['nine_small', 'public_gathering', 'crowded'] },
  { code: 'small_internet_cafe', zh: '小网吧', en: 'Small internet café', groups: ['nine_small', 'public_gathering', 'crowded'] },
  { code: 'small_beauty_bath', zh: '小美容洗浴场所', en: 'Small beauty or bath venue', groups: ['nine_small', 'public_gathering', 'crowded'] },
  { code: 'small_processing', zh: '小生产加工企业', en: 'Small processing workshop', groups: ['nine_small'] },
] as const satisfies readonly {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly groups: readonly VenueGroupCode[];
}[];

export type VenueCategory = (typeof VENUE_CATEGORIES)[number];
export type VenueCategoryCode = VenueCategory['code'];

export const VENUE_CATEGORY_CODES: readonly VenueCategoryCode[] = VENUE_CATEGORIES.map((c) => c.code);

export function isVenueCategoryCode(code: string): code is VenueCategoryCode {
  return (VENUE_CATEGORY_CODES as readonly string[]).includes(code);
}

export function venueCategory(code: VenueCategoryCode): VenueCategory {
  return VENUE_CATEGORIES.find((c) => c.code === code)!;
}

/** Category codes in a group, in catalog order. */
export function categoriesInGroup(group: VenueGroupCode): VenueCategoryCode[] {
  return VENUE_CATEGORIES.filter((c) => (c.groups as readonly VenueGroupCode[]).includes(group)).map((c) => c.code);
}

/** The union of groups of every category a venue belongs to. */
export function groupsOf(categories: readonly string[]): VenueGroupCode[] {
  const out = new Set<VenueGroupCode>();
  for (const code of categories) {
    const c = VENUE_CATEGORIES.find((v) => v.code === code);
    if (c) for (const g of c.groups) out.add(g);
  }
  return [...out];
}

/** Key venues "9+4": the national list plus the provincial additions. */
export function isKeyVenueCategory(code: VenueCategoryCode): boolean {
  const groups: readonly VenueGroupCode[] = venueCategory(code).groups;
  return groups.includes('key_national') || groups.includes('key_provincial');
}
