import { capabilitiesOf } from '../../packages/domain/src/org/capabilities';
import type { Role } from '../../packages/domain/src/common/roles';

// The menu each role should see, written out from the capability table (not read from the console's route list).
const MENU: readonly (readonly [string, string])[] = [
  ['report.read', '举报受理'],
  ['hazard.read', '隐患台账'],
  ['inspection.read', '监督检查'],
  ['draw.run', '双随机抽查'],
  ['dashboard.read', '挂牌督办'],
  ['dashboard.read', '黑名单与约谈'],
  ['dashboard.read', '专项行动'],
  ['dashboard.read', '统计看板'],
  ['dashboard.read', '月度通报'],
  ['reward.read', '举报奖励'],
  ['reward.read', '年度奖励公示'],
  ['identity.decide', '身份披露审批'],
  ['identity.request', '身份查阅申请'],
  ['audit.read', '审计日志'],
  ['admin.catalog', '标准管理'],
  ['admin.calendar', '工作日历'],
  ['admin.catalog', '单位导入'],
  ['admin.users', '组织与用户'],
  ['admin.users', '接口密钥'],
  ['admin.notifications', '通知投递'],
];

export function expectedMenu(role: Role | 'unit'): string[] {
  if (role === 'unit') return ['本单位隐患整改'];
  const caps = new Set<string>(capabilitiesOf(role));
  return [...(role === 'discipline_inspector' ? [] : ['我的待办']), ...MENU.filter(([cap]) => caps.has(cap)).map(([, name]) => name)];
}
