import { IMMEDIATE, workingDays } from './common-check-items';
import { basis, LAWS } from './legal-basis';
import type { CheckItem } from './remediation-standard';

/**
 * Check items specific to a kind of venue. Some are shared between a key venue
 * category and its 九小 counterpart (a small clinic gets the ward items), again
 * by reference.
 */
export const VENUE_ITEMS = {
  // 商场市场
  marketAisles: {
    id: 'market.aisles-clear',
    text: {
      zh: '营业厅内柜台、货架、临时摊位未占用主要疏散通道，疏散通道净宽度符合要求。',
      en: 'Counters, shelves and temporary stalls do not narrow the main aisles below the required clear width.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.gb50016, '第5.5.21条')],
    deadline: IMMEDIATE,
    gbElements: ['7.3.3', '7.3.5'],
  },
  noLodgingInBusiness: {
    id: 'market.no-lodging',
    text: {
      zh: '商场、市场、商铺内未设置员工宿舍，未违规住人。',
      en: 'No staff dormitory and nobody sleeping inside the mall, market or shop units.',
    },
    riskCategory: 'poor_separation',
    severity: 'major_candidate',
    basis: [basis(LAWS.fireLaw, '第十九条'), basis(LAWS.ga703)],
    deadline: IMMEDIATE,
    gbElements: ['7.1.3'],
  },
  // 三合一/多合一
  livingSeparated: {
    id: 'multi.living-separated',
    text: {
      zh: '住宿部分与生产、储存、经营部分之间采用不燃烧体墙完全分隔，住宿部分设置独立的疏散楼梯或安全出口。',
      en: 'Living part separated from production, storage or business by non-combustible walls, with its own stair or exit.',
    },
    riskCategory: 'poor_separation',
    severity: 'major_candidate',
    basis: [basis(LAWS.fireLaw, '第十九条'), basis(LAWS.ga703)],
    deadline: workingDays(20),
    gbElements: ['7.1.3'],
  },
  noDwellingWithFlammables: {
    id: 'multi.no-dwelling-with-flammables',
    text: {
      zh: '生产、储存、经营易燃易爆危险品的场所未与居住场所设置在同一建筑物内。',
      en: 'Premises producing, storing or selling flammable or explosive goods are not in the same building as living quarters.',
    },
    riskCategory: 'illegal_storage',
    severity: 'major_candidate',
    basis: [basis(LAWS.fireLaw, '第十九条')],
    deadline: IMMEDIATE,
    gbElements: ['6.2'],
  },
  // 劳动密集型企业 / 小生产加工企业
  noDormInWorkshop: {
    id: 'labour.no-dorm-in-workshop',
    text: {
      zh: '员工宿舍未设置在生产车间、仓库建筑内。',
      en: 'No staff dormitory inside a workshop or warehouse building.',
    },
    riskCategory: 'poor_separation',
    severity: 'major_candidate',
    basis: [basis(LAWS.fireLaw, '第十九条'), basis(LAWS.gb50016, '第3.3.5条')],
    deadline: workingDays(10),
    gbElements: ['7.1.3'],
  },
  stackingDistances: {
    id: 'labour.stacking-distances',
    text: {
      zh: '车间、仓库内原料和成品分类分堆存放，保持“五距”，不超量存放，不堵塞通道。',
      en: 'Raw materials and products stored in separate stacks with the required clearances, not overstocked, aisles clear.',
    },
    riskCategory: 'illegal_storage',
    severity: 'general',
    basis: [basis(LAWS.warehouseRules, '第二十条')],
    deadline: workingDays(3),
  },
  // 公共娱乐场所 / 宾馆饭店 / 商场: GB 35181 6.6 systems required for these venue types
  requiredSystemsInstalled: {
    id: 'crowded.required-systems-installed',
    text: {
      zh: '按规定设置自动喷水灭火系统和火灾自动报警系统。',
      en: 'Sprinkler and automatic fire alarm systems installed where the standard requires them.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'major_candidate',
    basis: [basis(LAWS.gb50016, '第8.3节'), basis(LAWS.gb50016, '第8.4节')],
    deadline: workingDays(60),
    gbElements: ['6.6'],
  },
  occupancyLimit: {
    id: 'entertainment.occupancy-limit',
    text: {
      zh: '营业期间场所内人数不超过核定容纳人数。',
      en: 'Number of people inside never exceeds the approved capacity while open.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.entertainmentRegulation), basis(LAWS.gbt40248)],
    deadline: IMMEDIATE,
  },
  noPyrotechnics: {
    id: 'entertainment.no-pyrotechnics',
    text: {
      zh: '营业期间未使用明火表演，未燃放烟花、冷焰火等。',
      en: 'No open-flame shows, fireworks or cold sparklers while open.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十一条'), basis(LAWS.entertainmentRegulation)],
    deadline: IMMEDIATE,
  },
  evacuationAnnouncement: {
    id: 'entertainment.evacuation-announcement',
    text: {
      zh: '营业前或演出前向顾客播放或告知安全出口位置和疏散逃生方法。',
      en: 'Guests told where the exits are and how to escape before opening or before each show.',
    },
    riskCategory: 'weak_training',
    severity: 'general',
    basis: [basis(LAWS.entertainmentRegulation)],
    deadline: workingDays(3),
  },
  // 群租房
  rentalMinimumArea: {
    id: 'rental.minimum-area',
    text: {
      zh: '以原设计房间为最小出租单位，人均租住面积不低于当地标准，未违规隔断分租。',
      en: 'Rooms let as designed, floor area per tenant at or above the local minimum, no partitioning to let more beds.',
    },
    riskCategory: 'poor_separation',
    severity: 'serious',
    basis: [basis(LAWS.rentalMeasures, '第八条')],
    deadline: workingDays(20),
  },
  rentalNoKitchenBedroom: {
    id: 'rental.no-kitchen-bedroom',
    text: {
      zh: '厨房、卫生间、阳台和地下储藏室未出租供人员居住。',
      en: 'Kitchens, bathrooms, balconies and basement storerooms are not let for sleeping.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.rentalMeasures, '第八条')],
    deadline: workingDays(10),
  },
  rentalPartitionsNonCombustible: {
    id: 'rental.partitions-non-combustible',
    text: {
      zh: '分隔墙体采用不燃材料，未使用易燃可燃夹芯板、木板等分隔。',
      en: 'Partition walls non-combustible; no combustible sandwich panels or boards.',
    },
    riskCategory: 'flammable_decoration',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十六条'), basis(LAWS.gb50222)],
    deadline: workingDays(20),
  },
  // 宾馆饭店 / 小旅馆
  roomEscapeGuide: {
    id: 'hotel.room-escape-guide',
    text: {
      zh: '客房内设置疏散示意图，配备手电筒、防烟面具等逃生器材。',
      en: 'Each room has an escape plan on the door and a torch and smoke hood.',
    },
    riskCategory: 'weak_training',
    severity: 'general',
    basis: [basis(LAWS.gbt40248)],
    deadline: workingDays(5),
  },
  // 高层建筑
  refugeFloorClear: {
    id: 'highrise.refuge-floor-clear',
    text: {
      zh: '避难层（间）未被占用、未改作他用，标识清晰。',
      en: 'Refuge floors and rooms are not occupied or converted, and are marked.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.highRiseRegulation), basis(LAWS.gb50016, '第5.5.23条')],
    deadline: IMMEDIATE,
    gbElements: ['7.3.1'],
  },
  rescueSiteClear: {
    id: 'highrise.rescue-site-clear',
    text: {
      zh: '高层建筑消防车登高操作场地、救援窗口未被占用、遮挡，无影响登高的架空线路、广告牌。',
      en: 'Aerial rescue sites and rescue windows of the high-rise unobstructed, no overhead lines or billboards in the way.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.highRiseRegulation), basis(LAWS.fireLaw, '第二十八条')],
    deadline: workingDays(5),
    gbElements: ['7.3.11'],
  },
  stairwellDoors: {
    id: 'highrise.stairwell-doors',
    text: {
      zh: '封闭楼梯间、防烟楼梯间的防火门完好并保持常闭。',
      en: 'Fire doors of enclosed and smoke-proof stairwells intact and kept closed.',
    },
    riskCategory: 'poor_separation',
    severity: 'serious',
    basis: [basis(LAWS.highRiseRegulation), basis(LAWS.gb50016, '第6.4.2条')],
    deadline: workingDays(5),
    gbElements: ['7.3.7'],
  },
  fireLiftWorking: {
    id: 'highrise.fire-lift-working',
    text: {
      zh: '消防电梯能正常运行，迫降功能有效。',
      en: 'Firefighter lift works and its recall function operates.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'serious',
    basis: [basis(LAWS.highRiseRegulation), basis(LAWS.gb25201)],
    deadline: workingDays(10),
    gbElements: ['7.3.12'],
  },
  // 养老院
  elderlyRoomFloor: {
    id: 'elderly.room-floor',
    text: {
      zh: '老年人居室、活动场所设置的楼层位置符合规范要求。',
      en: 'Bedrooms and activity rooms of the elderly are on floors the standard allows.',
    },
    riskCategory: 'weak_management',
    severity: 'major_candidate',
    basis: [basis(LAWS.gb50016, '第5.4.4B条')],
    deadline: workingDays(30),
    gbElements: ['6.9'],
  },
  elderlyNightStaff: {
    id: 'elderly.night-staff',
    text: {
      zh: '夜间值班人员数量满足协助失能、半失能老人疏散的需要，值班人员在岗。',
      en: 'Enough night staff on duty to help immobile residents escape.',
    },
    riskCategory: 'key_staff_negligence',
    severity: 'serious',
    basis: [basis(LAWS.gb38600)],
    deadline: workingDays(5),
  },
  elderlyNoHeatingAppliances: {
    id: 'elderly.no-heating-appliances',
    text: {
      zh: '居室内未使用电热毯、电暖器等大功率电器，未私自使用明火取暖、做饭。',
      en: 'No electric blankets, heaters or other high-power appliances, and no open-flame heating or cooking in bedrooms.',
    },
    riskCategory: 'weak_management',
    severity: 'general',
    basis: [basis(LAWS.gb38600)],
    deadline: IMMEDIATE,
  },
  assistedEvacuationPlan: {
    id: 'care.assisted-evacuation-plan',
    text: {
      zh: '针对行动不便人员制定“一对一”疏散预案，并定期演练。',
      en: 'One-to-one evacuation plan for people who cannot walk, rehearsed regularly.',
    },
    riskCategory: 'weak_training',
    severity: 'general',
    basis: [basis(LAWS.gb38600), basis(LAWS.hospitalNineRules)],
    deadline: workingDays(10),
  },
  // 建设工地
  siteTemporaryBuildings: {
    id: 'site.temporary-buildings',
    text: {
      zh: '临时宿舍、办公用房采用A级芯材的金属夹芯板，且未设置在在建工程内。',
      en: 'Temporary dormitories and offices built of class-A-core panels and not inside the building under construction.',
    },
    riskCategory: 'flammable_decoration',
    severity: 'serious',
    basis: [basis(LAWS.gb50720, '第4.2.1条')],
    deadline: workingDays(10),
  },
  siteFireWater: {
    id: 'site.fire-water',
    text: {
      zh: '按规定设置临时消防给水系统和消火栓，随施工进度同步设置。',
      en: 'Temporary fire water supply and hydrants installed and extended as construction rises.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'serious',
    basis: [basis(LAWS.gb50720, '第5.3节')],
    deadline: workingDays(10),
  },
  siteFlammablesStored: {
    id: 'site.flammables-stored',
    text: {
      zh: '油漆、稀释剂、氧气乙炔瓶等易燃易爆物品分类专库存放，距离符合要求。',
      en: 'Paints, thinners, oxygen and acetylene cylinders kept in separate dedicated stores at the required distances.',
    },
    riskCategory: 'illegal_storage',
    severity: 'serious',
    basis: [basis(LAWS.gb50720, '第6.2节')],
    deadline: IMMEDIATE,
  },
  // 幼儿园 / 小学校
  kindergartenDecorationToys: {
    id: 'kindergarten.decoration-toys',
    text: {
      zh: '活动室、寝室未采用易燃可燃材料装饰装修，易燃可燃玩具、布艺装饰不过量堆放。',
      en: 'No flammable decoration in play and sleeping rooms; flammable toys and fabric decorations kept to a minimum.',
    },
    riskCategory: 'kindergarten_hazards',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十六条'), basis(LAWS.gb50222)],
    deadline: workingDays(10),
    gbElements: ['7.9.4'],
  },
  kindergartenNoBars: {
    id: 'kindergarten.no-bars',
    text: {
      zh: '门窗未违规设置铁栅栏、防盗网，确需设置的防护设施能从内部易于开启。',
      en: 'No iron bars or grilles on doors and windows; any guard fitted opens easily from inside.',
    },
    riskCategory: 'kindergarten_hazards',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.jgj39)],
    deadline: workingDays(10),
    gbElements: ['7.3.10'],
  },
  kindergartenRoomFloor: {
    id: 'kindergarten.room-floor',
    text: {
      zh: '儿童用房设置的楼层位置符合规范要求，未设置在地下或半地下。',
      en: "Children's rooms on floors the standard allows, never below ground.",
    },
    riskCategory: 'kindergarten_hazards',
    severity: 'major_candidate',
    basis: [basis(LAWS.gb50016, '第5.4.4条'), basis(LAWS.jgj39)],
    deadline: workingDays(30),
    gbElements: ['6.9'],
  },
  // 文物建筑
  heritageIncenseControlled: {
    id: 'heritage.incense-controlled',
    text: {
      zh: '香烛、燃灯等宗教用火在指定区域，有专人看管，远离可燃物。',
      en: 'Incense, candles and oil lamps used only in designated spots, attended and away from combustibles.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.heritageGuide)],
    deadline: IMMEDIATE,
  },
  heritageNoLivingOrKitchen: {
    id: 'heritage.no-living-or-kitchen',
    text: {
      zh: '文物建筑内未设置厨房、宿舍，未开展生产经营活动。',
      en: 'No kitchen, dormitory or business inside the heritage building.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.heritageGuide)],
    deadline: workingDays(10),
  },
  heritageSeparationDistance: {
    id: 'heritage.separation-distance',
    text: {
      zh: '文物建筑防火间距内未搭建可燃建筑、堆放可燃物。',
      en: 'Nothing combustible built or stacked within the fire separation distance of the heritage building.',
    },
    riskCategory: 'poor_separation',
    severity: 'serious',
    basis: [basis(LAWS.heritageGuide), basis(LAWS.fireLaw, '第二十八条')],
    deadline: workingDays(20),
    gbElements: ['7.1.2'],
  },
  // 学生宿舍
  dormNoPartitions: {
    id: 'dorm.no-partitions',
    text: {
      zh: '学生宿舍未违规设置隔断、加设床位，未用可燃材料分隔。',
      en: 'No partitions or extra beds added in student rooms, no combustible dividers.',
    },
    riskCategory: 'dorm_partitions',
    severity: 'serious',
    basis: [basis(LAWS.universityRegulation), basis(LAWS.fireLaw, '第二十六条')],
    deadline: workingDays(10),
  },
  dormDoorsReleasable: {
    id: 'dorm.doors-releasable',
    text: {
      zh: '宿舍楼安全疏散门未锁闭，门禁系统具备火灾时自动释放和从内部手动开启功能，值班人员掌握钥匙。',
      en: 'Dormitory exit doors not locked; access control releases on alarm and opens by hand from inside; wardens hold the keys.',
    },
    riskCategory: 'dorm_partitions',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.gb50016, '第6.4.11条')],
    deadline: IMMEDIATE,
    gbElements: ['7.3.3'],
  },
  dormNoBannedAppliances: {
    id: 'dorm.no-banned-appliances',
    text: {
      zh: '宿舍内未使用违规电器，未私拉电线，未使用明火。',
      en: 'No banned appliances, improvised wiring or open flames in student rooms.',
    },
    riskCategory: 'weak_management',
    severity: 'general',
    basis: [basis(LAWS.universityRegulation)],
    deadline: IMMEDIATE,
  },
  dormNightWarden: {
    id: 'dorm.night-warden',
    text: {
      zh: '宿舍管理人员夜间在岗值守，熟悉疏散路线和应急处置程序。',
      en: 'Wardens on duty at night who know the escape routes and the emergency procedure.',
    },
    riskCategory: 'key_staff_negligence',
    severity: 'serious',
    basis: [basis(LAWS.universityRegulation)],
    deadline: workingDays(3),
  },
  // 医院住院部 / 小医院
  wardNoCorridorBeds: {
    id: 'ward.no-corridor-beds',
    text: {
      zh: '住院部走廊、楼梯间未违规加设床位，疏散宽度满足要求。',
      en: 'No extra beds in ward corridors or stairwells; escape width kept clear.',
    },
    riskCategory: 'ward_corridor_beds',
    severity: 'serious',
    basis: [basis(LAWS.hospitalNineRules), basis(LAWS.fireLaw, '第二十八条')],
    deadline: IMMEDIATE,
    gbElements: ['7.3.3'],
  },
  wardOxygenControlled: {
    id: 'ward.oxygen-controlled',
    text: {
      zh: '氧气瓶、医用酒精等易燃易爆物品定点存放、专人管理，病区内不超量存放。',
      en: 'Oxygen cylinders and medical alcohol stored in designated places under a named keeper, no excess stock on wards.',
    },
    riskCategory: 'illegal_storage',
    severity: 'serious',
    basis: [basis(LAWS.hospitalNineRules)],
    deadline: IMMEDIATE,
  },
  // 洗浴场所 / 小美容洗浴
  bathNoLodging: {
    id: 'bath.no-lodging',
    text: {
      zh: '洗浴场所未违规留宿顾客，未在场所内设置员工宿舍。',
      en: 'No customers kept overnight and no staff dormitory inside the bathhouse.',
    },
    riskCategory: 'bathhouse_lodging',
    severity: 'serious',
    basis: [basis(LAWS.hotelSecurityMeasures, '第四条'), basis(LAWS.entertainmentRegulation)],
    deadline: IMMEDIATE,
  },
  bathRestAreaSeparated: {
    id: 'bath.rest-area-separated',
    text: {
      zh: '休息区、按摩包间与其他区域采用防火隔墙和防火门分隔。',
      en: 'Rest areas and massage rooms separated from the rest by fire walls and fire doors.',
    },
    riskCategory: 'poor_separation',
    severity: 'serious',
    basis: [basis(LAWS.gb50016, '第5.4.9条')],
    deadline: workingDays(20),
  },
  bathHeatersSafe: {
    id: 'bath.heaters-safe',
    text: {
      zh: '桑拿房、汗蒸房加热设备安装规范，周围无可燃物，有专人看管。',
      en: 'Sauna and steam-room heaters properly installed, clear of combustibles and attended.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十七条')],
    deadline: IMMEDIATE,
  },
  // 小餐饮
  lpgCylinders: {
    id: 'restaurant.lpg-cylinders',
    text: {
      zh: '液化石油气钢瓶不超量存放，未在地下、半地下使用，与灶具分开设置。',
      en: 'LPG cylinders not overstocked, never used below ground, kept apart from the stoves.',
    },
    riskCategory: 'illegal_storage',
    severity: 'serious',
    basis: [basis(LAWS.gasRegulation), basis(LAWS.fireLaw, '第二十三条')],
    deadline: IMMEDIATE,
  },
  // 小网吧
  noSmoking: {
    id: 'internet-cafe.no-smoking',
    text: {
      zh: '场所内落实禁烟，不存放易燃杂物。',
      en: 'No smoking on the premises and no combustible clutter kept.',
    },
    riskCategory: 'weak_management',
    severity: 'general',
    basis: [basis(LAWS.fireLaw, '第二十一条')],
    deadline: IMMEDIATE,
  },
} as const satisfies Record<string, CheckItem>;
