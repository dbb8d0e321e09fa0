import { isKeyVenueCategory, VENUE_CATEGORY_CODES, type VenueActivity, type VenueCategoryCode } from '@firebreak/domain';
import { UNIT_ACCOUNT_VENUES } from './demo-city';
import type { Random } from './random';

/** A grid cell venues are placed in, with the names needed to build addresses. */
export interface GridPlace {
  readonly gridId: string;
  readonly district: string;
  readonly street: string;
  readonly community: string;
  readonly centre: { readonly lat: number; readonly lng: number };
}

export interface DemoVenue {
  readonly name: string;
  readonly address: string;
  readonly lat: number;
  readonly lng: number;
  readonly categories: VenueCategoryCode[];
  readonly flags: string[];
  readonly attributes: Record<string, unknown>;
  readonly jurisdictionId: string;
  readonly creditCode: string;
  readonly responsible: { readonly name: string; readonly position: string };
  readonly manager: { readonly name: string; readonly position: string };
}

export const STEMS: Readonly<Record<VenueCategoryCode, readonly string[]>> = {
  market: ['万家福购物广场', '农贸市场', '小商品城', '百货大楼', '建材市场'],
  multi_use: ['服装加工店', '五金批发部', '电动车维修铺', '杂货铺'],
  labour_intensive: ['制衣厂', '电子科技有限公司', '鞋业有限公司', '包装制品厂'],
  public_entertainment: ['星光KTV', '欢乐迪歌城', '影城', '音乐酒吧'],
  group_rental: ['青年公寓', '蓝领公寓', '长租公寓'],
  hotel_restaurant: ['大酒店', '宾馆', '酒楼', '国际饭店'],
  high_rise: ['国际大厦', '金融中心', '商务大楼', '花园住宅楼'],
  elderly_care: ['颐养院', '养老服务中心', '敬老院'],
  construction_site: ['地铁站项目工地', '安置房项目工地', '综合体项目工地'],
  kindergarten: ['阳光幼儿园', '启明幼儿园', '育才幼儿园'],
  heritage_building: ['古戏台', '宗祠', '古寺', '名人故居'],
  student_dormitory: ['职业技术学院学生宿舍', '中学学生公寓', '大学城宿舍楼'],
  hospital_ward: ['人民医院住院部', '中医院住院部', '妇幼保健院住院楼'],
  bathhouse: ['浴场', '温泉会馆', '洗浴中心'],
  small_school: ['实验小学', '艺术培训学校', '托育园'],
  small_clinic: ['诊所', '社区卫生服务站', '口腔门诊'],
  small_shop: ['便利店', '超市', '五金店', '服装店', '文具店'],
  small_restaurant: ['老街坊小饭馆', '面馆', '小吃店', '火锅店'],
  small_hotel: ['快捷宾馆', '旅社', '民宿'],
  small_entertainment: ['小歌厅', '棋牌室', '桌游吧'],
  small_internet_cafe: ['网吧', '电竞馆'],
  small_beauty_bath: ['美容院', '足浴店', '美发店'],
  small_processing: ['木器加工厂', '印刷厂', '食品加工坊'],
};

/** How many venues of each category per hundred: small venues dominate a real city. */
const WEIGHT: Readonly<Record<VenueCategoryCode, number>> = {
  market: 4,
  multi_use: 5,
  labour_intensive: 4,
  public_entertainment: 3,
  group_rental: 4,
  hotel_restaurant: 4,
  high_rise: 4,
  elderly_care: 2,
  construction_site: 2,
  kindergarten: 3,
  heritage_building: 2,
  student_dormitory: 2,
  hospital_ward: 2,
  bathhouse: 2,
  small_school: 3,
  small_clinic: 4,
  small_shop: 14,
  small_restaurant: 12,
  small_hotel: 6,
  small_entertainment: 3,
  small_internet_cafe: 3,
  small_beauty_bath: 5,
  small_processing: 5,
};

/** The 九小 activity each small category is measured as (classifyNineSmall reads it). */
const NINE_SMALL_ACTIVITY: Partial<Record<VenueCategoryCode, VenueActivity>> = {
  small_school: 'school',
  small_clinic: 'clinic',
  small_shop: 'shop',
  small_restaurant: 'restaurant',
  small_hotel: 'hotel',
  small_entertainment: 'entertainment',
  small_internet_cafe: 'internet_cafe',
  small_beauty_bath: 'beauty',
  small_processing: 'processing',
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建国', '秀英', '伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '桂英', '志强', '海燕'];
const ROADS = ['人民路', '解放路', '中山路', '延安路', '建设路', '文化路', '湖滨路', '新华路', '环城北路', '学院路', '江南大道', '长河路'];

function personName(rng: Random): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
}

/** Facts the 九小 thresholds and GB 35181 are checked against, kept inside each small category's limit. */
function attributesFor(category: VenueCategoryCode, rng: Random): Record<string, unknown> {
  const activity = NINE_SMALL_ACTIVITY[category];
  switch (category) {
    case 'small_school':
      return { activity, students: rng.int(40, 480), areaM2: rng.int(200, 1500) };
    case 'small_clinic':
      return { activity, beds: rng.int(0, 30), areaM2: rng.int(60, 600) };
    case 'small_shop':
      return { activity, areaM2: rng.int(30, 300) };
    case 'small_restaurant':
      return { activity, seats: rng.int(12, 100), areaM2: rng.int(30, 250) };
    case 'small_hotel':
      return { activity, beds: rng.int(8, 50), areaM2: rng.int(150, 900) };
    case 'small_entertainment':
    case 'small_internet_cafe':
    case 'small_beauty_bath':
      return { activity, areaM2: rng.int(40, 200) };
    case 'small_processing':
      return { activity, staff: rng.int(3, 30), areaM2: rng.int(80, 800) };
    case 'market':
      return { areaM2: rng.int(3000, 40000), floors: rng.int(1, 6) };
    case 'high_rise':
      return { heightM: rng.int(30, 220), floors: rng.int(11, 60) };
    case 'hotel_restaurant':
      return { beds: rng.int(60, 600), seats: rng.int(100, 800) };
    case 'elderly_care':
    case 'hospital_ward':
      return { beds: rng.int(40, 600) };
    case 'kindergarten':
    case 'student_dormitory':
      return { students: rng.int(120, 2400) };
    case 'labour_intensive':
      return { staff: rng.int(100, 1500), areaM2: rng.int(2000, 20000) };
    default:
      return { areaM2: rng.int(200, 5000) };
  }
}

function creditCode(rng: Random): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let code = '91330100';
  while (code.length < 18) code += chars[rng.int(0, chars.length - 1)];
  return code;
}

function communityStem(community: string): string {
  return community.replace(/(社区|村)$/, '');
}

/** One category drawn by the city's mix (small shops and restaurants most often). */
export function weightedCategory(rng: Random): VenueCategoryCode {
  const weights = VENUE_CATEGORY_CODES.map((c) => WEIGHT[c]);
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  let i = 0;
  while (i < weights.length - 1 && r >= weights[i]!) r -= weights[i++]!;
  return VENUE_CATEGORY_CODES[i]!;
}

/** The measured facts of a venue of `category` (exported for the scale seed). */
export function venueAttributes(category: VenueCategoryCode, rng: Random): Record<string, unknown> {
  return attributesFor(category, rng);
}

export { personName, creditCode };

function categoryPlan(total: number, rng: Random): VenueCategoryCode[] {
  // Three of every category first, so each standard and dashboard bucket has data.
  const plan: VenueCategoryCode[] = [];
  for (const c of VENUE_CATEGORY_CODES) plan.push(c, c, c);
  while (plan.length < total) plan.push(weightedCategory(rng));
  return plan;
}

/**
 * About `total` venues over the grid cells, every category present, the three
 * unit-account venues first under their fixed names (the README names them).
 */
export function demoVenues(grids: readonly GridPlace[], total: number, rng: Random): DemoVenue[] {
  if (grids.length === 0) throw new Error('demoVenues: no grid cells');
  const used = new Set<string>();
  const out: DemoVenue[] = [];
  const gridOf = (community: string) => grids.find((g) => g.community === community) ?? grids[0]!;

  const make = (category: VenueCategoryCode, grid: GridPlace, fixedName?: string, extra: VenueCategoryCode[] = []): DemoVenue => {
    let name = fixedName ?? `${communityStem(grid.community)}${rng.pick(STEMS[category])}`;
    for (let n = 2; used.has(name); n++) name = `${fixedName ?? name.replace(/（\d+号店）$/, '')}（${n}号店）`;
    used.add(name);
    const categories = [category, ...extra];
    const flags: string[] = [];
    // Designation follows the main category; a 三合一 shop is not a key unit for being one.
    if (isKeyVenueCategory(category)) flags.push('key_unit');
    if (['market', 'public_entertainment', 'high_rise', 'hospital_ward', 'labour_intensive'].includes(category) && rng.chance(0.4)) flags.push('high_risk_unit');
    return {
      name,
      address: `${grid.district}${grid.street}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
      lat: Number((grid.centre.lat + (rng.next() - 0.5) * 0.02).toFixed(6)),
      lng: Number((grid.centre.lng + (rng.next() - 0.5) * 0.02).toFixed(6)),
      categories,
      flags,
      attributes: attributesFor(category, rng),
      jurisdictionId: grid.gridId,
      creditCode: creditCode(rng),
      responsible: { name: personName(rng), position: rng.pick(['法定代表人', '实际控制人', '总经理', '负责人']) },
      manager: { name: personName(rng), position: rng.pick(['消防安全管理人', '安全主管', '店长', '行政主管']) },
    };
  };

  out.push(make('market', gridOf('湖滨社区'), UNIT_ACCOUNT_VENUES.unit));
  out.push(make('small_restaurant', gridOf('湖滨社区'), UNIT_ACCOUNT_VENUES.unit2));
  out.push(make('kindergarten', gridOf('东坡社区'), UNIT_ACCOUNT_VENUES.unit3));

  const plan = categoryPlan(total - out.length, rng);
  plan.forEach((category, i) => {
    const grid = grids[i % grids.length]!;
    // Some shops and workshops are 三合一: people live where goods are sold or made.
    const extra: VenueCategoryCode[] = (category === 'small_shop' || category === 'small_processing') && rng.chance(0.15) ? ['multi_use'] : [];
    out.push(make(category, grid, undefined, extra));
  });
  return out;
}
