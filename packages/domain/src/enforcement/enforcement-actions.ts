import type { Role } from '../common/roles';

export const ENFORCEMENT_ACTION_KINDS = [
  'order_correction', // 责令改正
  'fine', // 罚款
  'temporary_sealing', // 临时查封
  'stop_business', // 责令停产停业 / 停止使用 / 停止施工
  'forced_execution', // 强制执行
  'detention_referral', // 移送公安机关行政拘留
  'license_revocation_request', // 提请许可部门撤销、吊销许可
  'criminal_referral', // 移送涉嫌犯罪案件
  'interview', // 约谈
  'blacklist_entry', // 列入失信黑名单
  'blacklist_exit', // 移出失信黑名单
  'public_exposure', // 曝光
] as const;
export type EnforcementActionKind = (typeof ENFORCEMENT_ACTION_KINDS)[number];

/** Who has the last word once the fire agency has acted. */
export type FinalAuthority =
  | 'fire_agency'
  | 'police_station' // executes detention (治安管理处罚法), never the fire agency
  | 'licensing_department' // revokes the licence it issued
  | 'public_security_organ' // receives criminal cases (行刑衔接)
  | 'local_government'; // 挂牌督办, and stop-business orders with large impact

export interface EnforcementActionDef {
  readonly label: { readonly zh: string; readonly en: string };
  readonly proposedBy: readonly Role[];
  readonly decidedBy: readonly Role[];
  readonly finalAuthority: FinalAuthority;
  /** On-the-spot measures the proposing officer may also decide; all others need a second person. */
  readonly proposerMayDecide: boolean;
  /** A statutory article must be cited (fines, stop-business, detention referrals). */
  readonly requiresLegalBasis: boolean;
  /** A receiving department must be named (police station, licensing department, public security). */
  readonly requiresRecipient: boolean;
  /** Only after an order to correct was ignored (行政强制法 催告; 消防法 第五十八条第二款). */
  readonly requiresOverdueOrder: boolean;
  /**
   * 消防法 第七十条: a stop-business order with a large effect on the economy or
   * society is decided by the local government on the agency's request.
   */
  readonly largeImpactDecidedBy?: readonly Role[];
}

/**
 * Role data for every action kind: configurable (a province may let police
 * stations propose more), and the single source for the console's menus.
 */
export const ENFORCEMENT_ACTIONS: Readonly<Record<EnforcementActionKind, EnforcementActionDef>> = {
  order_correction: {
    label: { zh: '责令改正', en: 'Order to correct' },
    proposedBy: ['inspector', 'police_officer'],
    decidedBy: ['inspector', 'police_officer', 'fire_supervisor'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: true,
    requiresLegalBasis: false,
    requiresRecipient: false,
    requiresOverdueOrder: false,
  },
  fine: {
    label: { zh: '罚款', en: 'Fine' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: true,
    requiresRecipient: false,
    requiresOverdueOrder: false,
  },
  temporary_sealing: {
    label: { zh: '临时查封', en: 'Temporary sealing' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: false,
    requiresOverdueOrder: false,
  },
  stop_business: {
    label: { zh: '责令停产停业（停止使用）', en: 'Stop production, business or use' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: true,
    requiresRecipient: false,
    requiresOverdueOrder: false,
    largeImpactDecidedBy: ['committee_officer'],
  },
  forced_execution: {
    label: { zh: '强制执行', en: 'Forced execution' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: false,
    requiresOverdueOrder: true,
  },
  detention_referral: {
    label: { zh: '移送公安派出所（行政拘留）', en: 'Referral to the police station for detention' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'police_station',
    proposerMayDecide: false,
    requiresLegalBasis: true,
    requiresRecipient: true,
    requiresOverdueOrder: false,
  },
  license_revocation_request: {
    label: { zh: '提请撤销（吊销）许可', en: 'Request licence revocation' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'licensing_department',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: true,
    requiresOverdueOrder: true,
  },
  criminal_referral: {
    label: { zh: '移送涉嫌犯罪案件', en: 'Criminal referral' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'public_security_organ',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: true,
    requiresOverdueOrder: false,
  },
  interview: {
    label: { zh: '约谈', en: 'Interview' },
    proposedBy: ['inspector', 'industry_officer', 'committee_officer'],
    decidedBy: ['fire_supervisor', 'industry_officer', 'committee_officer'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: false,
    requiresOverdueOrder: false,
  },
  blacklist_entry: {
    label: { zh: '列入消防安全失信黑名单', en: 'Blacklist entry' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: false,
    requiresOverdueOrder: false,
  },
  blacklist_exit: {
    label: { zh: '移出消防安全失信黑名单', en: 'Blacklist exit' },
    proposedBy: ['inspector'],
    decidedBy: ['fire_supervisor'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: false,
    requiresOverdueOrder: false,
  },
  public_exposure: {
    label: { zh: '曝光', en: 'Public exposure' },
    proposedBy: ['inspector', 'committee_officer'],
    decidedBy: ['fire_supervisor', 'committee_officer'],
    finalAuthority: 'fire_agency',
    proposerMayDecide: false,
    requiresLegalBasis: false,
    requiresRecipient: false,
    requiresOverdueOrder: false,
  },
};
