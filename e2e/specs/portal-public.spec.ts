import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, closeBrowser, openApp, publicApi, type AppSession } from '../harness';

afterAll(closeBrowser);

async function expectClean(s: AppSession) {
  expect(await s.axe()).toEqual([]);
  expect(s.offsite).toEqual([]);
  expect(s.problems).toEqual([]);
}

describe('portal journeys 4–8: the public pages, without an account', () => {
  it('loads at most 120 KB of gzipped JavaScript for / (the form and uploader load on demand)', async () => {
    const s = await openApp({ path: '/', viewport: 'phone' });
    try {
      const scripts: Promise<Buffer>[] = [];
      const urls: string[] = [];
      s.page.on('response', (r) => {
        if (r.url().endsWith('.js')) {
          urls.push(r.url());
          scripts.push(r.body());
        }
      });
      await s.page.reload();
      await s.page.getByRole('link', { name: /我要举报/ }).first().waitFor();
      await s.page.waitForLoadState('networkidle');
      const gzip = (await Promise.all(scripts)).reduce((n, b) => n + gzipSync(b).length, 0);
      expect(urls.some((u) => /report-page/.test(u))).toBe(false);
      expect(gzip).toBeLessThanOrEqual(120 * 1024);
      console.log(`critical-path JS for /: ${urls.length} files, ${(gzip / 1024).toFixed(1)} KiB gzip`);
    } finally {
      await s.close();
    }
  });

  it('opens a venue page by its QR code path and starts a report pre-filled with the venue', async () => {
    const [venue] = await publicApi().public.venues.search.query({ query: '湖滨万家福购物广场', limit: 1 });
    expect(venue).toBeDefined();
    for (const viewport of ['phone', 'desktop'] as const) {
      const s = await openApp({ path: `/v/${venue!.publicToken}`, viewport });
      try {
        const { page } = s;
        await expect.poll(() => page.getByTestId('venue-name').textContent()).toBe(venue!.name);
        await page.getByText('消防安全责任人', { exact: true }).first().waitFor();
        await page.getByRole('heading', { name: '最近一次检查' }).waitFor();
        await s.screenshot(`portal-venue-${viewport}`);
        await expectClean(s);
        if (viewport === 'phone') {
          await page.getByRole('link', { name: '举报该场所的隐患' }).click();
          await page.getByTestId('chosen-venue').waitFor();
          expect(await page.getByTestId('chosen-venue').textContent()).toContain(venue!.name);
          expect(await s.axe()).toEqual([]);
        }
      } finally {
        await s.close();
      }
    }
  });

  it('says so when a venue code matches nothing', async () => {
    const s = await openApp({ path: '/v/this-code-matches-no-venue-at-all', viewport: 'phone' });
    try {
      await s.page.getByText('未找到该场所').waitFor();
      expect(await s.axe()).toEqual([]);
      expect(s.offsite).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('shows the exposure board with listed major hazards, filters it and links to the venue page', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const s = await openApp({ path: '/exposure', viewport });
      try {
        const { page } = s;
        const items = page.getByTestId('exposure-list').locator('li.pt-board__item');
        await expect.poll(() => items.count()).toBeGreaterThan(0);
        await page.getByText('重大火灾隐患挂牌督办').first().waitFor();
        await s.screenshot(`portal-exposure-${viewport}`);
        await expectClean(s);
        if (viewport === 'phone') {
          await page.getByLabel('公开类型').selectOption('listing');
          await expect.poll(() => items.count()).toBeGreaterThan(0);
          await page.getByLabel('隐患类别').selectOption('bathhouse_lodging');
          await expect.poll(() => page.getByText('暂无符合条件的公开信息').count()).toBeGreaterThanOrEqual(0);
          await page.getByLabel('隐患类别').selectOption('');
          await items.first().getByRole('link', { name: /查看场所公示/ }).click();
          await page.getByTestId('venue-name').waitFor();
          expect(page.url()).toMatch(/\/v\/[^/]+$/);
          // The venue page shows its open listed supervision.
          await page.getByTestId('venue-listings').waitFor();
          await s.screenshot('portal-venue-listed-phone');
          expect(await s.axe()).toEqual([]);
        }
      } finally {
        await s.close();
      }
    }
  });

  it('verifies a published draw in the browser with the kernel’s verifyDraw', async () => {
    const supervisor = await apiAs('supervisor');
    const me = await supervisor.auth.me.query();
    if (!me.jurisdictionId) throw new Error('the demo supervisor has no jurisdiction');
    // Commit first (the lists' digests and the named random source are public), then run with the value.
    const committed = await supervisor.draws.commit.mutate({
      jurisdictionId: me.jurisdictionId,
      randomSource: '2026-12-01 福利彩票3D 开奖号码',
      // Not 'market': the console journey inspects a market in this district with both of its inspectors, and the
      // conflict-of-interest rule then leaves that unit no eligible pair (the draw refuses, as the law wants).
      ratios: [{ category: 'hotel_restaurant', ratio: 0.5 }],
    });
    const run = await supervisor.draws.run.mutate({ drawId: committed.id, publicRandom: '4 7 1' });
    await supervisor.draws.publish.mutate({ drawId: run.id });

    for (const viewport of ['phone', 'desktop'] as const) {
      const s = await openApp({ path: '/draws', viewport });
      try {
        const { page } = s;
        await page.getByTestId('draws-list').getByRole('link').first().waitFor();
        await s.screenshot(`portal-draws-${viewport}`);
        await expectClean(s);
        await page.goto(`${s.baseUrl}/draws/${run.id}`);
        await page.getByTestId('verify-draw').click();
        await expect.poll(() => page.getByTestId('verify-result').locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 30_000 }).toBe('match');
        expect(await page.getByTestId('verify-result').textContent()).toContain('一致');
        await s.screenshot(`portal-draw-${viewport}`);
        await expectClean(s);
      } finally {
        await s.close();
      }
    }
  });

  it('shows the yearly reward page and the Open311 page', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      for (const path of ['/rewards', '/developers']) {
        const s = await openApp({ path, viewport });
        try {
          await s.page
            .locator('main h2')
            .first()
            .waitFor({ timeout: 10_000 })
            .catch((e: Error) => {
              throw new Error(`${path}: ${e.message}\n${s.problems.join('\n')}`);
            });
          if (path === '/developers') expect(await s.page.getByTestId('open311-base').textContent()).toContain('/open311/v2/');
          await s.screenshot(`portal-${path.slice(1)}-${viewport}`);
          await expectClean(s);
        } finally {
          await s.close();
        }
      }
    }
  });
});
