import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, axeClean, closeBrowser, consoleAs, openApp, publicApi, settled, type AppSession } from '../harness';

afterAll(closeBrowser);

// One reward carried through the console by the people whose job each step is. The report and
// the reporter's claim are set up through the public API (what the portal and the receipt do).
// Approval: the kernel's reward lifecycle (docs/domain/reward.md) gives `approve` to a fire-agency
// head (fire_supervisor), not to a second reward officer, so `city.supervisor` approves here.
const tag = randomUUID().slice(0, 8);
const CLAIM_NAME = `欧阳领奖${tag.slice(0, 2)}`;
const PAY_REF = `ZF-E2E-${tag}`;
let rewardId = '';
let receipt = '';

async function substantiatedReport(): Promise<{ reportId: string; receipt: string }> {
  const pub = publicApi();
  const venue = (await pub.public.venues.search.query({ query: '湖滨万家福购物广场', limit: 5 })).find((v) => v.name === '湖滨万家福购物广场')!;
  const filed = await pub.public.reports.submit.mutate({
    idempotencyKey: randomUUID(),
    riskCategory: 'evacuation_blocked',
    description: `三楼安全出口被促销货架堵住（奖励 ${tag}）`,
    location: { lat: 30.26, lng: 120.17, address: venue.address },
    venueId: venue.id,
  });
  const inspector = await apiAs('inspector');
  await inspector.reports.accept.mutate({ id: filed.reportId });
  await inspector.reports.startVerification.mutate({ id: filed.reportId });
  const hazard = await inspector.hazards.register.mutate({ source: 'report', sourceRef: filed.reportId, venueId: venue.id, riskCategory: 'evacuation_blocked', description: `核查属实：三楼安全出口被货架堵塞 ${tag}` });
  await inspector.reports.substantiate.mutate({ id: filed.reportId, hazardIds: [hazard.id] });
  return { reportId: filed.reportId, receipt: filed.receipt };
}

async function close(...sessions: (AppSession | undefined)[]) {
  for (const s of sessions) await s?.close().catch(() => undefined);
}

describe('rewards in the console', () => {
  it('reward determines with every factor shown; a second person, the fire-agency head, approves', async () => {
    const report = await substantiatedReport();
    receipt = report.receipt;
    const officerApi = await apiAs('reward');
    rewardId = (await officerApi.rewards.open.mutate({ reportId: report.reportId })).id;

    let s: AppSession | undefined;
    let head: AppSession | undefined;
    try {
      s = await consoleAs('reward', `/console/rewards/${rewardId}`);
      const { page } = s;
      await page.getByRole('button', { name: '认定符合奖励条件' }).click();
      await page.getByTestId('determine-panel').waitFor();
      await expect.poll(() => page.getByTestId('preview-amount').textContent(), { timeout: 20_000 }).toMatch(/¥\d/);
      await settled(s);
      await s.screenshot('console-reward-determine-preview-1280');
      await axeClean(s);
      await page.getByTestId('determine').click();
      await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('determined');
      const determination = page.getByTestId('determination');
      expect(await determination.getByTestId('rules-version').textContent()).toMatch(/\S+/);
      expect(await determination.getByTestId('factors').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await determination.textContent()).toContain('待另一人审批');
      // The determiner is offered no approval.
      expect(await page.getByTestId('approve').count()).toBe(0);
      await settled(s);
      await s.screenshot('console-reward-determination-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);

      // reward2 holds the capability reward.approve, but the kernel's lifecycle refuses a reward officer.
      const reward2 = await apiAs('reward2');
      await expect(reward2.rewards.approve.mutate({ rewardId })).rejects.toThrow(/消防救援机构负责人|not allowed|无权/);

      head = await consoleAs('city.supervisor', '/console/rewards');
      await head.page.getByRole('tab', { name: '待审批' }).waitFor();
      await head.page.getByTestId('rewards-table').locator(`a[href="/console/rewards/${rewardId}"]`).click();
      await head.page.getByTestId('approve').waitFor();
      await settled(head);
      await head.screenshot('console-reward-approval-1280');
      await axeClean(head);
      await head.page.getByTestId('approve').click();
      await expect.poll(() => head!.page.locator('h1 [data-status]').getAttribute('data-status')).toBe('approved');
      expect(await head.page.getByTestId('determination').textContent()).toContain('吴');
      expect(head.problems).toEqual([]);
    } finally {
      await close(s, head);
    }
    const after = await officerApi.rewards.get.query({ rewardId });
    expect(after.state.approval?.role).toBe('fire_supervisor');
    expect(after.state.approval?.userId).not.toBe(after.state.determination?.by.userId);
  }, 240_000);

  it('reward notifies, handles the claim and pays once with the payment reference; a second payment is refused on screen', async () => {
    expect(rewardId).not.toBe('');
    let s: AppSession | undefined;
    let other: AppSession | undefined;
    try {
      s = await consoleAs('reward', `/console/rewards/${rewardId}`);
      const { page } = s;
      await page.getByRole('button', { name: '告知举报人领奖' }).click();
      await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('notified');

      // The reporter claims through the receipt (the whistleblower site's claim form does this).
      await publicApi().public.rewards.claim.mutate({ receipt, identity: { name: CLAIM_NAME, idNumber: '11010119900307123X', phone: '13900001111' }, payment: { method: 'bank', account: '6222000011112222', bank: '示范银行' } });
      await page.reload();
      const payout = page.getByTestId('payout');
      await payout.getByRole('button', { name: '核验身份' }).click();
      const verify = page.getByRole('dialog', { name: '核验领奖人身份' });
      await expect.poll(() => verify.getByLabel('核验方式').inputValue()).toBe('现场核验身份证原件');
      await verify.getByRole('button', { name: '确定' }).click();
      await expect
        .poll(() => payout.locator('[data-status="identity_verified"]').count(), { timeout: 20_000 })
        .toBe(1)
        .catch(async (e: unknown) => {
          await s!.screenshot('console-reward-verify-debug-1280');
          throw e;
        });
      await payout.getByRole('button', { name: '受理' }).click();
      await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('claimed');
      expect(await page.content()).not.toContain(CLAIM_NAME);

      // A colleague opened the same reward before it was paid and keeps the form.
      other = await consoleAs('reward2', `/console/rewards/${rewardId}`);
      await other.page.getByTestId('pay-form').waitFor();

      await page.getByLabel('支付凭证号').fill(PAY_REF);
      await settled(s);
      await s.screenshot('console-reward-payout-form-1280');
      await axeClean(s);
      await page.getByTestId('pay').click();
      await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('paid');
      expect(await page.getByTestId('payment-reference').textContent()).toBe(PAY_REF);
      expect(await page.getByTestId('pay-form').count()).toBe(0);
      await settled(s);
      await s.screenshot('console-reward-payout-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);

      await other.page.getByLabel('支付凭证号').fill(`${PAY_REF}-2`);
      await other.page.getByTestId('pay').click();
      await expect.poll(() => other!.page.getByTestId('action-error').textContent()).toContain('该奖励已发放，不能重复发放');
      await expect.poll(() => other!.page.locator('h1 [data-status]').getAttribute('data-status')).toBe('paid');
      expect(await other.page.getByTestId('payment-reference').textContent()).toBe(PAY_REF);
      await settled(other);
      await other.screenshot('console-reward-second-pay-refused-1280');
      await axeClean(other);
    } finally {
      await close(s, other);
    }
    const paid = await (await apiAs('reward')).rewards.get.query({ rewardId });
    expect(paid.state.payment?.reference).toBe(PAY_REF);
    expect(paid.claims.filter((c) => c.status === 'paid')).toHaveLength(1);
  }, 240_000);

  it('reward asks to see the identity with a reason; custodian approves in the inbox; each read is audited and the discipline inspector sees it', async () => {
    expect(rewardId).not.toBe('');
    const reason = `核对领奖人与举报人是否为同一人 ${tag}`;
    let s: AppSession | undefined;
    let custodian: AppSession | undefined;
    let discipline: AppSession | undefined;
    try {
      s = await consoleAs('reward', `/console/rewards/${rewardId}`);
      await s.page.getByTestId('request-disclosure').click();
      await s.page.getByRole('dialog').getByLabel('查阅理由（保管人据此审批）').fill(reason);
      await s.page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await expect.poll(() => s!.page.getByTestId('disclosures').textContent()).toContain(reason);

      custodian = await consoleAs('custodian', '/console/disclosures');
      const row = custodian.page.getByTestId('disclosures-table').locator('tr', { hasText: reason });
      await row.waitFor();
      await settled(custodian);
      await custodian.screenshot('console-custodian-inbox-1280');
      await axeClean(custodian);
      await row.getByRole('button', { name: '批准', exact: true }).click();
      await custodian.page.getByRole('dialog').getByLabel('批注（可选，例如用途限制）').fill('仅限核对领奖身份');
      await custodian.page.getByRole('dialog').getByRole('button', { name: '批准（不可撤销）' }).click();
      await expect.poll(() => custodian!.page.getByTestId('disclosures-table').locator('tr', { hasText: reason }).count()).toBe(0);
      expect(custodian.problems).toEqual([]);

      await s.page.goto(`${s.baseUrl}/console/disclosures/mine`);
      const mine = s.page.getByTestId('my-disclosures').locator('tr', { hasText: reason });
      for (let i = 0; i < 2; i++) {
        await mine.getByRole('button', { name: '查阅身份（记入审计）' }).click();
        const shown = s.page.getByTestId('identity');
        await expect.poll(() => shown.textContent()).toContain(CLAIM_NAME);
        if (i === 0) {
          await settled(s);
          await s.screenshot('console-disclosure-read-1280');
          await axeClean(s);
        }
        await s.page.getByRole('button', { name: '关闭（再次查看将重新记录）' }).click();
        await expect.poll(() => s!.page.getByTestId('identity').count()).toBe(0);
      }
      expect(await s.page.content()).not.toContain(CLAIM_NAME);
      expect(s.problems).toEqual([]);

      const disclosureId = (await (await apiAs('custodian')).disclosures.list.query({ status: 'approved', limit: 50 })).items.find((d) => d.reason === reason)!.id;
      const audit = await (await apiAs('discipline')).audit.list.query({ entity: 'disclosure', entityId: disclosureId });
      expect(audit.entries.filter((e) => e.action === 'access_logged')).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain(CLAIM_NAME);
      discipline = await consoleAs('discipline', `/console/audit?entity=disclosure&entityId=${disclosureId}`);
      await expect.poll(() => discipline!.page.locator('.ant-table-tbody tr').count(), { timeout: 20_000 }).toBe(4);
      await settled(discipline);
      await discipline.screenshot('console-disclosure-audit-discipline-1280');
      await axeClean(discipline);
    } finally {
      await close(s, custodian, discipline);
    }
  }, 240_000);

  it('reward withholds a reward with its reason, shown on the page and in the timeline', async () => {
    const report = await substantiatedReport();
    const officerApi = await apiAs('reward');
    const id = (await officerApi.rewards.open.mutate({ reportId: report.reportId })).id;
    await officerApi.rewards.assessEligible.mutate({ rewardId: id });
    const reason = `举报人系被举报单位的消防安全管理人 ${tag}`;
    let s: AppSession | undefined;
    try {
      s = await consoleAs('reward', `/console/rewards/${id}`);
      await s.page.getByRole('button', { name: '不予发放' }).click();
      await s.page.getByRole('dialog').getByLabel('理由').fill(reason);
      await s.page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await expect.poll(() => s!.page.locator('h1 [data-status]').getAttribute('data-status')).toBe('withheld');
      expect(await s.page.getByTestId('reward-closed').textContent()).toContain(reason);
      expect(await s.page.getByTestId('reward-actions').count()).toBe(0);
      await settled(s);
      await s.screenshot('console-reward-withheld-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);
    } finally {
      await close(s);
    }
    expect((await officerApi.rewards.get.query({ rewardId: id })).state.withholding?.reason).toBe(reason);
  }, 180_000);

  it('reward previews and prepares the masked yearly list; the head publishes it; the portal shows it', async () => {
    expect(rewardId).not.toBe('');
    const year = new Date().getFullYear();
    let s: AppSession | undefined;
    let head: AppSession | undefined;
    let portal: AppSession | undefined;
    try {
      s = await consoleAs('reward', '/console/rewards/year-list');
      await expect.poll(() => s!.page.getByTestId('live-entries').locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await s.page.getByTestId('prepare').click();
      await s.page.getByTestId('stored-list').waitFor();
      const text = (await s.page.getByTestId('stored-entries').textContent()) ?? '';
      expect(text).toContain('举报人（身份已隐去）');
      expect(text).not.toContain(CLAIM_NAME);
      await settled(s);
      await s.screenshot('console-reward-year-list-preview-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);

      head = await consoleAs('city.supervisor', '/console/rewards/year-list');
      await head.page.getByTestId('stored-list').waitFor();
      const total = await head.page.getByTestId('stored-total').textContent();
      await head.page.getByTestId('publish').click();
      await head.page.getByRole('dialog').getByRole('button', { name: '确认发布（不可更改）' }).click();
      await expect.poll(() => head!.page.getByTestId('stored-list').locator('[data-status]').first().getAttribute('data-status')).toBe('published');
      expect(await head.page.getByTestId('publish').count()).toBe(0);
      await settled(head);
      await head.screenshot('console-reward-year-list-published-1280');
      await axeClean(head);

      const published = await publicApi().public.rewards.list.query({ year });
      expect(published.lists.length).toBeGreaterThan(0);
      portal = await openApp({ path: '/rewards', viewport: 'phone' });
      await portal.page.getByTestId('reward-list').first().waitFor();
      expect(await portal.page.getByTestId('reward-entry').count()).toBeGreaterThan(0);
      const summary = (await portal.page.getByTestId('reward-list-summary').first().textContent()) ?? '';
      expect(summary.replace(/[,\s]/g, '')).toContain((total ?? '').replace(/[¥,\s]/g, '').replace(/\.00$/, ''));
      expect(await portal.page.content()).not.toContain(CLAIM_NAME);
      await portal.screenshot('portal-rewards-list-390');
      expect(await portal.axe()).toEqual([]);
      expect(portal.offsite).toEqual([]);
    } finally {
      await close(s, head, portal);
    }
  }, 240_000);
});
