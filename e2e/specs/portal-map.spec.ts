import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectClean, openApp, publicApi, type AppSession, type ViewportName } from '../harness';

afterAll(closeBrowser);

/** The demo city's drawn areas by name (ids differ per fresh database). */
async function areaIds(): Promise<Map<string, string>> {
  const map = await publicApi().public.jurisdictions.boundaries.query();
  return new Map(map.areas.map((a) => [a.name, a.id]));
}

/** Clicks the middle of an area's outline as drawn on the map (the demo streets are near-convex, so the middle is inside). */
async function tapArea(s: AppSession, id: string): Promise<{ x: number; y: number }> {
  const path = s.page.locator(`path[data-area="${id}"]`);
  await path.waitFor({ state: 'attached' });
  const box = await path.boundingBox();
  if (!box) throw new Error(`area ${id} is not drawn`);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await s.page.mouse.click(at.x, at.y);
  return at;
}

const handler = (s: AppSession) => s.page.getByTestId('handler').textContent();

describe('portal: drop a pin on the map, see who handles it, file, track (issue 7)', () => {
  for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
    it(`files a pin dropped inside 湖滨街道 and tracks it there (${viewport === 'phone' ? '390' : '1280'} px)`, { timeout: 180_000 }, async () => {
      const ids = await areaIds();
      const hubin = ids.get('湖滨街道')!;
      const wenhui = ids.get('文晖街道')!;
      expect(hubin).toBeDefined();
      const tag = randomBytes(4).toString('hex');
      const description = `楼道里电动车整夜充电，插线板拖到门口（地图选点 e2e ${tag}）`;
      const s = await openApp({ path: '/report', viewport });
      try {
        const { page } = s;
        const scripts: string[] = [];
        page.on('request', (r) => {
          if (r.url().endsWith('.js')) scripts.push(r.url());
        });
        await page.getByText('电动自行车违规停放充电').click();
        // Leaflet is not loaded until the reporter asks for the map.
        expect(scripts.some((u) => /place-map/.test(u))).toBe(false);
        await page.getByRole('radio', { name: '地图选点' }).check();
        await page.getByTestId('place-map').waitFor();
        expect(await handler(s)).toContain('在地图上放置标记后，这里会显示受理单位');
        expect(scripts.some((u) => /place-map/.test(u))).toBe(true);

        const cityScale = await page.locator('.leaflet-control-scale-line').textContent();
        await tapArea(s, hubin);
        await page.getByTestId('map-pin').waitFor();
        // The first pin brings the map closer, so dragging it is precise.
        await expect.poll(() => page.locator('.leaflet-control-scale-line').textContent()).not.toBe(cityScale);
        await expect.poll(() => handler(s)).toBe('⌂受理单位：示范市 › 东湖区 › 湖滨街道（按位置所在的辖区范围）');
        await expect.poll(() => page.locator(`path[data-area="${hubin}"]`).getAttribute('class')).toContain('pt-map-area--handling');
        expect(await page.getByTestId('pin-status').textContent()).toMatch(/^已放置标记：北纬 30\.\d{5}，东经 120\.\d{5}$/);
        await s.screenshot(`portal-map-pin-${viewport}`);
        await expectClean(s);

        if (viewport === 'desktop') {
          // Dragged into the next street, the pin is handled there; tapped back, by 湖滨 again.
          const pin = page.getByTestId('map-pin');
          const from = (await pin.boundingBox())!;
          const to = (await page.locator(`path[data-area="${wenhui}"]`).boundingBox())!;
          await page.mouse.move(from.x + from.width / 2, from.y + from.height - 4);
          await page.mouse.down();
          await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
          await page.mouse.up();
          await expect.poll(() => handler(s)).toContain('示范市 › 东湖区 › 文晖街道');
          await tapArea(s, hubin);
          await expect.poll(() => handler(s)).toContain('示范市 › 东湖区 › 湖滨街道');
        }

        await page.getByLabel('位置说明（选填）').fill('3号楼1单元楼道');
        await page.getByLabel('隐患情况').fill(description);
        await page.getByRole('button', { name: '提交举报' }).click();
        await page.getByRole('heading', { name: '举报已提交' }).waitFor();
        const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').replace(/\D/g, '');
        expect(receipt).toMatch(/^\d{16}$/);

        await page.goto(new URL('/track', page.url()).toString());
        await page.getByLabel('回执码').fill(receipt);
        await page.getByRole('button', { name: '查询', exact: true }).click();
        await page.getByTestId('report-status').waitFor();
        expect(await page.getByTestId('handled-by').textContent()).toBe('浙江省（示例） › 示范市 › 东湖区 › 湖滨街道');
        expect(await page.getByText(/3号楼1单元楼道 地图选点（北纬 30\.\d{5}，东经 120\.\d{5}）/).count()).toBe(1);
        await s.screenshot(`portal-map-tracked-${viewport}`);
        await expectClean(s);
        // No tile server is configured: the map asked nothing of any other origin.
        expect(s.offsite).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }

  it('works with the keyboard: the pin drops at the cross, and a missing pin is named in the errors (1280 px)', { timeout: 180_000 }, async () => {
    const s = await openApp({ path: '/report', viewport: 'desktop' });
    try {
      const { page } = s;
      await page.getByText('电动自行车违规停放充电').click();
      await page.getByRole('radio', { name: '地图选点' }).check();
      await page.getByTestId('place-map').waitFor();
      await page.getByLabel('隐患情况').fill('楼道里电动车整夜充电，插线板拖到门口（键盘）');
      await page.getByRole('button', { name: '提交举报' }).click();
      await expect.poll(() => page.locator('.pt-summary').textContent()).toContain('请在地图上放置标记，标明隐患位置');
      // The summary's link takes focus to the button that drops the pin.
      await page.locator('.pt-summary').getByRole('link', { name: '请在地图上放置标记，标明隐患位置' }).click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pin-at-centre');
      // Arrow keys pan the focused map; the cross marks where the pin will go.
      await page.getByTestId('place-map').focus();
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
      await page.getByTestId('pin-at-centre').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('map-pin').waitFor();
      await expect.poll(() => handler(s)).toMatch(/^⌂受理单位：示范市 › .+（按位置所在的辖区范围）$/);
      expect(await page.locator('.pt-summary').textContent()).not.toContain('请在地图上放置标记');
      await s.screenshot('portal-map-keyboard-desktop');
      await expectClean(s);
    } finally {
      await s.close();
    }
  });
});
