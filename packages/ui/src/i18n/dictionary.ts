import type { Language } from './languages';
import { portalMessages } from './portal-messages';
import { whistleblowerMessages } from './whistleblower-messages';

type Entry = Readonly<Record<Language, string>>;

/**
 * Every user-facing string of the shared shells. The `satisfies` clause makes a
 * missing language a compile error; the unit test also checks that no entry is
 * blank and that both languages use the same `{placeholders}`.
 */
export const dictionary = {
  'product.portal.name': { 'zh-CN': '消防隐患举报', en: 'Fire Hazard Reporting' },
  'product.portal.subtitle': {
    'zh-CN': '发现火灾隐患，随手举报；核实后依规给予奖励',
    en: 'Report a fire hazard you have seen; verified reports may earn a reward',
  },
  'product.whistleblower.name': { 'zh-CN': '内部吹哨人举报与奖励', en: 'Internal Whistleblower Reports and Rewards' },
  'product.whistleblower.subtitle': {
    'zh-CN': '员工举报本单位火灾隐患，身份全程保密',
    en: 'Employees report fire hazards at their own workplace; identity stays sealed',
  },
  'product.console.name': { 'zh-CN': '管理与联合执法控制台', en: 'Administration and Joint Enforcement Console' },
  'product.console.subtitle': {
    'zh-CN': '隐患台账、检查、执法与部门协同',
    en: 'Hazard ledgers, inspections, enforcement and inter-department work',
  },
  'brand.name': { 'zh-CN': 'Firebreak', en: 'Firebreak' },
  'language.switch': { 'zh-CN': '语言', en: 'Language' },
  'health.label': { 'zh-CN': '服务状态', en: 'Service status' },
  'health.checking': { 'zh-CN': '正在连接服务…', en: 'Connecting to the service…' },
  'health.ok': { 'zh-CN': '服务正常', en: 'API healthy' },
  'health.down': { 'zh-CN': '服务暂不可用', en: 'API unavailable' },
  'health.checkedAt': { 'zh-CN': '检测时间 {time}', en: 'Checked at {time}' },
  'shell.comingSoon': {
    'zh-CN': '功能正在建设中，敬请期待。',
    en: 'Features are being built and will appear here soon.',
  },
  'portal.intro': {
    'zh-CN': '堵塞或锁闭安全出口、消防设施损坏停用、违规存放易燃易爆物品、电动自行车室内停放充电……发现这些隐患，请及时举报。',
    en: 'Blocked or locked exits, disabled fire facilities, illegally stored flammables, e-bikes parked or charged indoors: if you see these, please report them.',
  },
  'portal.emergency': {
    'zh-CN': '正在发生火灾或紧急情况，请立即拨打 119。',
    en: 'If there is a fire or an emergency now, call 119 immediately.',
  },
  'portal.action.report': { 'zh-CN': '我要举报', en: 'Report a hazard' },
  'portal.action.track': { 'zh-CN': '凭回执查询进度', en: 'Track with your receipt' },
  'whistleblower.intro': {
    'zh-CN': '您的身份将被密封保存，只有经审批的保管人才能在法定程序下查看。',
    en: 'Your identity is sealed; only an approved custodian can see it, through an audited procedure.',
  },
  'whistleblower.action.report': { 'zh-CN': '提交内部举报', en: 'File an internal report' },
  'whistleblower.action.claim': { 'zh-CN': '领取奖励', en: 'Claim a reward' },
  'console.nav.dashboard': { 'zh-CN': '工作台', en: 'Dashboard' },
  'console.nav.hazards': { 'zh-CN': '隐患台账', en: 'Hazard ledger' },
  'console.nav.reports': { 'zh-CN': '举报受理', en: 'Reports' },
  'console.nav.enforcement': { 'zh-CN': '联合执法', en: 'Joint enforcement' },
  'console.welcome': {
    'zh-CN': '欢迎使用。登录与业务模块即将上线。',
    en: 'Welcome. Sign-in and the working modules arrive next.',
  },
  'footer.text': {
    'zh-CN': '火灾隐患举报投诉电话 96119 · 火警 119',
    en: 'Fire hazard hotline 96119 · Fire emergency 119',
  },
  ...portalMessages,
  ...whistleblowerMessages,
} as const satisfies Readonly<Record<string, Entry>>;

export type MessageKey = keyof typeof dictionary;
export type MessageParams = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template: string = dictionary[key][language];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
