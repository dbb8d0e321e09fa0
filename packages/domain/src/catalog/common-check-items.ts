import { basis, LAWS } from './legal-basis';
import type { CheckItem, CorrectionDeadline } from './remediation-standard';

export const IMMEDIATE: CorrectionDeadline = { kind: 'immediate' };
export function workingDays(n: number): CorrectionDeadline {
  return { kind: 'working_days', n };
}

/**
 * Check items shared by many venue categories. Standards reference these objects
 * instead of copying them, so one id means one check everywhere and a venue in
 * several categories gets it once (see build-checklist.ts).
 */
export const COMMON_ITEMS = {
  exitsUnlocked: {
    id: 'common.exits-unlocked',
    text: {
      zh: '营业、生产、教学、工作期间安全出口、疏散门未上锁、未封闭，疏散门向疏散方向开启。',
      en: 'Exits and evacuation doors are not locked or sealed while open for business, and open in the direction of escape.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.unitRegulation, '第二十一条')],
    deadline: IMMEDIATE,
    gbElements: ['6.5', '7.3.3'],
  },
  routesClear: {
    id: 'common.routes-clear',
    text: {
      zh: '疏散通道、疏散楼梯间未被占用、堵塞，未堆放物品。',
      en: 'Evacuation corridors and stairwells are not occupied, blocked or used for storage.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.unitRegulation, '第二十一条')],
    deadline: IMMEDIATE,
    gbElements: ['7.3.3'],
  },
  windowsUnobstructed: {
    id: 'common.windows-unobstructed',
    text: {
      zh: '人员密集场所外墙门窗未设置影响逃生和灭火救援的铁栅栏、防盗网、广告牌等障碍物。',
      en: 'Outer windows and doors of a crowded venue carry no bars, grilles or billboards that hinder escape or rescue.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条')],
    deadline: workingDays(10),
    gbElements: ['7.3.10'],
  },
  escapeWindowsOpenable: {
    id: 'common.escape-windows-openable',
    text: {
      zh: '住宿部分外窗未设置固定防盗网，确需设置的能从内部易于开启。',
      en: 'Windows of sleeping areas have no fixed grilles; any grille fitted opens easily from inside.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.ga703), basis(LAWS.fireLaw, '第二十八条')],
    deadline: workingDays(10),
    gbElements: ['7.3.10'],
  },
  signsAndLighting: {
    id: 'common.signs-lighting',
    text: {
      zh: '疏散指示标志、应急照明灯设置齐全，完好有效，未被遮挡。',
      en: 'Exit signs and emergency lighting are complete, working and not covered.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'general',
    basis: [basis(LAWS.unitRegulation, '第二十一条'), basis(LAWS.gb50016, '第10.3节')],
    deadline: workingDays(5),
    gbElements: ['7.3.6'],
  },
  extinguishers: {
    id: 'common.extinguishers',
    text: {
      zh: '按规定配置灭火器，数量、类型符合要求，压力正常、在有效期内，放置位置明显便于取用。',
      en: 'Extinguishers of the required number and type, charged, in date, visible and within reach.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'general',
    basis: [basis(LAWS.fireLaw, '第十六条'), basis(LAWS.gb50140)],
    deadline: workingDays(3),
  },
  hydrantsUsable: {
    id: 'common.hydrants-usable',
    text: {
      zh: '室内外消火栓未被埋压、圈占、遮挡，水带、水枪配件齐全，出水正常。',
      en: 'Hydrants are not buried, fenced in or hidden, hoses and nozzles are complete, and water flows.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.gb25201)],
    deadline: workingDays(3),
  },
  automaticSystemsOn: {
    id: 'common.automatic-systems-on',
    text: {
      zh: '火灾自动报警、自动喷水灭火等自动消防设施处于正常运行状态，未擅自停用、关闭或设为手动。',
      en: 'Automatic fire alarm and sprinkler systems are running normally, not switched off or set to manual.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'major_candidate',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.gb25201)],
    deadline: IMMEDIATE,
    gbElements: ['7.4.6', '7.7.2'],
  },
  facilitiesMaintained: {
    id: 'common.facilities-maintained',
    text: {
      zh: '建筑消防设施每年至少全面检测一次，有维护保养合同和记录。',
      en: 'Building fire systems are fully tested at least yearly, with a maintenance contract and records.',
    },
    riskCategory: 'weak_management',
    severity: 'general',
    basis: [basis(LAWS.fireLaw, '第十六条'), basis(LAWS.gb25201)],
    deadline: workingDays(20),
  },
  controlRoomStaffed: {
    id: 'common.control-room-staffed',
    text: {
      zh: '消防控制室实行24小时值班，每班不少于2人，值班人员持证上岗，熟悉操作程序。',
      en: 'Fire control room staffed around the clock, at least two certified operators per shift who know the procedures.',
    },
    riskCategory: 'key_staff_negligence',
    severity: 'serious',
    basis: [basis(LAWS.gb25506, '第4.2.1条')],
    deadline: workingDays(5),
    gbElements: ['7.8.2'],
  },
  fireDoorsClosed: {
    id: 'common.fire-doors-closed',
    text: {
      zh: '常闭式防火门保持常闭，闭门器、顺序器完好；防火卷帘下方无物品堆放，能正常降落。',
      en: 'Self-closing fire doors are kept shut with working closers; nothing stored under fire shutters, which drop freely.',
    },
    riskCategory: 'poor_separation',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条'), basis(LAWS.gb50016, '第6.5.1条')],
    deadline: workingDays(5),
    gbElements: ['7.2.2'],
  },
  compartmentsIntact: {
    id: 'common.compartments-intact',
    text: {
      zh: '未擅自改变防火分区、拆除防火墙，管道井、电缆井层间及穿越防火墙处封堵严密。',
      en: 'Fire compartments and fire walls unaltered; shafts and penetrations through fire walls properly sealed.',
    },
    riskCategory: 'poor_separation',
    severity: 'serious',
    basis: [basis(LAWS.gb50016, '第6.2.9条'), basis(LAWS.fireLaw, '第二十八条')],
    deadline: workingDays(20),
    gbElements: ['7.2.1'],
  },
  wiringSafe: {
    id: 'common.wiring-safe',
    text: {
      zh: '电气线路穿管保护，无私拉乱接、超负荷用电，未直接敷设在可燃物上。',
      en: 'Wiring in conduit, no improvised connections or overloads, no cables laid directly on combustibles.',
    },
    riskCategory: 'weak_management',
    severity: 'general',
    basis: [basis(LAWS.fireLaw, '第二十七条')],
    deadline: workingDays(5),
    gbElements: ['7.9.3'],
  },
  ebikeOutside: {
    id: 'common.ebike-outside',
    text: {
      zh: '电动自行车及其蓄电池未在建筑内公共门厅、疏散走道、楼梯间、安全出口停放、充电，无飞线充电。',
      en: 'No e-bike or battery parked or charged in lobbies, corridors, stairwells or exits; no charging from trailing cables.',
    },
    riskCategory: 'ebike_indoor',
    severity: 'serious',
    basis: [basis(LAWS.highRiseRegulation, '第三十七条'), basis(LAWS.fireLaw, '第二十八条')],
    deadline: IMMEDIATE,
  },
  selfDutiesPublished: {
    id: 'common.self-duties-published',
    text: {
      zh: '落实“三自主两公开一承诺”：明确消防安全责任人、管理人及其职责并在显著位置公示，签署并公示消防安全承诺书，承诺内容与实际相符。',
      en: 'Self-duties done: responsible person and manager named with their duties and posted prominently; fire safety commitment signed, posted and true.',
    },
    riskCategory: 'key_staff_negligence',
    severity: 'general',
    basis: [basis(LAWS.fireLaw, '第十六条'), basis(LAWS.unitRegulation, '第六条'), basis(LAWS.responsibilityMeasures, '第十五条')],
    deadline: workingDays(5),
  },
  dailyPatrol: {
    id: 'common.daily-patrol',
    text: {
      zh: '落实每日防火巡查（公众聚集场所营业期间至少每2小时一次）和定期防火检查，并如实记录。',
      en: 'Daily fire patrols (every two hours while a public gathering place is open) and periodic checks done and recorded.',
    },
    riskCategory: 'weak_management',
    severity: 'general',
    basis: [basis(LAWS.unitRegulation, '第二十五条'), basis(LAWS.unitRegulation, '第二十六条')],
    deadline: workingDays(3),
  },
  trainingDrills: {
    id: 'common.training-drills',
    text: {
      zh: '员工经消防安全培训，做到会报警、会扑救初起火灾、会组织疏散逃生；按预案定期组织演练。',
      en: 'Staff trained to raise the alarm, fight an incipient fire and lead an evacuation; drills held as planned.',
    },
    riskCategory: 'weak_training',
    severity: 'general',
    basis: [basis(LAWS.fireLaw, '第十七条'), basis(LAWS.unitRegulation, '第三十六条'), basis(LAWS.unitRegulation, '第四十条')],
    deadline: workingDays(10),
  },
  nonCombustibleFinishes: {
    id: 'common.non-combustible-finishes',
    text: {
      zh: '室内装修装饰使用不燃、难燃材料，疏散走道和安全出口未使用可燃材料装修，无易燃可燃夹芯彩钢板。',
      en: 'Interior finishes non-combustible or flame-retardant, none combustible in escape routes, no combustible-core sandwich panels.',
    },
    riskCategory: 'flammable_decoration',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十六条'), basis(LAWS.gb50222)],
    deadline: workingDays(30),
    gbElements: ['7.9.4', '7.3.8'],
  },
  noFlammableGoods: {
    id: 'common.no-flammable-goods',
    text: {
      zh: '场所内未违规生产、储存、经营、使用易燃易爆危险品（汽油、酒精、液化石油气钢瓶等）。',
      en: 'No flammable or explosive goods (petrol, alcohol, LPG cylinders) produced, stored, sold or used against the rules.',
    },
    riskCategory: 'illegal_storage',
    severity: 'major_candidate',
    basis: [basis(LAWS.fireLaw, '第十九条'), basis(LAWS.fireLaw, '第二十三条')],
    deadline: IMMEDIATE,
    gbElements: ['6.8'],
  },
  fireLaneClear: {
    id: 'common.fire-lane-clear',
    text: {
      zh: '消防车通道、消防车登高操作场地未被占用、堵塞、封闭，标识清晰。',
      en: 'Fire lanes and aerial rescue sites are not occupied, blocked or closed, and are marked.',
    },
    riskCategory: 'evacuation_blocked',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十八条')],
    deadline: IMMEDIATE,
    gbElements: ['7.1.1'],
  },
  hotWorkControlled: {
    id: 'common.hot-work-controlled',
    text: {
      zh: '电焊、气焊等动火作业经审批，作业人员持证，现场落实监护和灭火措施。',
      en: 'Welding and other hot work approved in advance, done by certified workers, watched and with extinguishers at hand.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十一条'), basis(LAWS.unitRegulation, '第二十条')],
    deadline: IMMEDIATE,
  },
  gasSafe: {
    id: 'common.gas-safe',
    text: {
      zh: '燃气用具、管路符合规范，使用燃气的厨房设置可燃气体报警装置和紧急切断装置。',
      en: 'Gas appliances and piping to standard; kitchens using gas have a gas detector and emergency shut-off.',
    },
    riskCategory: 'weak_management',
    severity: 'serious',
    basis: [basis(LAWS.fireLaw, '第二十七条'), basis(LAWS.gasRegulation)],
    deadline: workingDays(5),
    gbElements: ['7.9.2'],
  },
  kitchenFlueCleaned: {
    id: 'common.kitchen-flue-cleaned',
    text: {
      zh: '厨房排油烟管道定期清洗，有清洗记录，灶台周围无可燃物堆放。',
      en: 'Kitchen exhaust ducts cleaned regularly with records; nothing combustible stored around the stoves.',
    },
    riskCategory: 'weak_management',
    severity: 'general',
    basis: [basis(LAWS.gbt40248)],
    deadline: workingDays(10),
  },
  smokeAlarms: {
    id: 'common.smoke-alarms',
    text: {
      zh: '住宿部分每个房间设置独立式感烟火灾探测报警器，且工作正常。',
      en: 'Every sleeping room has a working stand-alone smoke alarm.',
    },
    riskCategory: 'facilities_disabled',
    severity: 'general',
    basis: [basis(LAWS.ga703)],
    deadline: workingDays(10),
  },
} as const satisfies Record<string, CheckItem>;

/** Checks every building-use category carries: self-duties, exits, extinguishers, wiring, e-bikes, training. */
export const BASE_ITEMS: readonly CheckItem[] = [
  COMMON_ITEMS.selfDutiesPublished,
  COMMON_ITEMS.exitsUnlocked,
  COMMON_ITEMS.routesClear,
  COMMON_ITEMS.extinguishers,
  COMMON_ITEMS.wiringSafe,
  COMMON_ITEMS.ebikeOutside,
  COMMON_ITEMS.trainingDrills,
];
