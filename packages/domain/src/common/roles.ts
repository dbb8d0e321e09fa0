/**
 * Roles as data. Which role may issue which command is declared next to each
 * lifecycle's transition table; scope (jurisdiction subtree, department) is
 * checked by `authorize` in ../org/.
 */
export const ROLES = [
  'public', // 群众: files reports, tracks by receipt
  'whistleblower', // 吹哨人: internal reporter, identity sealed
  'unit', // 社会单位 account (responsible person or manager)
  'grid_worker', // 网格员
  'inspector', // 消防监督员
  'fire_supervisor', // 消防救援机构负责人 / approver
  'police_officer', // 公安派出所民警
  'industry_officer', // 行业部门
  'committee_officer', // 消安委办 / local government
  'expert', // 专家库成员
  'discipline_inspector', // 纪委 (read-only audit)
  'reward_officer', // 奖励经办
  'custodian', // 身份保管人: approves or denies identity disclosure
  'admin', // 系统管理员
  'system', // 系统作业: scheduled jobs acting on legal clocks; never a login account (users_not_system_ck)
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held by staff accounts (belong to a department and a jurisdiction subtree). */
export const STAFF_ROLES = ROLES.filter(
  (r): r is Exclude<Role, 'public' | 'whistleblower' | 'unit' | 'system'> =>
    r !== 'public' && r !== 'whistleblower' && r !== 'unit' && r !== 'system',
);

/** The role of scheduled jobs: it holds no capability and signs in nowhere; lifecycles name it on the clock-driven commands. */
export const SYSTEM_ROLE = 'system' as const satisfies Role;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_NAMES: Readonly<Record<Role, { zh: string; en: string }>> = {
  public: { zh: '群众', en: 'Member of the public' },
  whistleblower: { zh: '内部吹哨人', en: 'Internal whistleblower' },
  unit: { zh: '社会单位', en: 'Social unit' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  inspector: { zh: '消防监督员', en: 'Fire inspector' },
  fire_supervisor: { zh: '消防救援机构负责人', en: 'Fire agency supervisor' },
  police_officer: { zh: '派出所民警', en: 'Police station officer' },
  industry_officer: { zh: '行业部门人员', en: 'Industry department officer' },
  committee_officer: { zh: '消安委办人员', en: 'Fire safety committee officer' },
  expert: { zh: '专家', en: 'Expert' },
  discipline_inspector: { zh: '纪检监察人员', en: 'Discipline inspector' },
  reward_officer: { zh: '奖励经办人', en: 'Reward officer' },
  custodian: { zh: '身份信息保管人', en: 'Identity custodian' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  system: { zh: '系统作业', en: 'System job' },
};
