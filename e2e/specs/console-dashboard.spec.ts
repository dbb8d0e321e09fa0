import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, closeBrowser, type AppSession } from '../harness';
import { axeClean, consoleAs, settled } from '../harness/journey';
import { pdfText, xlsxRows } from '../harness/documents';

afterAll(closeBrowser);

const DESKTOP = { width: 1280, height: 900 } as const;
const CHINA_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });

/** The open antd dropdown's option with this text. */
function option(s: AppSession, text: string) {
  return s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
}

async function chartsDrawn(s: AppSession, atLeast: number) {
  await s.page.waitForFunction((n) => document.querySelectorAll('[data-chart-ready="true"]').length >= n, atLeast);
}

describe('oversight: the dashboard, the monthly bulletin and the audit log (issue 11 §5, §6, §9)', () => {
  const sessions: AppSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
  });

  it("committee reads the city's figures, charts and region ranking, and a figure opens the list behind it", async () => {
    const s = await consoleAs('committee', '/console/dashboard', DESKTOP);
    sessions.push(s);
    const { page } = s;
    await page.getByTestId('figures').waitFor();
    await chartsDrawn(s, 4);
    await settled(s);
    const api = await apiAs('committee');
    const { total } = await api.dashboard.figures.query({});
    // The demo city has a month of history: inspections done, hazards closed, a listed major hazard.
    expect(total.unitsInspected).toBeGreaterThan(0);
    expect(total.hazardsRemediated).toBeGreaterThan(0);
    const shown = Number((await page.getByTestId('figure-units-inspected').locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
    expect(shown).toBeGreaterThanOrEqual(total.unitsInspected);
    for (const title of ['打通消防车通道（条）', '消防培训（次）', '培训人员（人次）', '联合检查（部门·次）', '挂牌督办重大隐患单位（家）', '专家检查高危单位（家）']) {
      await page.getByText(title, { exact: true }).waitFor();
    }
    const ranking = page.getByTestId('ranking');
    for (const district of ['东湖区', '西山区', '南江区', '北岭区']) await ranking.getByText(district, { exact: true }).waitFor();
    await s.screenshot('console-dashboard-1280');
    await axeClean(s);

    await page.getByTestId('figure-hazards-remediated').click();
    await page.waitForURL(/\/console\/hazards\?status=closed$/);
    await page.getByTestId('hazards-table').locator('tbody [data-status]').first().waitFor();
    await settled(s);
    const statuses = await page.getByTestId('hazards-table').locator('tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['closed']));
    await page.goBack();
    await page.getByTestId('figure-joint').click();
    await page.waitForURL(/\/console\/inspections\?source=joint$/);
    await page.getByTestId('inspections-table').waitFor();
    expect(s.problems).toEqual([]);
  });

  it("committee makes the month's bulletin in one click: a printable page, a PDF and the same data as XLSX", async () => {
    const s = sessions[0]!;
    const { page } = s;
    const month = CHINA_MONTH.format(new Date()).slice(0, 7);
    await page.goto(`${s.baseUrl}/console/dashboard`);
    await page.getByTestId('open-bulletin').click();
    await page.getByTestId('bulletin-preview').waitFor();
    await settled(s);
    await axeClean(s);
    await page.getByTestId('make-bulletin').click();
    await page.waitForURL(new RegExp(`/console/print/bulletin/${month}$`));
    await page.locator('.doc-sheet').waitFor();
    await chartsDrawn(s, 2);
    await settled(s);
    await s.screenshot('console-print-bulletin-1280');
    await axeClean(s);
    const b = await (await apiAs('committee')).dashboard.bulletin.query({ month });
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    for (const expected of ['示范市', '消防安全工作情况通报', `${month.slice(0, 4)}年第${Number(month.slice(5))}期`, '一、总体情况', '二、各地区工作情况及考核排名', '东湖区', '三、分类统计', '四、挂牌督办重大火灾隐患', '近六个月检查与隐患整改情况']) {
      expect(text).toContain(expected);
    }
    // pdfText folds to NFKC (full-width brackets become ASCII): fold the names the same way.
    for (const l of b.listed.slice(0, 3)) expect(text).toContain(l.venueName.normalize('NFKC').replace(/\s+/g, ''));
    expect(text).not.toContain('打印/保存为PDF'); // the toolbar stays off paper

    await page.goto(`${s.baseUrl}/console/bulletin?month=${month}`);
    await page.getByTestId('bulletin-preview').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulletin-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`示范市${month}月度通报.xlsx`);
    const rows = await xlsxRows(await readFile(await download.path()));
    expect(rows[0]).toEqual(['指标', '数值']);
    const figures = new Map(rows.slice(1).map(([k, v]) => [k, Number(v)]));
    expect([...figures.keys()]).toEqual([
      '检查单位（家）', '发现火灾隐患（处）', '整改火灾隐患（处）', '挂牌督办重大火灾隐患单位（家）', '火灾高危单位专家检查（家）',
      '联合检查（次，按参与部门计）', '打通消防车通道（条，累计）', '开展消防培训（次，累计）', '培训人员（人次，累计）',
    ]);
    // Other journeys add records as this runs: the workbook is at least what the bulletin read before it.
    expect(figures.get('发现火灾隐患（处）')).toBeGreaterThanOrEqual(b.total.hazardsFound);
    expect(figures.get('培训人员（人次，累计）')).toBe(b.campaignCumulative.peopleTrained ?? 0);
    expect(s.problems).toEqual([]);
  });

  it('admin searches the audit log by actor and dates, opens a record chain and verifies the whole chain', async () => {
    const s = await consoleAs('admin', '/console/audit', DESKTOP);
    sessions.push(s);
    const { page } = s;
    await page.getByTestId('audit-table').waitFor();
    await settled(s);
    const actor = page.getByRole('combobox', { name: '操作人' });
    await actor.click();
    await actor.fill('王监督');
    await option(s, '王监督').click();
    await page.getByRole('combobox', { name: '对象类型' }).click();
    await option(s, '火灾隐患').click();
    await page.getByTestId('audit-search-submit').click();
    await settled(s);
    const column = (n: number) => page.locator(`[data-testid="audit-table"] tbody tr.ant-table-row td:nth-child(${n})`).allInnerTexts();
    await expect.poll(async () => { const who = await column(6); return who.length > 0 && who.every((c) => c.startsWith('王监督')); }, { timeout: 30_000 }).toBe(true);
    const entities = await page.locator('[data-testid="audit-table"] tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(new Set(entities)).toEqual(new Set(['火灾隐患']));
    // Then only the last days: every row the server returns falls inside the range.
    const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
    const since = day(Date.now() - 6 * 86_400_000);
    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill(since);
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('结束日期').fill(day(Date.now()));
    await page.keyboard.press('Enter');
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.getByTestId('audit-search-submit').click();
    await settled(s);
    await expect.poll(async () => { const when = await column(2); return when.length > 0 && when.every((c) => c.slice(0, 10).replace(/\//g, '-') >= since); }, { timeout: 30_000 }).toBe(true);
    await s.screenshot('console-audit-search-1280');
    await axeClean(s);

    await page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').first().getByRole('button').click();
    await page.getByTestId('chain').getByText('内容与哈希一致').first().waitFor();
    await settled(s);
    await s.screenshot('console-audit-chain-1280');
    await axeClean(s);
    expect(await page.getByTestId('chain').getByText('内容与哈希不符').count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: '链校验' }).click();
    await page.getByTestId('verify-chain').click();
    const result = page.getByTestId('verify-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    await page.getByText('审计链完整，未发现篡改').waitFor();
    await settled(s);
    await s.screenshot('console-audit-verify-1280');
    await axeClean(s);
    expect(s.problems).toEqual([]);
  });

  it('discipline reviews 一案双查 read-only: who checked, who accepted and who closed each closed hazard', async () => {
    const s = await consoleAs('discipline', '/console/audit?tab=accountability', DESKTOP);
    sessions.push(s);
    const { page } = s;
    const table = page.getByTestId('accountability-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await settled(s);
    const api = await apiAs('discipline');
    const { items } = await api.audit.accountability.query({ limit: 1 });
    const first = items[0]!;
    expect(first.closedBy).not.toBeNull();
    expect(first.acceptedBy).not.toBeNull();
    // 复查验收人不得同时办理销号: the kernel keeps the two accountable acts apart.
    expect(first.acceptedBy!.userId).not.toBe(first.closedBy!.userId);
    const row = table.locator('tbody tr.ant-table-row').first();
    await row.getByText(first.closedBy!.name).first().waitFor();
    await row.getByText(first.acceptedBy!.name).first().waitFor();
    await s.screenshot('console-audit-accountability-1280');
    await axeClean(s);
    // Read-only: no action button on the page other than the filters, and the verify tab still answers.
    await page.getByRole('tab', { name: '链校验' }).click();
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result').waitFor({ timeout: 120_000 });
    expect(s.problems).toEqual([]);
  });
});
