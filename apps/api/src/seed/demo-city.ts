import type { IndustrySector, JurisdictionLevel, Role } from '@firebreak/domain';
import type { DepartmentKind } from '@firebreak/db';

/**
 * The demo city as data: an example province, one city, four districts, their
 * streets, communities and grid cells, the departments that work there and one
 * account per role. Every name is invented; nothing here is a real office.
 */

export interface DistrictSpec {
  readonly key: 'donghu' | 'xishan' | 'nanjiang' | 'beiling';
  readonly name: string;
  readonly streets: readonly { readonly name: string; readonly communities: readonly string[] }[];
  /** Rough centre for venue coordinates (an invented place, so any plausible point will do). */
  readonly centre: { readonly lat: number; readonly lng: number };
}

export const DEMO_PROVINCE = '浙江省（示例）';
export const DEMO_CITY = '示范市';

export const DEMO_DISTRICTS: readonly DistrictSpec[] = [
  {
    key: 'donghu',
    name: '东湖区',
    centre: { lat: 30.274, lng: 120.171 },
    streets: [
      { name: '湖滨街道', communities: ['湖滨社区', '东坡社区'] },
      { name: '文晖街道', communities: ['文晖社区', '潮鸣社区'] },
      { name: '东港街道', communities: ['东港社区', '新塘社区'] },
    ],
  },
  {
    key: 'xishan',
    name: '西山区',
    centre: { lat: 30.281, lng: 120.098 },
    streets: [
      { name: '西溪街道', communities: ['西溪社区', '古荡社区'] },
      { name: '翠苑街道', communities: ['翠苑社区', '文新社区'] },
    ],
  },
  {
    key: 'nanjiang',
    name: '南江区',
    centre: { lat: 30.196, lng: 120.212 },
    streets: [
      { name: '江南街道', communities: ['江南社区', '滨江社区'] },
      { name: '长河街道', communities: ['长河社区', '白马湖社区'] },
      { name: '浦沿街道', communities: ['浦沿社区', '冠山社区'] },
    ],
  },
  {
    key: 'beiling',
    name: '北岭区',
    centre: { lat: 30.352, lng: 120.143 },
    streets: [
      { name: '北山街道', communities: ['北山社区', '桃源社区'] },
      { name: '岭下镇', communities: ['岭下村', '青山村'] },
    ],
  },
];

/** Grid cells per community. */
export const GRIDS_PER_COMMUNITY = 2;

export function gridName(community: string, n: number): string {
  return `${community}第${n}网格`;
}

export type DepartmentKey =
  | 'detachment'
  | `brigade.${DistrictSpec['key']}`
  | 'police.hubin'
  | 'police.xixi'
  | `industry.${IndustrySector}`
  | 'committee'
  | 'experts'
  | 'discipline'
  | 'street.hubin';

export interface DepartmentSpec {
  readonly key: DepartmentKey;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: DepartmentKind;
  readonly sector?: IndustrySector;
  /** Where the department sits: 'city', a district key, or a street name. */
  readonly at: { readonly level: JurisdictionLevel; readonly name: string };
  readonly parent?: DepartmentKey;
}

const city = { level: 'city', name: DEMO_CITY } as const;

const INDUSTRY: readonly { sector: IndustrySector; name: string; nameEn: string }[] = [
  { sector: 'education', name: '示范市教育局', nameEn: 'Education Bureau' },
  { sector: 'civil_affairs', name: '示范市民政局', nameEn: 'Civil Affairs Bureau' },
  { sector: 'housing_construction', name: '示范市住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau' },
  { sector: 'culture_tourism', name: '示范市文化广电旅游局', nameEn: 'Culture, Radio, TV and Tourism Bureau' },
  { sector: 'health', name: '示范市卫生健康委员会', nameEn: 'Health Commission' },
  { sector: 'market_regulation', name: '示范市市场监督管理局', nameEn: 'Market Regulation Administration' },
  { sector: 'emergency_management', name: '示范市应急管理局', nameEn: 'Emergency Management Bureau' },
  { sector: 'commerce', name: '示范市商务局', nameEn: 'Commerce Bureau' },
];

export const DEMO_DEPARTMENTS: readonly DepartmentSpec[] = [
  { key: 'detachment', name: '示范市消防救援支队', nameEn: 'City Fire and Rescue Detachment', kind: 'fire_agency', at: city },
  ...DEMO_DISTRICTS.map(
    (d): DepartmentSpec => ({
      key: `brigade.${d.key}`,
      name: `示范市${d.name}消防救援大队`,
      nameEn: `${d.key[0]!.toUpperCase()}${d.key.slice(1)} District Fire and Rescue Brigade`,
      kind: 'fire_agency',
      at: { level: 'district', name: d.name },
      parent: 'detachment',
    }),
  ),
  { key: 'police.hubin', name: '示范市公安局东湖分局湖滨派出所', nameEn: 'Hubin Police Station', kind: 'police_station', at: { level: 'street', name: '湖滨街道' } },
  { key: 'police.xixi', name: '示范市公安局西山分局西溪派出所', nameEn: 'Xixi Police Station', kind: 'police_station', at: { level: 'street', name: '西溪街道' } },
  ...INDUSTRY.map(
    (i): DepartmentSpec => ({ key: `industry.${i.sector}`, name: i.name, nameEn: i.nameEn, kind: 'industry', sector: i.sector, at: city }),
  ),
  { key: 'committee', name: '示范市消防安全委员会办公室', nameEn: 'Fire Safety Committee Office', kind: 'committee_office', at: city },
  { key: 'experts', name: '示范市消防安全专家库', nameEn: 'Fire Safety Expert Pool', kind: 'expert_pool', at: city },
  { key: 'discipline', name: '示范市纪委监委', nameEn: 'Discipline Inspection and Supervision Commission', kind: 'discipline', at: city },
  { key: 'street.hubin', name: '东湖区湖滨街道办事处', nameEn: 'Hubin Street Office', kind: 'government', at: { level: 'street', name: '湖滨街道' } },
];

export interface DemoUserSpec {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly department?: DepartmentKey;
  /** The root of the account's jurisdiction subtree, by level and name. */
  readonly scope?: { readonly level: JurisdictionLevel; readonly name: string };
  /** For unit accounts: which seeded venue (by its fixed demo name). */
  readonly venueName?: string;
  /** Shown in the README table. */
  readonly listed: boolean;
}

const donghu = { level: 'district', name: '东湖区' } as const;

/** Venues that get a unit account; the venue generator creates them first, by these names. */
export const UNIT_ACCOUNT_VENUES = {
  unit: '湖滨万家福购物广场',
  unit2: '湖滨老街坊小饭馆',
  unit3: '东坡阳光幼儿园',
} as const;

export const DEMO_USERS: readonly DemoUserSpec[] = [
  // The deployment's settings (calendar, catalogs, api keys, notifications) sit at the top of the tree: the admin's scope is the province node.
  { username: 'admin', displayName: '杨管理员', role: 'admin', department: 'detachment', scope: { level: 'province', name: DEMO_PROVINCE }, listed: true },
  { username: 'supervisor', displayName: '孙大队长', role: 'fire_supervisor', department: 'brigade.donghu', scope: donghu, listed: true },
  { username: 'city.supervisor', displayName: '吴支队长', role: 'fire_supervisor', department: 'detachment', scope: city, listed: true },
  { username: 'inspector', displayName: '王监督', role: 'inspector', department: 'brigade.donghu', scope: donghu, listed: true },
  { username: 'inspector2', displayName: '赵监督', role: 'inspector', department: 'brigade.donghu', scope: donghu, listed: true },
  { username: 'police', displayName: '郑民警', role: 'police_officer', department: 'police.hubin', scope: { level: 'street', name: '湖滨街道' }, listed: true },
  { username: 'industry', displayName: '冯科长', role: 'industry_officer', department: 'industry.education', scope: city, listed: true },
  { username: 'committee', displayName: '陈主任', role: 'committee_officer', department: 'committee', scope: city, listed: true },
  { username: 'expert', displayName: '褚专家', role: 'expert', department: 'experts', scope: city, listed: true },
  { username: 'discipline', displayName: '卫纪检', role: 'discipline_inspector', department: 'discipline', scope: city, listed: true },
  { username: 'reward', displayName: '蒋经办', role: 'reward_officer', department: 'detachment', scope: city, listed: true },
  { username: 'reward2', displayName: '沈经办', role: 'reward_officer', department: 'detachment', scope: city, listed: true },
  { username: 'custodian', displayName: '韩保管', role: 'custodian', department: 'detachment', scope: city, listed: true },
  { username: 'grid', displayName: '朱网格', role: 'grid_worker', department: 'street.hubin', scope: { level: 'street', name: '湖滨街道' }, listed: true },
  { username: 'unit', displayName: '万家福购物广场', role: 'unit', venueName: UNIT_ACCOUNT_VENUES.unit, listed: true },
  { username: 'unit2', displayName: '老街坊小饭馆', role: 'unit', venueName: UNIT_ACCOUNT_VENUES.unit2, listed: true },
  { username: 'unit3', displayName: '阳光幼儿园', role: 'unit', venueName: UNIT_ACCOUNT_VENUES.unit3, listed: true },
  // Two inspectors and a brigade head in each other district, so every district has a ledger.
  ...(['xishan', 'nanjiang', 'beiling'] as const).flatMap((key, i): DemoUserSpec[] => {
    const district = DEMO_DISTRICTS.find((d) => d.key === key)!;
    const scope = { level: 'district', name: district.name } as const;
    const surnames = [
      ['何', '吕', '施'],
      ['孔', '曹', '严'],
      ['华', '金', '魏'],
    ][i]!;
    return [
      { username: `${key}.supervisor`, displayName: `${surnames[0]}大队长`, role: 'fire_supervisor', department: `brigade.${key}`, scope, listed: false },
      { username: `${key}.inspector`, displayName: `${surnames[1]}监督`, role: 'inspector', department: `brigade.${key}`, scope, listed: false },
      { username: `${key}.inspector2`, displayName: `${surnames[2]}监督`, role: 'inspector', department: `brigade.${key}`, scope, listed: false },
    ];
  }),
];

/** One shared password for every demo account. DEMO ONLY: the README says so next to it. */
export const DEMO_PASSWORD = 'Firebreak-demo-2026';

/**
 * The Open311 api key the demo hands to integrators (12345/96119 hotline
 * systems). Printed in the README; stored only as its SHA-256.
 */
export const DEMO_OPEN311_KEY = 'fb-demo-open311-2026-5d8c1e7a9b3f4a60';
