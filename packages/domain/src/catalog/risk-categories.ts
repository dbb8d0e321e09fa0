/**
 * Prominent risk categories "9+4": the nine named nationally by the State Council
 * safety committee office, plus the four the province added for venues where
 * fires kill many people. The codes are shared across the kernel (reports,
 * hazards, Open311 services), so they are a closed `as const` list.
 */
export const RISK_CATEGORY_CODES = [
  'flammable_decoration',
  'poor_separation',
  'evacuation_blocked',
  'illegal_storage',
  'facilities_disabled',
  'ebike_indoor',
  'key_staff_negligence',
  'weak_management',
  'weak_training',
  'dorm_partitions',
  'kindergarten_hazards',
  'ward_corridor_beds',
  'bathhouse_lodging',
] as const;
export type RiskCategoryCode = (typeof RISK_CATEGORY_CODES)[number];

export interface RiskCategory {
  readonly code: RiskCategoryCode;
  readonly zh: string;
  readonly en: string;
  readonly description: { readonly zh: string; readonly en: string };
  /** 'national' for the nine, 'provincial' for the four local additions. */
  readonly origin: 'national' | 'provincial';
  /**
   * Reports in this category are verified within 24 hours instead of 3 working
   * days (消防监督检查规定 第十八条). Must agree with URGENT_RISK_CATEGORIES.
   */
  readonly urgentVerification: boolean;
}

export const RISK_CATEGORIES: readonly RiskCategory[] = [
  {
    code: 'flammable_decoration',
    zh: '违规采用易燃可燃材料装修装饰',
    en: 'Flammable decoration',
    description: {
      zh: '人员密集场所等违规使用易燃可燃材料进行室内装修、装饰，或采用易燃可燃夹芯彩钢板搭建。',
      en: 'Interior finishes or partitions of flammable or combustible material, including sandwich panels with a combustible core.',
    },
    origin: 'national',
    urgentVerification: false,
  },
  {
    code: 'poor_separation',
    zh: '防火分隔不到位',
    en: 'Poor fire separation',
    description: {
      zh: '擅自改变防火分区，防火门、防火卷帘损坏或未保持常闭，管道井未封堵，住宿与生产储存经营合用未分隔。',
      en: 'Fire compartments altered, fire doors or shutters broken or propped open, shafts unsealed, living quarters not separated from business.',
    },
    origin: 'national',
    urgentVerification: false,
  },
  {
    code: 'evacuation_blocked',
    zh: '疏散通道堵塞、安全出口锁闭',
    en: 'Blocked or locked evacuation routes and exits',
    description: {
      zh: '占用、堵塞、封闭疏散通道、安全出口、消防车通道，营业期间锁闭安全出口，门窗设置影响逃生的障碍物。',
      en: 'Evacuation routes, exits or fire lanes occupied, blocked or closed; exits locked during opening hours; bars obstructing escape.',
    },
    origin: 'national',
    urgentVerification: true,
  },
  {
    code: 'illegal_storage',
    zh: '违规存放易燃易爆危险品',
    en: 'Illegal storage of flammable or explosive goods',
    description: {
      zh: '在人员密集场所、居住场所违规生产、储存、经营、使用易燃易爆危险品。',
      en: 'Flammable or explosive goods produced, stored, sold or used in crowded venues or living quarters against the rules.',
    },
    origin: 'national',
    urgentVerification: false,
  },
  {
    code: 'facilities_disabled',
    zh: '消防设施损坏或停用',
    en: 'Damaged or shut-off fire facilities',
    description: {
      zh: '消防设施、器材损坏，擅自停用、关闭自动消防系统，消火栓被埋压、圈占、遮挡。',
      en: 'Fire facilities damaged, automatic systems switched off, hydrants buried, fenced in or hidden.',
    },
    origin: 'national',
    urgentVerification: true,
  },
  {
    code: 'ebike_indoor',
    zh: '电动自行车违规停放充电',
    en: 'E-bikes parked or charged indoors',
    description: {
      zh: '在建筑内公共门厅、疏散走道、楼梯间、安全出口停放电动自行车或为其充电，私拉电线充电。',
      en: 'E-bikes parked or charged in lobbies, corridors, stairwells or exits, or charged from improvised wiring.',
    },
    origin: 'national',
    urgentVerification: false,
  },
  {
    code: 'key_staff_negligence',
    zh: '重点人员履职不到位',
    en: 'Key staff not doing their duties',
    description: {
      zh: '消防安全责任人、管理人未明确或未履职，消防控制室值班人员脱岗、无证上岗。',
      en: 'Responsible person or manager not named or not acting; control-room operators absent or uncertified.',
    },
    origin: 'national',
    urgentVerification: false,
  },
  {
    code: 'weak_management',
    zh: '日常管理不落实',
    en: 'Weak daily management',
    description: {
      zh: '未落实防火巡查检查，用火用电用气管理混乱，消防设施未维护保养，消防档案缺失。',
      en: 'No fire patrols or checks, careless use of fire, electricity and gas, facilities not maintained, no fire safety records.',
    },
    origin: 'national',
    urgentVerification: false,
  },
  {
    code: 'weak_training',
    zh: '培训演练不到位',
    en: 'Weak training and drills',
    description: {
      zh: '员工未经消防安全培训，不会报警、不会扑救初起火灾、不会组织疏散，未定期组织演练。',
      en: 'Staff untrained: cannot raise the alarm, fight an incipient fire or lead an evacuation; no regular drills.',
    },
    origin: 'national',
    urgentVerification: false,
  },
  {
    code: 'dorm_partitions',
    zh: '学生宿舍楼设置隔断、安全疏散门锁闭',
    en: 'Student dormitory partitions and locked evacuation doors',
    description: {
      zh: '学生宿舍违规设置隔断、增加床位，宿舍楼安全疏散门锁闭。',
      en: 'Partitions or extra beds added in student dormitories; dormitory evacuation doors locked.',
    },
    origin: 'provincial',
    urgentVerification: false,
  },
  {
    code: 'kindergarten_hazards',
    zh: '幼儿园易燃可燃装修、玩具及铁栅栏',
    en: 'Kindergarten flammable decoration, toys and window bars',
    description: {
      zh: '幼儿园采用易燃可燃材料装饰装修，易燃可燃玩具增加火灾荷载，违规设置铁栅栏。',
      en: 'Kindergartens decorated with flammable material, flammable toys adding fire load, iron bars fitted against the rules.',
    },
    origin: 'provincial',
    urgentVerification: false,
  },
  {
    code: 'ward_corridor_beds',
    zh: '医院住院部走廊违规加床',
    en: 'Extra beds in hospital ward corridors',
    description: {
      zh: '医院住院部走廊违规增加床位，影响安全疏散。',
      en: 'Extra beds placed in in-patient ward corridors, obstructing evacuation.',
    },
    origin: 'provincial',
    urgentVerification: false,
  },
  {
    code: 'bathhouse_lodging',
    zh: '洗浴场所违规住人',
    en: 'People lodging in bathhouses',
    description: {
      zh: '洗浴场所违规留宿顾客或员工住宿。',
      en: 'Customers or staff staying overnight in bathhouses against the rules.',
    },
    origin: 'provincial',
    urgentVerification: false,
  },
];

export function isRiskCategoryCode(code: string): code is RiskCategoryCode {
  return (RISK_CATEGORY_CODES as readonly string[]).includes(code);
}

export function riskCategory(code: RiskCategoryCode): RiskCategory {
  // The table is complete over RISK_CATEGORY_CODES (asserted by a test).
  return RISK_CATEGORIES.find((r) => r.code === code)!;
}
