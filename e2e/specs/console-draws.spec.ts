import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, closeBrowser, openApp, type AppSession } from '../harness';
import { axeClean, consoleAs, expectClean, realProblems, settled } from '../harness/journey';

afterAll(closeBrowser);

const DESKTOP = { width: 1280, height: 900 } as const;
// A category no other journey inspects or draws in 东湖区: the inspections planned here make
// their pairs previous inspectors of these units, which a later draw of them would have to avoid.
const CATEGORY = { code: 'elderly_care', zh: '养老院' } as const;
const RANDOM_SOURCE = '2026年12月8日 福彩3D 开奖号码（e2e）';

function option(s: AppSession, text: string) {
  return s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
}

describe('双随机一公开: commit → draw → inspections → publish → public verification', () => {
  let drawId = '';
  const sessions: AppSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
  });

  it('supervisor sets up the strata, sees the library and the inspector pool, and publishes the commitment', async () => {
    const s = await consoleAs('supervisor', '/console/', DESKTOP);
    sessions.push(s);
    const { page } = s;
    await page.getByRole('menuitem', { name: '双随机抽查' }).click();
    await page.getByTestId('draws-table').waitFor();
    await page.getByRole('button', { name: '新建抽查' }).click();
    await page.getByTestId('draw-setup').waitFor();
    await page.getByRole('combobox', { name: '场所类别' }).click();
    await page.getByRole('combobox', { name: '场所类别' }).fill(CATEGORY.zh);
    await option(s, CATEGORY.zh).click();
    await page.getByRole('spinbutton', { name: '抽取比例（%）' }).fill('50');
    await page.getByLabel(/随机数来源/).fill(RANDOM_SOURCE);
    await expect.poll(() => page.getByTestId('stratum-count').first().textContent(), { timeout: 20_000 }).toMatch(/库内 \d+ 家/);
    await page.getByTestId('inspector-pool').getByText('王监督').waitFor();
    await page.getByTestId('inspector-pool').getByText('赵监督').waitFor();
    await settled(s);
    await s.screenshot('console-draw-setup-1280');
    await axeClean(s);

    await page.getByTestId('commit-draw').click();
    await page.getByTestId('draw-commitment').waitFor();
    drawId = page.url().split('/draws/')[1] ?? '';
    expect(drawId).toMatch(/^[0-9a-f-]{36}$/);
    const digest = (await page.getByTestId('commitment-digest').textContent()) ?? '';
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    // The commitment is public before any random value exists; the lists are not.
    const pub = await (await apiAs('supervisor')).public.draws.get.query({ id: drawId });
    expect(pub).toMatchObject({ stage: 'committed', inputs: null, output: null, commitment: { commitmentDigest: digest, randomSource: RANDOM_SOURCE } });
    await axeClean(s);
    expect(realProblems(s)).toEqual([]);
  }, 180_000);

  it('runs the draw with the random value, sees units with their inspector pairs, creates the inspections and publishes', async () => {
    const s = await consoleAs('supervisor', `/console/draws/${drawId}`, DESKTOP);
    sessions.push(s);
    const { page } = s;
    await page.getByTestId('public-random').fill('3 8 5');
    await page.getByTestId('run-draw').click();
    const rows = page.getByTestId('draw-result').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const api = await apiAs('supervisor');
    const drawn = await api.draws.get.query({ drawId });
    expect(drawn.stage).toBe('drawn');
    const selections = drawn.output?.selections ?? [];
    expect(selections.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(selections.length);
    // Each drawn unit by name, with its pair by name.
    const first = selections[0]!;
    const row = rows.filter({ hasText: drawn.names.venues[first.unitId]!.name }).first();
    for (const inspectorId of first.inspectorIds) expect(await row.textContent()).toContain(drawn.names.inspectors[inspectorId]);
    await settled(s);
    await s.screenshot('console-draw-result-1280');
    await axeClean(s);

    await page.getByTestId('plan-inspections').click();
    await page.getByText(`已生成 ${selections.length} 项检查任务`).waitFor();
    const planned = await api.draws.get.query({ drawId });
    expect(planned.inspections).toHaveLength(selections.length);
    for (const sel of selections) {
      const i = planned.inspections.find((x) => x.venueId === sel.unitId)!;
      const full = await api.inspections.get.query({ id: i.id });
      expect(full.inspection).toMatchObject({ source: 'double_random', sourceRef: drawId, status: 'planned' });
      expect(full.inspection.team.map((m) => m.userId)).toEqual([...sel.inspectorIds]);
    }

    await page.getByTestId('publish-draw').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '公开' }).click();
    await page.getByTestId('portal-link').waitFor();
    await settled(s);
    await s.screenshot('console-draw-published-1280');
    await axeClean(s);
    expect((await api.draws.verify.query({ drawId })).ok).toBe(true);

    // The list shows it published, with its random source.
    await page.getByRole('menuitem', { name: '双随机抽查' }).click();
    const listed = page.getByTestId('draws-table').locator('tbody tr.ant-table-row').filter({ hasText: RANDOM_SOURCE }).first();
    await listed.waitFor();
    expect(await listed.textContent()).toContain('已公开');
    await settled(s);
    await s.screenshot('console-draws-list-1280');
    await axeClean(s);
    expect(realProblems(s)).toEqual([]);
  }, 180_000);

  it('anyone verifies the published draw and its commitment on the portal, on a phone', async () => {
    const s = await openApp({ path: `/draws/${drawId}`, viewport: 'phone' });
    sessions.push(s);
    const { page } = s;
    await page.getByTestId('draw-promise').waitFor();
    const pub = await (await apiAs('supervisor')).public.draws.get.query({ id: drawId });
    expect(pub.verification).toMatchObject({ status: 'verified' });
    expect(await page.getByTestId('draw-promise').textContent()).toContain((pub.commitment as { commitmentDigest: string }).commitmentDigest);
    await page.getByTestId('verify-draw').click();
    await expect.poll(() => page.getByTestId('verify-result').locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 30_000 }).toBe('match');
    expect(await page.getByTestId('verify-result').textContent()).toContain('一致');
    await s.screenshot('portal-draw-verify-390');
    await expectClean(s);
  }, 180_000);
});
