import type { Role, StaffRole } from '../common/roles';

export interface CapabilityDefinition {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly roles: readonly StaffRole[];
  /**
   * Only the department the subject is assigned to may exercise it (a referral
   * is handled by the department it was sent to, not by any industry officer).
   */
  readonly departmentBound: boolean;
  /** Reading only. A discipline inspector holds nothing else. */
  readonly readOnly: boolean;
}

/**
 * What staff may do, as data: capability → roles. Lifecycle transition tables
 * name roles per command; this table answers the questions outside a lifecycle
 * (who may read, configure, run a draw) and is the one the console uses to show
 * or hide actions. Public, whistleblower and unit actors hold none of these:
 * they act through their receipt or their own venue, checked elsewhere.
 *
 * Identity rule: only a reward officer may request disclosure of a reporter's
 * identity and only a custodian decides it; no capability reveals it otherwise.
 */
export const CAPABILITIES = [
  // Reports (举报)
  { code: 'report.read', zh: '查看举报', en: 'Read reports', roles: ['inspector', 'fire_supervisor', 'police_officer', 'discipline_inspector'], departmentBound: false, readOnly: true },
  { code: 'report.assign', zh: '指派核查', en: 'Assign report verification', roles: ['fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'report.triage', zh: '受理或不予受理举报', en: 'Accept or reject reports', roles: ['inspector', 'fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'report.verify', zh: '核查举报', en: 'Verify reports', roles: ['inspector', 'police_officer'], departmentBound: false, readOnly: false },
  { code: 'report.reply', zh: '答复举报人', en: 'Reply to reporters', roles: ['inspector', 'fire_supervisor'], departmentBound: false, readOnly: false },
  // Grid patrol (网格巡查)
  { code: 'patrol.record', zh: '记录网格巡查', en: 'Record grid patrols', roles: ['grid_worker'], departmentBound: false, readOnly: false },
  // Venues and units (单位)
  { code: 'venue.read', zh: '查看单位档案', en: 'Read venue records', roles: ['grid_worker', 'inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer'], departmentBound: false, readOnly: true },
  { code: 'venue.manage', zh: '单位建档列管', en: 'Register and list venues', roles: ['inspector', 'fire_supervisor', 'police_officer'], departmentBound: false, readOnly: false },
  { code: 'venue.designate', zh: '确定消防安全重点单位、火灾高危单位', en: 'Designate key and high-risk units', roles: ['fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'self_duty.review', zh: '审查“三自主两公开一承诺”', en: 'Review unit self-duties and commitments', roles: ['inspector', 'police_officer', 'industry_officer'], departmentBound: false, readOnly: false },
  // Inspections (检查)
  { code: 'inspection.read', zh: '查看检查记录', en: 'Read inspections', roles: ['inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer', 'discipline_inspector'], departmentBound: false, readOnly: true },
  { code: 'inspection.plan', zh: '制定检查计划', en: 'Plan inspections', roles: ['fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer'], departmentBound: false, readOnly: false },
  { code: 'inspection.conduct', zh: '实施检查', en: 'Conduct inspections', roles: ['inspector', 'police_officer', 'industry_officer', 'expert'], departmentBound: false, readOnly: false },
  // Hazards (隐患)
  { code: 'hazard.read', zh: '查看隐患台账', en: 'Read the hazard ledger', roles: ['grid_worker', 'inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer', 'expert', 'discipline_inspector'], departmentBound: false, readOnly: true },
  { code: 'hazard.register', zh: '登记隐患', en: 'Register hazards', roles: ['grid_worker', 'inspector', 'police_officer', 'industry_officer', 'expert'], departmentBound: false, readOnly: false },
  // The roles of every hazard capability equal the roles of the lifecycle transitions it gates
  // (HAZARD_COMMAND_CAPABILITY, tested), so the gate and the lifecycle never disagree.
  { code: 'hazard.confirm', zh: '确认隐患', en: 'Confirm hazards', roles: ['inspector', 'police_officer', 'fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'hazard.dismiss', zh: '认定不构成隐患', en: 'Dismiss hazards', roles: ['inspector', 'fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'hazard.order', zh: '责令改正', en: 'Order corrections', roles: ['inspector', 'police_officer', 'fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'hazard.reinspect', zh: '复查', en: 'Re-inspect', roles: ['inspector', 'police_officer'], departmentBound: false, readOnly: false },
  { code: 'hazard.close', zh: '隐患销号', en: 'Close hazards', roles: ['fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'hazard.escalate', zh: '逾期隐患督办升级', en: 'Escalate overdue hazards', roles: ['inspector', 'fire_supervisor'], departmentBound: false, readOnly: false },
  // Major hazards (重大火灾隐患)
  { code: 'major.propose', zh: '提请重大火灾隐患判定', en: 'Propose a major-hazard determination', roles: ['inspector'], departmentBound: false, readOnly: false },
  { code: 'major.determine', zh: '集体讨论判定重大火灾隐患', en: 'Determine major hazards collectively', roles: ['fire_supervisor', 'expert'], departmentBound: false, readOnly: false },
  { code: 'major.expert_opinion', zh: '出具专家论证意见', en: 'Give an expert group opinion', roles: ['expert'], departmentBound: false, readOnly: false },
  // Enforcement (执法)
  { code: 'enforcement.propose', zh: '提出执法建议', en: 'Propose enforcement', roles: ['inspector', 'police_officer'], departmentBound: false, readOnly: false },
  { code: 'enforcement.decide', zh: '作出处罚、查封等执法决定', en: 'Decide penalties, sealing and other enforcement', roles: ['fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'detention.decide', zh: '决定并执行行政拘留', en: 'Decide and carry out administrative detention', roles: ['police_officer'], departmentBound: true, readOnly: false },
  { code: 'license.revoke', zh: '吊销、暂扣许可证照', en: 'Revoke or suspend licences', roles: ['industry_officer'], departmentBound: true, readOnly: false },
  { code: 'interview.conduct', zh: '约谈', en: 'Hold accountability interviews', roles: ['fire_supervisor', 'industry_officer', 'committee_officer'], departmentBound: false, readOnly: false },
  { code: 'blacklist.manage', zh: '失信黑名单列入与移出', en: 'Enter and remove blacklist entries', roles: ['fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'exposure.publish', zh: '公开曝光', en: 'Publish exposures', roles: ['fire_supervisor', 'committee_officer'], departmentBound: false, readOnly: false },
  // Referrals (抄告/移送)
  { code: 'referral.send', zh: '抄告、移送', en: 'Send referrals', roles: ['inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer'], departmentBound: false, readOnly: false },
  { code: 'referral.handle', zh: '签收办理抄告、移送', en: 'Acknowledge and handle referrals', roles: ['inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer'], departmentBound: true, readOnly: false },
  // Listed supervision (挂牌督办)
  { code: 'listing.propose', zh: '提请挂牌督办', en: 'Propose listed supervision', roles: ['fire_supervisor'], departmentBound: false, readOnly: false },
  { code: 'listing.manage', zh: '挂牌督办与摘牌销案', en: 'List and de-list major hazards', roles: ['committee_officer'], departmentBound: false, readOnly: false },
  // Rewards (奖励)
  { code: 'reward.read', zh: '查看奖励', en: 'Read rewards', roles: ['fire_supervisor', 'reward_officer'], departmentBound: false, readOnly: true },
  { code: 'reward.determine', zh: '确定奖励', en: 'Determine rewards', roles: ['reward_officer'], departmentBound: false, readOnly: false },
  { code: 'reward.approve', zh: '审批奖励', en: 'Approve rewards', roles: ['fire_supervisor', 'reward_officer'], departmentBound: false, readOnly: false },
  { code: 'reward.pay', zh: '兑付奖励', en: 'Pay rewards', roles: ['reward_officer'], departmentBound: false, readOnly: false },
  { code: 'reward.publish', zh: '公示年度奖励名单', en: 'Publish the yearly reward list', roles: ['reward_officer'], departmentBound: false, readOnly: false },
  // Identity disclosure (身份披露)
  { code: 'identity.request', zh: '申请查阅举报人身份', en: 'Request reporter identity disclosure', roles: ['reward_officer'], departmentBound: false, readOnly: false },
  { code: 'identity.decide', zh: '审批身份披露申请', en: 'Decide identity disclosure requests', roles: ['custodian'], departmentBound: false, readOnly: false },
  // Campaigns (专项行动)
  { code: 'campaign.manage', zh: '部署专项行动', en: 'Manage campaigns', roles: ['fire_supervisor', 'committee_officer'], departmentBound: false, readOnly: false },
  { code: 'campaign.progress', zh: '报送牵头任务进展', en: 'Report progress on led tasks', roles: ['fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer'], departmentBound: true, readOnly: false },
  { code: 'region.assess', zh: '区域考核排名', en: 'Assess and rank regions', roles: ['committee_officer'], departmentBound: false, readOnly: false },
  { code: 'training.record', zh: '记录消防培训', en: 'Record training sessions', roles: ['grid_worker', 'inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer'], departmentBound: false, readOnly: false },
  // Random sampling (双随机)
  { code: 'draw.run', zh: '实施双随机抽取', en: 'Run random draws', roles: ['fire_supervisor', 'police_officer'], departmentBound: false, readOnly: false },
  // Oversight
  { code: 'dashboard.read', zh: '查看统计看板', en: 'Read dashboards', roles: ['inspector', 'fire_supervisor', 'police_officer', 'industry_officer', 'committee_officer', 'discipline_inspector'], departmentBound: false, readOnly: true },
  { code: 'audit.read', zh: '查看审计日志', en: 'Read the audit log', roles: ['fire_supervisor', 'discipline_inspector', 'admin'], departmentBound: false, readOnly: true },
  // Administration
  { code: 'admin.catalog', zh: '维护场所与风险目录、整治标准', en: 'Maintain catalogs and remediation standards', roles: ['admin'], departmentBound: false, readOnly: false },
  { code: 'admin.reward_rules', zh: '维护奖励规则', en: 'Maintain reward rules', roles: ['admin'], departmentBound: false, readOnly: false },
  { code: 'admin.calendar', zh: '维护工作日历', en: 'Maintain the working calendar', roles: ['admin'], departmentBound: false, readOnly: false },
  { code: 'admin.jurisdictions', zh: '维护辖区', en: 'Maintain jurisdictions', roles: ['admin'], departmentBound: false, readOnly: false },
  { code: 'admin.departments', zh: '维护部门', en: 'Maintain departments', roles: ['admin'], departmentBound: false, readOnly: false },
  { code: 'admin.users', zh: '维护用户', en: 'Maintain users', roles: ['admin'], departmentBound: false, readOnly: false },
  { code: 'admin.notifications', zh: '查看通知投递与死信', en: 'Read notification deliveries and dead letters', roles: ['admin'], departmentBound: false, readOnly: false },
] as const satisfies readonly CapabilityDefinition[];

export type Capability = (typeof CAPABILITIES)[number]['code'];

export const CAPABILITY_CODES: readonly Capability[] = CAPABILITIES.map((c) => c.code);

const BY_CODE: ReadonlyMap<string, CapabilityDefinition> = new Map(CAPABILITIES.map((c) => [c.code, c]));

export function isCapability(code: string): code is Capability {
  return BY_CODE.has(code);
}

export function capabilityDefinition(code: string): CapabilityDefinition | undefined {
  return BY_CODE.get(code);
}

/** Capabilities a role holds, in table order (drives the console's menus). */
export function capabilitiesOf(role: Role): Capability[] {
  return CAPABILITIES.filter((c) => (c.roles as readonly Role[]).includes(role)).map((c) => c.code);
}
