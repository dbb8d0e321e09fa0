import { basis, LAWS, type LegalBasis } from './legal-basis';

/**
 * Groups a venue category can belong to. Membership drives which campaign lists
 * a venue appears on, who inspects it (police stations take 九小场所), and which
 * GB 35181 counting rule applies (crowded venues).
 */
export const VENUE_GROUP_CODES = [
  'key_national',
  'key_provincial',
  'nine_small',
  'multi_use',
  'public_gathering',
  'crowded',
] as const;
export type VenueGroupCode = (typeof VENUE_GROUP_CODES)[number];

export interface VenueGroup {
  readonly code: VenueGroupCode;
  readonly zh: string;
  readonly en: string;
  readonly definition: { readonly zh: string; readonly en: string };
  readonly basis: LegalBasis | null;
  /**
   * False when the membership list is not confirmed by the sources. The national
   * "nine" key venues are known only through a published list of eleven types, so
   * that list is data an administrator is expected to correct.
   */
  readonly confirmed: boolean;
  readonly note?: string;
}

export const VENUE_GROUPS: readonly VenueGroup[] = [
  {
    code: 'key_national',
    zh: '国家九类重点场所',
    en: 'National key venues ("the nine")',
    definition: {
      zh: '国务院安委办确定的可能造成群死群伤火灾的重点场所。',
      en: 'Venue types named by the State Council work-safety office as liable to fires with mass casualties.',
    },
    basis: null,
    confirmed: false,
    note: '来源仅见一份公开的11类场所清单（商场市场、多合一场所、劳动密集型企业、公共娱乐场所、群租房、宾馆饭店、高层建筑、养老院、建设工地、幼儿园、文物建筑），是否即“九类”未经确认。',
  },
  {
    code: 'key_provincial',
    zh: '省增加四类重点场所',
    en: 'Provincial additions to the key venues',
    definition: {
      zh: '学生宿舍、幼儿园、医院住院部、洗浴场所。',
      en: 'Student dormitories, kindergartens, hospital in-patient wards and bathhouses.',
    },
    basis: null,
    confirmed: true,
  },
  {
    code: 'nine_small',
    zh: '“九小”场所',
    en: '"Nine small" venues',
    definition: {
      zh: '小学校（幼儿园）、小医院（诊所）、小商店、小餐饮、小旅馆、小歌舞娱乐、小网吧、小美容洗浴、小生产加工企业，规模在规定标准以下且非消防安全重点单位。',
      en: 'Small schools and kindergartens, clinics, shops, restaurants, hotels, entertainment venues, internet cafés, beauty and bath venues, processing workshops below the size thresholds and not key units.',
    },
    basis: null,
    confirmed: true,
  },
  {
    code: 'multi_use',
    zh: '“三合一”“多合一”场所',
    en: 'Mixed living and business premises',
    definition: {
      zh: '住宿与生产、储存、经营一种或几种用途混合设置在同一连通空间内，未按规定进行防火分隔的场所。',
      en: 'Living quarters mixed with production, storage or business in one connected space without the required fire separation.',
    },
    basis: basis(LAWS.fireLaw, '第十九条'),
    confirmed: true,
  },
  {
    code: 'public_gathering',
    zh: '公众聚集场所',
    en: 'Public gathering places',
    definition: {
      zh: '宾馆、饭店、商场、集贸市场、客运车站候车室、客运码头候船厅、民用机场航站楼、体育场馆、会堂以及公共娱乐场所等。',
      en: 'Hotels, restaurants, shops, markets, passenger waiting halls, airport terminals, stadiums, assembly halls and public entertainment venues.',
    },
    basis: basis(LAWS.fireLaw, '第七十三条'),
    confirmed: true,
  },
  {
    code: 'crowded',
    zh: '人员密集场所',
    en: 'Crowded venues',
    definition: {
      zh: '公众聚集场所，医院的门诊楼、病房楼，学校的教学楼、图书馆、食堂和集体宿舍，养老院，福利院，托儿所，幼儿园，公共图书馆的阅览室，公共展览馆、博物馆的展示厅，劳动密集型企业的生产加工车间和员工集体宿舍，旅游、宗教活动场所等。',
      en: 'Public gathering places; hospital out-patient and ward buildings; school classrooms, libraries, canteens and dormitories; elderly and welfare homes; nurseries and kindergartens; reading rooms, exhibition halls and museums; workshops and dormitories of labour-intensive enterprises; tourist and religious sites.',
    },
    basis: basis(LAWS.fireLaw, '第七十三条'),
    confirmed: true,
  },
];

export function venueGroup(code: VenueGroupCode): VenueGroup {
  // Complete over VENUE_GROUP_CODES (asserted by a test).
  return VENUE_GROUPS.find((g) => g.code === code)!;
}
