import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, closeBrowser, expectClean, openApp, png as gradientPng, publicApi, readServerLog, realProblems, watchReceiptRequests, type Api } from '../harness';

afterAll(closeBrowser);

/** This spec's photos keep the blue channel of 90 they always had (the portal's is 120). */
const png = (width: number, height: number) => gradientPng(width, height, 90);

async function findWhistleReport(api: Api, marker: string): Promise<{ id: string; count: number; view: unknown }> {
  const list = await api.reports.list.query({ limit: 30, offset: 0, channel: ['whistleblower'] });
  const hits: { id: string; view: unknown }[] = [];
  for (const item of list.items) {
    const full = await api.reports.get.query({ id: item.id });
    if (full.report.description.includes(marker)) hits.push({ id: item.id, view: full });
  }
  return { id: hits[0]?.id ?? '', count: hits.length, view: hits[0]?.view };
}

const tag = randomBytes(4).toString('hex');
// Values only this run typed: none may reach the server's log.
const M = {
  where: `三号仓库北侧通道-${tag}`,
  description: `仓库安全出口被货架封死，夜班时上锁，已经两周（标记 ${tag}）`,
  name: `吹哨测试${tag}`,
  idNumber: '330102199001011234',
  position: `仓管员${tag}`,
  message: `夜班时钥匙在班长那里-${tag}`,
  claimName: `领奖人${tag}`,
  claimAccount: `62220210${parseInt(tag, 16) % 100000000}`.padEnd(16, '7'),
  claimBank: `示范银行${tag}支行`,
};
let whistleReceipt = '';

/** Names the step in a failure, so a refused API call says which one it was. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new Error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
let lookups = 0;

describe('whistleblower site (390 px)', () => {
  it('journey 1: the identity-protection page comes first, with no cookie and nothing off-site', async () => {
    const s = await openApp({ path: '/whistleblower/', viewport: 'phone' });
    try {
      const { page } = s;
      await page.getByRole('heading', { name: '开始之前：您的身份如何受到保护' }).waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('身份保管人批准');
      expect(text).toContain('不要用单位的电脑');
      expect(text).toContain('保存期限');
      // The number is the server's configured period (FIREBREAK_WHISTLEBLOWER_RETENTION_DAYS, default 1095), not a fixed text.
      await expect.poll(async () => page.getByTestId('retention-period').textContent()).toContain('办结后 1095 天');
      expect(text).toContain('不设置 Cookie');
      expect(await s.context.cookies()).toEqual([]);
      await s.screenshot('whistle-home-phone');
      await expectClean(s);

      // Keyboard only: tab to the report link and open it with Enter.
      let found = false;
      for (let i = 0; i < 20 && !found; i++) {
        await page.keyboard.press('Tab');
        found = ((await page.evaluate(() => document.activeElement?.textContent ?? '')) || '').includes('提交保密举报');
      }
      expect(found).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '保密举报' }).waitFor();
      // Focus moved to the page heading for screen readers.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      expect(JSON.stringify(realProblems(s))).toBe('[]');
    } finally {
      await s.close();
    }
  });

  it('journeys 2+3: files a confidential report with a sealed identity and a photo, once, and shows the receipt', async () => {
    const s = await openApp({ path: '/whistleblower/report', viewport: 'phone' });
    try {
      const { page } = s;
      await page.getByRole('heading', { name: '保密举报' }).waitFor();
      await page.getByText('疏散通道堵塞、安全出口锁闭').waitFor();
      await s.screenshot('whistle-report-phone');
      await expectClean(s);

      await page.getByTestId('submit-report').click();
      const summary = page.locator('.wb-summary');
      await expect.poll(() => summary.textContent()).toContain('隐患类别');
      expect(await summary.textContent()).toContain('被举报的单位');
      await s.screenshot('whistle-report-errors-phone');
      expect(JSON.stringify(await s.axe())).toBe('[]');

      await page.getByLabel('单位名称或地址').fill('万家');
      const venue = page.getByRole('button', { name: /湖滨万家福购物广场/ }).first();
      await venue.waitFor();
      await venue.click();
      await page.getByTestId('chosen-venue').waitFor();
      await page.getByText('疏散通道堵塞、安全出口锁闭').click();
      await page.getByLabel('具体部位').fill(M.where);
      await page.getByLabel('最近一次看到的日期').fill('2026-11-30');
      await page.getByLabel('隐患情况').fill(M.description);

      // A PDF is refused with a clear message; a photo is re-encoded and uploaded with a progress bar.
      await page.getByTestId('photo-input').setInputFiles([{ name: 'roster.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%e2e\n') }]);
      await expect.poll(() => page.getByTestId('file-refused').textContent()).toContain('暂不接收 PDF');
      const uploads: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/uploads')) uploads.push(r.postDataBuffer()?.includes(Buffer.from('IHDR')) ? 'png' : 'reencoded');
      });
      await page.getByTestId('photo-input').setInputFiles([{ name: 'IMG_20261130_wang.png', mimeType: 'image/png', buffer: png(800, 600) }]);
      await expect.poll(() => page.getByTestId('photo-item').first().getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      // Re-encoded as JPEG in the browser (no PNG chunks, so no original metadata), under a neutral name.
      expect(uploads).toEqual(['reencoded']);

      await page.getByTestId('identity-sealed').check();
      await page.getByRole('textbox', { name: '姓名', exact: true }).fill(M.name);
      await page.getByRole('textbox', { name: '手机号', exact: true }).fill('13900001111');
      await page.getByLabel('身份证号（选填）').fill(M.idNumber);
      await page.getByLabel('岗位（选填）').fill(M.position);
      await s.screenshot('whistle-report-filled-phone');
      expect(JSON.stringify(await s.axe())).toBe('[]');

      // A double tap files once.
      await page.getByTestId('submit-report').dblclick();
      await page.getByRole('heading', { name: '举报已保密提交' }).waitFor();
      whistleReceipt = ((await page.getByTestId('receipt').textContent()) ?? '').replace(/\D/g, '');
      expect(whistleReceipt).toMatch(/^\d{16}$/);
      expect(page.url()).not.toContain(whistleReceipt);
      expect(JSON.stringify(await page.evaluate(() => history.state))).not.toContain(whistleReceipt);
      const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
      expect(storage).not.toContain(whistleReceipt);
      expect(storage).not.toContain(tag);
      await page.getByText('丢失后任何人（包括我们）都无法找回').waitFor();
      await s.screenshot('whistle-receipt-phone');
      await expectClean(s);

      // Filed once; the handler sees the report but not the sealed identity.
      const inspector = await apiAs('inspector');
      const filed = await findWhistleReport(inspector, tag);
      expect(filed.count).toBe(1);
      const staff = JSON.stringify(filed.view);
      expect(staff).not.toContain(M.name);
      expect(staff).not.toContain(M.idNumber);
      expect(staff).not.toContain(M.position);
      expect(staff).not.toContain(whistleReceipt);
      expect(JSON.stringify(realProblems(s))).toBe('[]');
    } finally {
      await s.close();
    }
  });

  it('journey 4: follows up by receipt, exchanges a message, and "leave now" clears the page and its history entry', async () => {
    expect(whistleReceipt).toMatch(/^\d{16}$/);
    const s = await openApp({ path: '/whistleblower/follow-up', viewport: 'phone' });
    const leaks = watchReceiptRequests(s, () => whistleReceipt);
    try {
      const { page } = s;
      await page.getByRole('heading', { name: '凭回执跟进' }).waitFor();
      await s.screenshot('whistle-follow-form-phone');
      await expectClean(s);

      // A wrong receipt: one neutral message.
      await page.getByLabel('回执码').fill('0000 0000 0000 0001');
      await page.getByRole('button', { name: '打开案件' }).click();
      lookups++;
      await expect.poll(() => page.getByTestId('receipt-refused').textContent()).toContain('无法用这个回执码打开案件');
      expect(JSON.stringify(await s.axe())).toBe('[]');

      await page.getByLabel('回执码').fill(whistleReceipt.replace(/(\d{4})(?=\d)/g, '$1 '));
      await page.getByRole('button', { name: '打开案件' }).click();
      lookups++;
      await page.getByTestId('report-status').waitFor();
      await page.getByLabel('写消息').fill(M.message);
      await page.getByRole('button', { name: '发送', exact: true }).click();
      lookups++;
      await page.getByTestId('messages').getByText(M.message).waitFor();

      const inspector = await apiAs('inspector');
      const filed = await findWhistleReport(inspector, tag);
      await inspector.reports.sendMessage.mutate({ id: filed.id, body: '收到。请问被锁的是哪一扇门？' });
      await page.getByTestId('refresh').click();
      lookups++;
      await page.getByTestId('messages').getByText('收到。请问被锁的是哪一扇门？').waitFor();
      await s.screenshot('whistle-follow-case-phone');
      await expectClean(s);

      // A photo added later: re-encoded on the phone, uploaded with progress, tied to the case by the receipt.
      const addFiles = page.getByTestId('add-files');
      await addFiles.getByTestId('photo-input').setInputFiles([{ name: 'IMG_20261201_door.png', mimeType: 'image/png', buffer: png(640, 480) }]);
      await expect.poll(() => addFiles.getByTestId('photo-item').first().getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      await page.getByTestId('submit-files').click();
      lookups += 2; // the addition, then the refresh it triggers
      await expect.poll(() => page.getByTestId('files-added').textContent()).toContain('已补充 1 张照片');
      expect(await addFiles.getByTestId('photo-item').count()).toBe(0);
      await s.screenshot('whistle-follow-files-added-phone');
      await expectClean(s);

      await page.getByTestId('leave-now').click();
      await page.getByRole('heading', { name: '开始之前：您的身份如何受到保护' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/whistleblower/');
      const after = (await page.content()) + JSON.stringify(await page.evaluate(() => history.state));
      expect(after).not.toContain(tag);
      expect(after).not.toContain(whistleReceipt);
      // The follow-up entry was replaced: history holds the blank tab and the start page only.
      expect(await page.evaluate(() => history.length)).toBe(2);
      expect(JSON.stringify(leaks)).toBe('[]');
      expect(JSON.stringify(realProblems(s))).toBe('[]');
    } finally {
      await s.close();
    }
  });

  it('journey 4: the session ends itself when idle', async () => {
    const s = await openApp({ path: '/whistleblower/follow-up', viewport: 'phone' });
    try {
      const { page } = s;
      await s.context.addInitScript(() => {
        (window as { __FIREBREAK_IDLE_MS__?: number }).__FIREBREAK_IDLE_MS__ = 2_500;
      });
      await page.reload();
      await page.getByLabel('回执码').fill(whistleReceipt);
      await page.getByRole('button', { name: '打开案件' }).click();
      lookups++;
      await page.getByTestId('report-status').waitFor();
      await page.getByTestId('idle-ended').waitFor({ timeout: 10_000 });
      expect(await page.content()).not.toContain(tag);
      await s.screenshot('whistle-idle-ended-phone');
      await expectClean(s);
    } finally {
      await s.close();
    }
  });

  it('journey 5: a portal report’s reward is determined, approved and paid once; a second claim is refused and changes nothing', async () => {
    // A portal report, filed as the public files it, about a venue in the inspector's district.
    const pub = publicApi();
    const venue = (await pub.public.venues.search.query({ query: '万家福', limit: 8 })).find((v) => v.name === '湖滨万家福购物广场');
    expect(venue).toBeDefined();
    const filedPortal = await pub.public.reports.submit.mutate({
      idempotencyKey: `e2e-whistle-claim-${tag}`,
      riskCategory: 'evacuation_blocked',
      description: `商场二楼安全出口被促销货架堵住（领奖 ${tag}）`,
      location: { lat: 0, lng: 0, address: venue!.address },
      venueId: venue!.id,
    }).catch(async () => {
      const cats = await pub.public.catalogs.query();
      return pub.public.reports.submit.mutate({
        idempotencyKey: `e2e-whistle-claim2-${tag}`,
        riskCategory: cats.riskCategories[0]!.code,
        description: `商场二楼安全出口被促销货架堵住（领奖 ${tag}）`,
        location: { lat: 0, lng: 0, address: venue!.address },
        venueId: venue!.id,
      });
    });
    const portalReceipt = filedPortal.receipt;
    const reportId = filedPortal.reportId;

    // The inspector verifies it and registers the hazard it revealed.
    const inspector = await apiAs('inspector');
    await step('inspector.reports.accept', () => inspector.reports.accept.mutate({ id: reportId }));
    await step('inspector.reports.startVerification', () => inspector.reports.startVerification.mutate({ id: reportId }));
    const staffView = await inspector.reports.get.query({ id: reportId });
    const hazard = await step('hazards.register', () => inspector.hazards.register.mutate({
      source: 'report',
      sourceRef: reportId,
      venueId: venue!.id,
      riskCategory: staffView.report.riskCategory as never,
      description: '核查属实：二楼安全出口被货架堵塞',
    }));
    await step('inspector.reports.substantiate', () => inspector.reports.substantiate.mutate({ id: reportId, hazardIds: [hazard.id] }));

    // Two reward officers: one determines, the other approves; then the reporter is told.
    const officer = await apiAs('reward');
    // The kernel lets only a fire-agency head approve (reward.approve is fire_supervisor's); reward2 pays.
    const approver = await apiAs('city.supervisor');
    const payer = await apiAs('reward2');
    const { id: rewardId } = await step('rewards.open', () => officer.rewards.open.mutate({ reportId }));
    await step('officer.rewards.assessEligible', () => officer.rewards.assessEligible.mutate({ rewardId }));
    await step('officer.rewards.determine', () => officer.rewards.determine.mutate({ rewardId }));
    await step('approver.rewards.approve', () => approver.rewards.approve.mutate({ rewardId }));
    await step('officer.rewards.notify', () => officer.rewards.notify.mutate({ rewardId }));

    // A second device opens the claim page first and keeps its form (the race a second claim would be).
    const other = await openApp({ path: '/whistleblower/claim', viewport: 'desktop' });
    const s = await openApp({ path: '/whistleblower/claim', viewport: 'phone' });
    const leaks = [...watchReceiptRequests(s, () => portalReceipt), ...watchReceiptRequests(other, () => portalReceipt)];
    try {
      await other.page.getByLabel('回执码').fill(portalReceipt);
      await other.page.getByRole('button', { name: '查看奖励' }).click();
      lookups++;
      await other.page.getByTestId('submit-claim').waitFor();

      const { page } = s;
      await page.getByRole('heading', { name: '凭回执领取奖励' }).waitFor();
      await s.screenshot('whistle-claim-form-phone');
      await expectClean(s);
      await page.getByLabel('回执码').fill(portalReceipt);
      await page.getByRole('button', { name: '查看奖励' }).click();
      lookups++;
      await expect.poll(() => page.getByTestId('reward-status').getAttribute('data-status')).toBe('notified');
      expect(await page.getByTestId('reward').textContent()).toMatch(/¥|￥/);
      // The determination explained: the rule set's version and each factor with its effect.
      const explanation = page.getByTestId('reward-explanation');
      expect(await explanation.textContent()).toMatch(/适用奖励规则版本：\S+/);
      expect(await explanation.locator('li').count()).toBeGreaterThan(0);
      await s.screenshot('whistle-claim-explanation-phone');
      await page.getByLabel('姓名').fill(M.claimName);
      await page.getByLabel('身份证号').fill(M.idNumber);
      await page.getByLabel('手机号').fill('13900002222');
      await page.getByLabel('收款账号').fill(M.claimAccount);
      await page.getByLabel('开户银行').fill(M.claimBank);
      await s.screenshot('whistle-claim-filled-phone');
      expect(JSON.stringify(await s.axe())).toBe('[]');
      await page.getByTestId('submit-claim').dblclick();
      lookups++;
      await page.getByTestId('claim-done').waitFor();

      // The officer checks the identity, accepts the claim and pays, exactly once.
      const [claim, ...more] = await officer.rewards.claims.list.query({ rewardId });
      expect(more).toEqual([]);
      await payer.rewards.claims.verifyIdentity.mutate({ claimId: claim!.id, method: '现场核验身份证原件' });
      await payer.rewards.claims.accept.mutate({ claimId: claim!.id });
      await step('rewards.pay', () => payer.rewards.pay.mutate({ rewardId, paymentReference: `ZF-${tag}` }));
      await expect(payer.rewards.pay.mutate({ rewardId, paymentReference: `ZF2-${tag}` })).rejects.toThrow();

      await page.getByRole('button', { name: '刷新' }).click();
      lookups++;
      await expect.poll(() => page.getByTestId('reward-status').getAttribute('data-status')).toBe('paid');
      await page.getByText('每笔奖励只发放一次').waitFor();
      await s.screenshot('whistle-claim-paid-phone');
      await expectClean(s);

      // The second device now claims: a clear refusal, and nothing changes.
      await other.page.getByLabel('姓名').fill(`${M.claimName}2`);
      await other.page.getByLabel('身份证号').fill(M.idNumber);
      await other.page.getByLabel('手机号').fill('13900003333');
      await other.page.getByLabel('收款账号').fill(`${M.claimAccount}9`);
      await other.page.getByLabel('开户银行').fill(M.claimBank);
      await other.page.getByTestId('submit-claim').click();
      lookups++;
      await expect.poll(() => other.page.getByTestId('claim-refused').textContent()).toContain('未做任何更改');
      await other.screenshot('whistle-claim-refused-desktop');
      await expectClean(other);
      const claims = await officer.rewards.claims.list.query({ rewardId });
      expect(claims).toHaveLength(1);
      expect(claims[0]!.status).toBe('paid');

      // Someone else's receipt (the whistleblower report, no reward) opens no reward.
      await page.reload();
      await page.getByLabel('回执码').fill(whistleReceipt);
      await page.getByRole('button', { name: '查看奖励' }).click();
      lookups++;
      await page.getByTestId('reward-none').waitFor();
      expect(JSON.stringify(leaks)).toBe('[]');
      expect(JSON.stringify(realProblems(s))).toBe('[]');
    } finally {
      await s.close();
      await other.close();
    }
  });

  it('desktop (1280 px) screenshots of every page pass axe with nothing off-site', async () => {
    for (const path of ['/whistleblower/', '/whistleblower/report', '/whistleblower/follow-up', '/whistleblower/claim', '/whistleblower/receipt']) {
      const s = await openApp({ path, viewport: 'desktop' });
      try {
        await s.page.locator('main h2').first().waitFor();
        await s.page.waitForLoadState('networkidle');
        const name = path.replace('/whistleblower/', '') || 'home';
        await s.screenshot(`whistle-${name}-desktop`);
        await expectClean(s);
      } finally {
        await s.close();
      }
    }
  });

  it('critical-path JavaScript of / is at most 120 KB gzip and the journeys are not on it', async () => {
    const s = await openApp({ path: '/whistleblower/', viewport: 'phone' });
    try {
      await s.page.waitForLoadState('networkidle');
      const scripts: string[] = await s.page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')),
      );
      let total = 0;
      for (const url of scripts) {
        const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
        const { gzipSync } = await import('node:zlib');
        total += gzipSync(Buffer.from(await res.arrayBuffer())).length;
      }
      console.log(`whistleblower critical path: ${scripts.length} files, ${(total / 1024).toFixed(1)} KiB gzip`);
      expect(total).toBeLessThanOrEqual(120 * 1000);
      expect(scripts.some((u) => /report-page|claim-page|follow-up-page/.test(u))).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('in English: the protection page states the retention period, and a wrong receipt is refused in English', async () => {
    const s = await openApp({ path: '/whistleblower/', viewport: 'phone', locale: 'en' });
    try {
      const { page } = s;
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Before you start: how your identity is protected' }).waitFor();
      await expect.poll(async () => page.getByTestId('retention-period').textContent()).toContain('1095 days after the case is closed');
      expect((await page.locator('main').textContent()) ?? '').not.toMatch(/[\u4e00-\u9fff]{4}/); // no Chinese sentence left on the English page
      await page.getByRole('link', { name: /Follow up by receipt/ }).click();
      const receipt = page.getByLabel('Receipt', { exact: true });
      await receipt.fill('0000 0000 0000 0009');
      await receipt.press('Enter');
      lookups++;
      await expect.poll(async () => page.getByTestId('receipt-refused').textContent()).toContain('This receipt does not open a case');
      await s.screenshot('whistle-follow-up-refused-en');
      await expectClean(s);
    } finally {
      await s.close();
    }
  });

  it('a throttled receipt lookup reads exactly like a wrong one; nothing typed reached the server log', async () => {
    const s = await openApp({ path: '/whistleblower/follow-up', viewport: 'phone' });
    try {
      const { page } = s;
      await page.getByLabel('回执码').fill('0000 0000 0000 0002');
      await page.getByRole('button', { name: '打开案件' }).click();
      lookups++;
      const wrong = await page.getByTestId('receipt-refused').textContent();
      // Spend the rest of this client's budget, then ask once more from the page.
      const pub = publicApi();
      let throttled = false;
      const seen: string[] = [];
      for (let i = 0; i < 40 && !throttled; i++) {
        await pub.whistleblower.track.mutate({ receipt: '0000000000000003' }).catch((e: { message?: string; data?: { httpStatus?: number; domain?: { code?: string } } }) => {
          seen.push(`${e.data?.httpStatus}:${e.data?.domain?.code}:${e.message}`);
          throttled = e.data?.domain?.code === 'RECEIPT.TOO_MANY_ATTEMPTS' || e.data?.httpStatus === 429;
        });
      }
      expect(throttled, seen.slice(-3).join(' | ')).toBe(true);
      await page.getByRole('button', { name: '打开案件' }).click();
      await expect.poll(() => page.getByTestId('receipt-refused').count()).toBe(1);
      await page.waitForTimeout(500);
      expect(await page.getByTestId('receipt-refused').textContent()).toBe(wrong);
      expect(s.offsite).toEqual([]);
    } finally {
      await s.close();
    }
    const log = await readServerLog();
    for (const [k, v] of Object.entries(M)) expect(log.includes(v), `server log holds ${k}`).toBe(false);
    expect(log).not.toContain(whistleReceipt);
    expect(lookups).toBeLessThan(20);
  });
});
