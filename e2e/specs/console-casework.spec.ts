import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
// The kernel's capability table itself (e2e has no package dependency on the kernel).
import { expectedMenu } from '../harness/menus';
import { axeClean, closeBrowser, consoleAs, openApp, png, publicApi, settled, type AppSession } from '../harness';

afterAll(closeBrowser);

// The server allows 10 sign-ins per client per 15 minutes: this file signs in 9 times.

async function menuOf(s: AppSession): Promise<string[]> {
  await s.page.getByTestId('main-menu').waitFor();
  return (await s.page.getByTestId('main-menu').locator('li[role="menuitem"]').allTextContents()).map((t) => t.trim());
}

/** The menu the kernel's capability table gives a role (same rule as apps/console/src/routes.tsx). */
describe('console sign-in and menus', () => {
  it.each([
    ['admin', 'admin'],
    ['police', 'police_officer'],
    ['grid', 'grid_worker'],
    ['committee', 'committee_officer'],
    ['reward', 'reward_officer'],
  ] as const)('%s sees the menu of its capabilities', async (user, role) => {
    const s = await consoleAs(user);
    try {
      expect(await menuOf(s)).toEqual(expectedMenu(role));
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('the closed loop: portal report → hazard → order → evidence → re-inspection → 销号', () => {
  let reportId = '';
  let hazardUrl = '';
  let inspector: AppSession | undefined;
  afterAll(() => inspector?.close().catch(() => undefined));
  const marker = `e2e ${randomUUID().slice(0, 8)}`;

  it('shows the sign-in page without asking the server who is signed in', async () => {
    const s = await openApp({ path: '/console/', viewport: 'desktop' });
    try {
      await s.page.getByTestId('sign-in-form').waitFor();
      await settled(s);
      await s.screenshot('console-sign-in-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('inspector triages, verifies and substantiates a portal report, then orders a correction', async () => {
    // The `unit` account's own venue, in 东湖区 where `inspector` works.
    const venues = await publicApi().public.venues.search.query({ query: '湖滨万家福购物广场', limit: 5 });
    const venue = venues.find((v) => v.name === '湖滨万家福购物广场')!;
    const filed = await publicApi().public.reports.submit.mutate({
      idempotencyKey: randomUUID(),
      riskCategory: 'evacuation_blocked',
      description: `安全出口被货物堵塞，疏散通道不畅 ${marker}`,
      location: { lat: 30.26, lng: 120.17, address: venue.address },
      venueId: venue.id,
    });
    reportId = filed.reportId;

    const s = await consoleAs('inspector');
    inspector = s;
    const { page } = s;
    onTestFailed(async () => {
      await settled(s);
      await s.screenshot('console-debug-inspector');
    });
    {
      expect(await menuOf(s)).toEqual(expectedMenu('inspector'));
      await page.getByTestId('work-table').waitFor();
      await settled(s);
      await s.screenshot('console-my-work-1280');
      await axeClean(s);

      await page.getByRole('link', { name: '举报受理' }).click();
      await page.getByTestId('reports-table').locator('tbody tr.ant-table-row').first().waitFor();
      await settled(s);
      await settled(s);
      await s.screenshot('console-reports-1280');
      await axeClean(s);

      await page.goto(`${s.baseUrl}/console/reports/${reportId}`);
      await page.getByText(marker).waitFor();
      await settled(s);
      await settled(s);
      await s.screenshot('console-report-submitted-1280');
      await axeClean(s);
      await page.getByRole('button', { name: '受理', exact: true }).click();
      await page.getByRole('button', { name: '开始核查（本人）', exact: true }).click();
      await page.getByRole('button', { name: '核查属实', exact: true }).click();
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByRole('button', { name: '答复举报人', exact: true }).waitFor();
      await page.getByLabel('发给举报人的消息').fill('您好，我们已到现场核查，问题属实，已责令整改。');
      await page.getByRole('button', { name: '发送', exact: true }).click();
      await page.locator('.console-message--staff').first().waitFor();
      await settled(s);
      await s.screenshot('console-report-substantiated-1280');
      await axeClean(s);

      await page.locator('main a[href*="/hazards/"]').first().click();
      await page.getByTestId('hazard-actions').waitFor();
      hazardUrl = page.url();
      await page.getByRole('button', { name: '确认隐患', exact: true }).click();
      await page.getByRole('button', { name: '责令改正', exact: true }).click();
      const dialog = page.locator('.ant-modal');
      await dialog.getByText('当场改正').click();
      await dialog.getByLabel('责令改正通知书文号').fill('东消责改〔2026〕E2E号');
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByText('东消责改〔2026〕E2E号').waitFor();
      await settled(s);
      await s.screenshot('console-hazard-ordered-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);
    }
  });

  it('unit uploads its evidence', async () => {
    const s = await consoleAs('unit');
    const { page } = s;
    try {
      expect(await menuOf(s)).toEqual(expectedMenu('unit'));
      const card = page.getByTestId('unit-open-hazards').locator('.ant-card', { hasText: marker });
      await card.waitFor();
      await card.locator('input[type="file"]').setInputFiles({ name: 'exit-cleared.png', mimeType: 'image/png', buffer: png(640, 480) });
      await card.getByText('已上传 1 张').waitFor();
      await card.getByLabel('整改情况说明').fill('已清理安全出口货物，疏散通道恢复畅通。');
      await card.getByRole('button', { name: '提交整改材料', exact: true }).click();
      await page.getByText('整改材料已提交，等待复查').waitFor();
      await settled(s);
      await s.screenshot('console-unit-hazards-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('inspector re-inspects; the supervisor, a different person, closes it (销号)', async () => {
    const { page } = inspector!;
    await page.goto(hazardUrl);
    await page.getByRole('button', { name: '复查合格（验收）', exact: true }).click();
    await page.locator('.ant-modal').getByLabel('复查意见').fill('现场复查，安全出口已畅通。');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('[data-status="verified"]').first().waitFor();
    // The inspector holds no 销号 capability: no close button.
    expect(await page.getByRole('button', { name: '销号', exact: true }).count()).toBe(0);
    await inspector!.close();

    const sup = await consoleAs('supervisor', new URL(hazardUrl).pathname);
    try {
      expect(await menuOf(sup)).toEqual(expectedMenu('fire_supervisor'));
      await sup.page.getByRole('button', { name: '销号', exact: true }).click();
      await sup.page.locator('.ant-modal').getByLabel('意见').fill('复查合格，同意销号。');
      await sup.page.locator('.ant-modal-footer .ant-btn-primary').click();
      await sup.page.locator('[data-status="closed"]').first().waitFor();
      await settled(sup);
      await sup.screenshot('console-hazard-closed-1280');
      await axeClean(sup);
      expect(sup.problems).toEqual([]);
    } finally {
      await sup.close();
    }
  });

  it('discipline inspector sees its read-only menu and no action buttons', async () => {
    const s = await consoleAs('discipline', '/console/audit');
    try {
      expect(await menuOf(s)).toEqual(expectedMenu('discipline_inspector'));
      await s.page.locator('.ant-table-tbody tr').first().waitFor();
      await settled(s);
      await s.screenshot('console-discipline-audit-1280');
      await axeClean(s);
      expect(await s.page.locator('[data-testid$="-actions"]').count()).toBe(0);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
