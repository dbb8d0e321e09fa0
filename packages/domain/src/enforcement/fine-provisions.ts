import type { EnforcementActionKind } from './enforcement-actions';

export type FineTarget = 'unit' | 'individual';

/** A citation: 消防法 article, paragraph (款), item (项), and a variant where one paragraph sets two ranges. */
export interface FireLawCitation {
  readonly article: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly variant?: string;
}

/**
 * Statutory ranges are whole yuan, inclusive at both ends, as the law writes
 * them (三万元以上三十万元以下). Ranges the law gives only as "… 以下" start at 1:
 * there is no statutory floor, but a fine of 0 is not a fine. Money paid or
 * stored elsewhere in the system is integer fen; never floats.
 */
export interface FineRange {
  readonly minYuan: number;
  readonly maxYuan: number;
  /** The law allows a warning instead (处警告或者…罚款). */
  readonly warningAlternative: boolean;
}

export interface FineProvision {
  readonly id: string;
  readonly article: number;
  /** Paragraphs this provision covers (Art. 61 para 2 is punished "依照前款"). */
  readonly paragraphs: readonly number[];
  readonly variant?: string;
  /** When set, the fine applies only to acts in these items (Art. 60 para 2: items 2-5 of para 1). */
  readonly items?: readonly number[];
  readonly title: { readonly zh: string; readonly en: string };
  readonly unit: FineRange | null;
  readonly individual: FineRange | null;
  /** Measures the article provides alongside the fine (e.g. 停产停业). */
  readonly measures: readonly EnforcementActionKind[];
  /** Art. 65/66: the fine only follows an order to correct that was not met by its deadline. */
  readonly precondition: 'none' | 'overdue_correction';
  /** C: from the 2021 text; U: an application to confirm (e.g. individuals where the article names no subject). */
  readonly confirmed: 'C' | 'U';
  readonly note?: string;
}

const range = (minYuan: number, maxYuan: number, warningAlternative = false): FineRange => ({ minYuan, maxYuan, warningAlternative });

/** 中华人民共和国消防法（2021年修正）: fines the fire agency decides. */
export const FINE_PROVISIONS: readonly FineProvision[] = [
  {
    id: '58.1',
    article: 58,
    paragraphs: [1],
    title: {
      zh: '未经消防设计审查擅自施工、未经消防验收擅自投入使用、公众聚集场所未经许可擅自投入使用营业或与承诺不符',
      en: 'Building without design review, use without acceptance, or a crowded public venue opening without permission or contrary to its commitment',
    },
    unit: range(30_000, 300_000),
    individual: null,
    measures: ['stop_business'],
    precondition: 'none',
    confirmed: 'C',
    note: '第1-3项由住房和城乡建设主管部门、第4项由消防救援机构按各自职权处罚',
  },
  {
    id: '60.1',
    article: 60,
    paragraphs: [1],
    title: {
      zh: '单位消防设施不符合标准或未保持完好有效、损坏挪用停用消防设施、占用堵塞封闭疏散通道安全出口或消防车通道、人员密集场所门窗设障碍物、火灾隐患经通知后不及时消除',
      en: 'Unit: non-compliant or unmaintained fire facilities, disabled facilities, blocked exits or fire lanes, window bars in crowded venues, hazards not removed after notice',
    },
    unit: range(5_000, 50_000),
    individual: null,
    measures: ['order_correction', 'forced_execution'],
    precondition: 'none',
    confirmed: 'C',
    note: '第三款：第一款第三至六项经责令改正拒不改正的，强制执行',
  },
  {
    id: '60.2',
    article: 60,
    paragraphs: [2],
    items: [2, 3, 4, 5],
    title: {
      zh: '个人损坏挪用停用消防设施、占用堵塞封闭疏散通道或消防车通道、埋压圈占遮挡消火栓或占用防火间距',
      en: 'Individual: disabling fire facilities, blocking exits or fire lanes, covering hydrants or occupying separation distances',
    },
    unit: null,
    individual: range(1, 500, true),
    measures: ['order_correction'],
    precondition: 'none',
    confirmed: 'C',
  },
  {
    id: '61',
    article: 61,
    paragraphs: [1, 2],
    title: {
      zh: '生产、储存、经营场所与居住场所设置在同一建筑物内（三合一）',
      en: 'Production, storage or business premises in the same building as living quarters (三合一)',
    },
    unit: range(5_000, 50_000),
    // The article names no subject: an individual operator (个体工商户) is fined on the same range [U].
    individual: range(5_000, 50_000),
    measures: ['stop_business'],
    precondition: 'none',
    confirmed: 'U',
  },
  {
    id: '65.2',
    article: 65,
    paragraphs: [2],
    title: {
      zh: '人员密集场所使用不符合市场准入、不合格或国家明令淘汰的消防产品，逾期不改正',
      en: 'Crowded venue using non-conforming, substandard or banned fire products, not corrected by the deadline',
    },
    unit: range(5_000, 50_000),
    individual: range(500, 2_000),
    measures: ['stop_business'],
    precondition: 'overdue_correction',
    confirmed: 'C',
    note: '个人为直接负责的主管人员和其他直接责任人员；情节严重的，责令停产停业',
  },
  {
    id: '66',
    article: 66,
    paragraphs: [1],
    title: {
      zh: '电器产品、燃气用具的安装、使用及其线路、管路的设计、敷设、维护保养、检测不符合消防技术标准和管理规定，逾期不改正',
      en: 'Electrical or gas installation, wiring or piping not meeting fire standards, not corrected by the deadline',
    },
    unit: range(1_000, 5_000),
    // As for Art. 61, no subject is named; individuals on the same range [U].
    individual: range(1_000, 5_000),
    measures: ['stop_business'],
    precondition: 'overdue_correction',
    confirmed: 'U',
    note: '逾期不改正的，责令停止使用，可以并处罚款',
  },
  {
    id: '69.1',
    article: 69,
    paragraphs: [1],
    title: {
      zh: '消防技术服务机构不具备从业条件从事消防技术服务活动或者出具虚假文件',
      en: 'Fire technical service organisation working without the required conditions or issuing false documents',
    },
    unit: range(50_000, 100_000),
    individual: range(10_000, 50_000),
    measures: [],
    precondition: 'none',
    confirmed: 'C',
    note: '个人为直接负责的主管人员和其他直接责任人员；有违法所得的并处没收',
  },
  {
    id: '69.1-substandard',
    article: 69,
    paragraphs: [1],
    variant: 'substandard_service',
    title: {
      zh: '消防技术服务机构不按照国家标准、行业标准开展消防技术服务活动',
      en: 'Fire technical service organisation not following national or industry standards',
    },
    unit: range(1, 50_000),
    individual: range(1, 10_000),
    measures: [],
    precondition: 'none',
    confirmed: 'C',
  },
];
