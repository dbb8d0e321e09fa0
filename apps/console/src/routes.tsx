import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Capability } from '@firebreak/domain';
import type { Access } from './lib/access';
import type { Label } from './lib/text';

export interface ConsoleRoute {
  readonly key: string;
  /** wouter pattern under /console. */
  readonly path: string;
  /** Present for pages in the side menu. */
  readonly menu?: Label;
  /** Which menu entry is highlighted on this page (record pages point at their list). */
  readonly menuKey?: string;
  /** Who may open it: staff holding the capability, or the unit's own account. */
  readonly audience: { readonly capability: Capability } | 'unit' | 'staff';
  /** A printed document: rendered without the console frame (menu, header), for A4. */
  readonly bare?: boolean;
  readonly page: LazyExoticComponent<ComponentType<{ params: Record<string, string | undefined> }>>;
}

/**
 * The one list the console is built from: the router and the side menu both read it,
 * so a new page is one entry here (part 2 adds enforcement, referrals, admin ...).
 */
export const ROUTES: readonly ConsoleRoute[] = [
  // Casework (issue 8)
  { key: 'work', path: '/', menu: { zh: '我的待办', en: 'My work' }, audience: 'staff', page: lazy(() => import('./pages/my-work')) },
  { key: 'reports', path: '/reports', menu: { zh: '举报受理', en: 'Reports' }, audience: { capability: 'report.read' }, page: lazy(() => import('./pages/reports-list')) },
  { key: 'report', path: '/reports/:id', menuKey: 'reports', audience: { capability: 'report.read' }, page: lazy(() => import('./pages/report-page')) },
  { key: 'hazards', path: '/hazards', menu: { zh: '隐患台账', en: 'Hazard ledger' }, audience: { capability: 'hazard.read' }, page: lazy(() => import('./pages/hazards-list')) },
  { key: 'hazard', path: '/hazards/:id', menuKey: 'hazards', audience: { capability: 'hazard.read' }, page: lazy(() => import('./pages/hazard-page')) },
  { key: 'major-determination', path: '/hazards/:id/major', menuKey: 'hazards', audience: { capability: 'hazard.read' }, page: lazy(() => import('./pages/major-determination')) },
  { key: 'inspections', path: '/inspections', menu: { zh: '监督检查', en: 'Inspections' }, audience: { capability: 'inspection.read' }, page: lazy(() => import('./pages/inspections-list')) },
  { key: 'inspection-plan', path: '/inspections/new', menuKey: 'inspections', audience: { capability: 'inspection.plan' }, page: lazy(() => import('./pages/inspection-plan')) },
  { key: 'inspection', path: '/inspections/:id', menuKey: 'inspections', audience: { capability: 'inspection.read' }, page: lazy(() => import('./pages/inspection-page')) },
  // Command and governance (issue 11 §1-6)
  { key: 'draws', path: '/draws', menu: { zh: '双随机抽查', en: 'Random draws' }, audience: { capability: 'draw.run' }, page: lazy(() => import('./pages/draws-list')) },
  { key: 'listings', path: '/listings', menu: { zh: '挂牌督办', en: 'Listed supervision' }, audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/listing-list')) },
  { key: 'listing', path: '/listings/:id', menuKey: 'listings', audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/listing-page')) },
  { key: 'blacklist', path: '/blacklist', menu: { zh: '黑名单与约谈', en: 'Blacklist' }, audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/blacklist-register')) },
  { key: 'campaigns', path: '/campaigns', menu: { zh: '专项行动', en: 'Campaigns' }, audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/campaigns-list')) },
  { key: 'dashboard', path: '/dashboard', menu: { zh: '统计看板', en: 'Dashboard' }, audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/dashboard')) },
  { key: 'bulletin', path: '/bulletin', menu: { zh: '月度通报', en: 'Monthly bulletin' }, audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/bulletin')) },
  // Money and identity (issue 11 §7-8)
  { key: 'rewards', path: '/rewards', menu: { zh: '举报奖励', en: 'Rewards' }, audience: { capability: 'reward.read' }, page: lazy(() => import('./pages/rewards-list')) },
  { key: 'reward-year-list', path: '/rewards/year-list', menu: { zh: '年度奖励公示', en: 'Yearly reward list' }, audience: { capability: 'reward.read' }, page: lazy(() => import('./pages/reward-year-list')) },
  { key: 'reward', path: '/rewards/:id', menuKey: 'rewards', audience: { capability: 'reward.read' }, page: lazy(() => import('./pages/reward-page')) },
  { key: 'disclosures', path: '/disclosures', menu: { zh: '身份披露审批', en: 'Disclosure inbox' }, audience: { capability: 'identity.decide' }, page: lazy(() => import('./pages/disclosures-inbox')) },
  { key: 'disclosures-mine', path: '/disclosures/mine', menu: { zh: '身份查阅申请', en: 'My identity requests' }, audience: { capability: 'identity.request' }, page: lazy(() => import('./pages/disclosures-mine')) },
  // Oversight and configuration (issue 11 §9-11)
  { key: 'audit', path: '/audit', menu: { zh: '审计日志', en: 'Audit log' }, audience: { capability: 'audit.read' }, page: lazy(() => import('./pages/audit')) },
  { key: 'admin-standards', path: '/admin/standards', menu: { zh: '标准管理', en: 'Standards' }, audience: { capability: 'admin.catalog' }, page: lazy(() => import('./pages/admin-standards')) },
  { key: 'admin-calendar', path: '/admin/calendar', menu: { zh: '工作日历', en: 'Calendar' }, audience: { capability: 'admin.calendar' }, page: lazy(() => import('./pages/admin-calendar')) },
  { key: 'admin-import', path: '/admin/venues', menu: { zh: '单位导入', en: 'Unit import' }, audience: { capability: 'admin.catalog' }, page: lazy(() => import('./pages/admin-import')) },
  { key: 'admin-org', path: '/admin/org', menu: { zh: '组织与用户', en: 'Organisation' }, audience: { capability: 'admin.users' }, page: lazy(() => import('./pages/admin-org')) },
  { key: 'admin-api-keys', path: '/admin/api-keys', menu: { zh: '接口密钥', en: 'API keys' }, audience: { capability: 'admin.users' }, page: lazy(() => import('./pages/admin-api-keys')) },
  { key: 'notifications', path: '/notifications', menu: { zh: '通知投递', en: 'Notifications' }, audience: { capability: 'admin.notifications' }, page: lazy(() => import('./pages/notifications-admin')) },
  { key: 'print-correction-notice', path: '/print/correction-notice/:hazardId', bare: true, audience: { capability: 'hazard.read' }, page: lazy(() => import('./pages/print/correction-notice')) },
  { key: 'print-inspection-record', path: '/print/inspection-record/:inspectionId', bare: true, audience: { capability: 'inspection.read' }, page: lazy(() => import('./pages/print/inspection-record')) },
  { key: 'campaign', path: '/campaigns/:id', menuKey: 'campaigns', audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/campaign-page')) },
  { key: 'campaign-report', path: '/campaigns/:id/report', menuKey: 'campaigns', audience: { capability: 'campaign.manage' }, page: lazy(() => import('./pages/campaign-report-edit')) },
  { key: 'print-campaign-report', path: '/print/campaign-report/:reportId', bare: true, audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/campaign-report-print')) },
  { key: 'print-bulletin', path: '/print/bulletin/:month', bare: true, audience: { capability: 'dashboard.read' }, page: lazy(() => import('./pages/print/bulletin')) },
  { key: 'draw-setup', path: '/draws/new', menuKey: 'draws', audience: { capability: 'draw.run' }, page: lazy(() => import('./pages/draw-setup')) },
  { key: 'draw', path: '/draws/:id', menuKey: 'draws', audience: { capability: 'draw.run' }, page: lazy(() => import('./pages/draw-page')) },
  // The unit's own account
  { key: 'unit-hazards', path: '/unit', menu: { zh: '本单位隐患整改', en: 'Our hazards' }, audience: 'unit', page: lazy(() => import('./pages/unit-hazards')) },
];

export function allowed(route: ConsoleRoute, access: Access): boolean {
  if (route.audience === 'unit') return access.me.role === 'unit';
  // Nothing waits on a read-only role, so it has no work queue.
  if (route.audience === 'staff') return access.me.role !== 'unit' && !access.readOnly;
  return access.capabilities.has(route.audience.capability);
}

/** The first page a user lands on: their own work, or their unit's hazards. */
export function homeOf(access: Access): string {
  return ROUTES.find((r) => r.menu && allowed(r, access))?.path ?? '/';
}
