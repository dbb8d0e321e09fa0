import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, axeClean, closeBrowser, consoleAs, settled, type AppSession } from '../harness';
import { pdfText } from '../harness/documents';

afterAll(closeBrowser);

const DESKTOP = { width: 1280, height: 900 } as const;
const RUN = Date.now().toString(36);
const NAME = `电动自行车消防安全专项整治 e2e ${RUN}`;
const ITEM = '开展电动自行车违规停放充电排查';
const SUB = '中小学校园电动自行车充电排查';
const SUB2 = '住宅小区楼道充电清理';
const EDITED = `下周召开全市调度会，督促住宅小区楼道清理（${RUN}）。`;

/** The open antd dropdown's option with this text. */
function option(s: AppSession, text: string) {
  return s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(s: AppSession, label: string, ymd: string) {
  const input = s.page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ymd);
  await input.press('Enter');
}

const row = (s: AppSession, code: string) => s.page.locator(`tr[data-code="${code}"]`);

describe('campaigns: committee dispatches a task tree → education bureau starts and reports → committee accepts → a weekly analysis is issued and printed', () => {
  let campaignId = '';
  const sessions: AppSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
  }, 180_000);

  it('committee creates a campaign and breaks it into an item and two sub-items, one assigned to the education bureau', async () => {
    const s = await consoleAs('committee', '/console/campaigns', DESKTOP);
    sessions.push(s);
    const { page } = s;
    await page.getByTestId('campaigns-table').waitFor();
    await settled(s);
    await axeClean(s);
    await page.getByRole('button', { name: '部署专项行动' }).click();
    await page.getByLabel('行动名称').fill(NAME);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await pickDate(s, '开始日期', today);
    await page.getByRole('button', { name: '部 署' }).or(page.getByRole('button', { name: '部署', exact: true })).click();
    await page.waitForURL(/\/console\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = page.url().split('/').at(-1)!;

    await page.getByRole('button', { name: '添加大项' }).click();
    await page.getByLabel('任务名称').fill(ITEM);
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await row(s, '1').waitFor();
    for (const title of [SUB, SUB2]) {
      await settled(s);
      await page.getByRole('button', { name: `为 1 ${ITEM} 添加子项` }).click();
      await page.getByLabel('任务名称').fill(title);
      await page.getByRole('button', { name: /确\s*定/ }).click();
      await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });
    }
    await row(s, '1.2').waitFor();
    await settled(s);

    await page.getByRole('button', { name: `下达 1.1 ${SUB}` }).click();
    await page.getByRole('combobox', { name: '牵头部门' }).fill('教育局');
    await option(s, '示范市教育局').click();
    const due = new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await pickDate(s, '完成时限', due);
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await row(s, '1.1').locator('[data-status="assigned"]').waitFor();
    await expect.poll(() => row(s, '1.1').textContent()).toContain('示范市教育局');
    expect(await row(s, '1').getByTestId('rollup-1').getAttribute('data-percent')).toBe('0');
    expect(s.problems).toEqual([]);
  }, 180_000);

  it('the education bureau (industry) starts the task and reports its figures', async () => {
    const s = await consoleAs('industry', `/console/campaigns/${campaignId}`, DESKTOP);
    sessions.push(s);
    const { page } = s;
    await row(s, '1.1').waitFor();
    // The bureau leads 1.1 only: nothing to do on the committee's draft 1.2.
    expect(await row(s, '1.2').getByRole('button', { name: /1\.2/ }).count()).toBe(0);
    await page.getByRole('button', { name: `开始推进 1.1 ${SUB}` }).click();
    await row(s, '1.1').locator('[data-status="in_progress"]').waitFor();
    await settled(s);
    await page.getByRole('button', { name: `报送进展 1.1 ${SUB}` }).click();
    await page.getByLabel('检查单位（家）').fill('42');
    await page.getByLabel('清理消防通道（条）').fill('6');
    await page.getByLabel('进展说明').fill('完成全市中小学校园电动自行车充电点排查，清理违规充电点6处。');
    await settled(s);
    await axeClean(s);
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await row(s, '1.1').locator('[data-status="reported"]').waitFor();
    expect(s.problems).toEqual([]);
  }, 180_000);

  it('committee accepts: the task is done and the item rolls up to half', async () => {
    const s = sessions[0]!;
    const { page } = s;
    await page.reload();
    await row(s, '1.1').locator('[data-status="reported"]').waitFor();
    await page.getByRole('button', { name: `验收 1.1 ${SUB}` }).click();
    await row(s, '1.1').locator('[data-status="completed"]').waitFor();
    await expect.poll(() => row(s, '1').getByTestId('rollup-1').getAttribute('data-percent')).toBe('50');
    await page.getByRole('tab', { name: /进展清单/ }).click();
    await page.getByText('清理违规充电点6处').waitFor();
    await page.getByRole('tab', { name: /任务清单/ }).click();
    // The acceptance toast has gone before the picture is taken.
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await settled(s);
    await s.screenshot('console-campaign-tree-1280');
    await axeClean(s);
    const api = await apiAs('committee');
    const got = await api.campaigns.get.query({ campaignId });
    expect(got.tasks[0]!.children[0]).toMatchObject({ code: '1.1', status: 'completed', leadDepartmentName: '示范市教育局' });
    expect(got.progressTotal).toMatchObject({ leaves: 2, completed: 1, percent: 50 });
    expect(s.problems).toEqual([]);
  }, 180_000);

  it('committee drafts the weekly analysis from the data, edits it, issues it and prints it', async () => {
    const s = sessions[0]!;
    const { page } = s;
    await page.getByRole('button', { name: '出具调度报告' }).click();
    await page.getByTestId('report-draft').waitFor();
    await expect.poll(() => page.getByTestId('section-overview').locator('textarea').inputValue()).toContain('完成率50%');
    const next = page.getByTestId('section-next_steps').locator('textarea');
    await next.fill(EDITED);
    await settled(s);
    await s.screenshot('console-campaign-report-draft-1280');
    await axeClean(s);
    await page.getByRole('button', { name: '出具报告' }).click();
    await page.waitForURL(/\/console\/print\/campaign-report\/[0-9a-f-]{36}$/);
    await page.locator('.doc-sheet').waitFor();
    await page.getByTestId('printed-next_steps').getByText(EDITED).waitFor();
    await settled(s);
    await s.screenshot('console-campaign-report-print-1280');
    await axeClean(s);
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    // The PDF's text layer folds full-width punctuation (NFKC) and drops spaces.
    for (const expected of ['每周分析研判', NAME, '第1期', '完成率50%', SUB, '示范市教育局', EDITED]) expect(text).toContain(expected.normalize('NFKC').replace(/\s+/g, ''));
    const reports = await (await apiAs('committee')).campaigns.reports.query({ campaignId });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ kind: 'weekly_analysis', issuedByName: expect.any(String) });
    // Issued once per period: a second issue for the same week is refused.
    await expect((await apiAs('committee')).campaigns.issueReport.mutate({ campaignId, kind: 'weekly_analysis', on: reports[0]!.periodFrom, title: 'x', sections: [] })).rejects.toThrow();
    expect(s.problems).toEqual([]);
  }, 180_000);

  it('the demo campaign shows its overdue task standing out in the tree', async () => {
    const api = await apiAs('committee');
    const list = await api.campaigns.list.query({ limit: 200, offset: 0 });
    let demo: string | null = null;
    for (const c of list) {
      const got = await api.campaigns.get.query({ campaignId: c.id });
      if (got.progressTotal.overdueTasks > 0) {
        demo = c.id;
        break;
      }
    }
    expect(demo).not.toBeNull();
    const s = sessions[0]!;
    const { page } = s;
    await page.goto(`${s.baseUrl}/console/campaigns/${demo}`);
    await page.locator('tr[data-overdue="true"]').first().waitFor();
    await page.getByTestId('campaign-overdue').waitFor();
    await settled(s);
    await s.screenshot('console-campaign-overdue-1280');
    await axeClean(s);
    expect(s.problems).toEqual([]);
  }, 180_000);
});
