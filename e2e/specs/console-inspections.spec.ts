import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, closeBrowser, type AppSession } from '../harness';
import { consoleAs } from '../harness/journey';
import { expectedMenu } from '../harness/menus';
import { pdfText, xlsxRows } from '../harness/documents';

afterAll(closeBrowser);

const DESKTOP = { width: 1440, height: 900 } as const;
/** A tablet held upright on site: the width the conduct screen is built for. */
const TABLET = { width: 768, height: 1024 } as const;
// The `unit` account's venue, in 东湖区 where `inspector` and `inspector2` (王监督, 赵监督) work.
const VENUE = '湖滨万家福购物广场';

async function settled(s: AppSession) {
  await s.page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
}

async function axeClean(s: AppSession) {
  await settled(s);
  expect(await s.axe()).toEqual([]);
}

/** The open antd dropdown's option with this text. */
function option(s: AppSession, text: string) {
  return s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
}

describe('inspections: plan → conduct on a tablet → two signatures → unit confirms → findings on the ledger → printed documents → XLSX', () => {
  let inspectionId = '';
  let hazardId = '';
  let note = '';
  const sessions: AppSession[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close().catch(() => undefined);
  });

  it('supervisor plans an unannounced inspection with two inspectors from the staff offered', async () => {
    const s = await consoleAs('supervisor', '/console/inspections', DESKTOP);
    sessions.push(s);
    const { page } = s;
    await page.getByTestId('inspections-table').waitFor();
    await settled(s);
    await s.screenshot('console-inspections-list-1440');
    await axeClean(s);
    await page.getByRole('button', { name: '制定检查计划' }).click();
    await page.getByTestId('plan-form').waitFor();
    await page.getByText('四不两直', { exact: true }).click();
    await page.getByRole('combobox', { name: '被检查单位' }).fill('万家福');
    await option(s, VENUE).click();
    const team = page.getByRole('combobox', { name: '检查人员（第一位为主办人）' });
    await team.fill('王监督');
    await option(s, '王监督').click();
    await team.fill('赵监督');
    await option(s, '赵监督').click();
    // Close the dropdown (an open antd listbox has no accessible name of its own).
    await page.getByRole('heading', { name: '制定检查计划' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await s.screenshot('console-inspection-plan-1440');
    await axeClean(s);
    await page.getByRole('button', { name: '保存计划' }).click();
    await page.waitForURL(/\/console\/inspections\/[0-9a-f-]{36}$/);
    inspectionId = page.url().split('/').at(-1)!;
    await page.locator('[data-status="planned"]').waitFor();
    expect(s.problems).toEqual([]);
  });

  it('inspector starts it and goes through the checklist item by item at 768 px, then records and signs', async () => {
    const s = await consoleAs('inspector', `/console/inspections/${inspectionId}`, TABLET);
    sessions.push(s);
    const { page } = s;
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByTestId('checklist').waitFor();
    const items = page.locator('[data-testid^="check-item-"]');
    const n = await items.count();
    expect(n).toBeGreaterThanOrEqual(3);
    note = `e2e 二层安全出口被货架堵塞 ${Date.now().toString(36)}`;
    const first = items.nth(0);
    await first.getByText('不合格', { exact: true }).click();
    await first.locator('textarea').fill(note);
    await items.nth(1).getByText('不适用', { exact: true }).click();
    for (let i = 2; i < n; i++) await items.nth(i).getByText('合格', { exact: true }).click();
    await expect.poll(() => page.getByTestId('record-submit').isEnabled()).toBe(true);
    // No sideways scrolling on the tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
    const full = await s.screenshot('console-inspection-conduct-768');
    // What the tablet shows first: the frame, the steps and the first items.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: full.replace('.png', '-top.png') });
    await axeClean(s);
    await page.getByTestId('record-submit').click();
    await page.locator('[data-status="recorded"]').waitFor();
    await page.getByTestId('awaiting-signatures').waitFor();
    expect(s.problems).toEqual([]);
  });

  it('inspector2 signs the record in their own session', async () => {
    const s = await consoleAs('inspector2', `/console/inspections/${inspectionId}`, TABLET);
    sessions.push(s);
    const { page } = s;
    await page.getByRole('button', { name: '本人签名' }).click();
    await page.getByTestId('inspection-signatures').getByText('待签名').waitFor({ state: 'detached' });
    await settled(s);
    await s.screenshot('console-inspection-signed-768');
    await axeClean(s);
    expect(s.problems).toEqual([]);
  });

  it('the unit’s responsible person signs on the tablet and the inspector completes: the failed item is a hazard', async () => {
    const s = sessions[1]!;
    const { page } = s;
    await page.reload();
    await page.getByRole('tab', { name: '签字确认' }).waitFor();
    const signer = page.getByLabel('签字人姓名');
    if ((await signer.inputValue()) === '') await signer.fill('万经理');
    await page.getByLabel('签名（由签字人本人书写姓名）').fill(await signer.inputValue());
    await s.screenshot('console-inspection-unit-confirms-768');
    await axeClean(s);
    await page.getByRole('button', { name: '确认签字' }).click();
    await page.locator('[data-status="confirmed"]').waitFor();
    await page.getByRole('button', { name: '检查办结' }).click();
    await page.locator('[data-status="completed"]').waitFor();
    const link = page.getByTestId('inspection-hazards').locator('a').first();
    hazardId = (await link.getAttribute('href'))!.split('/').at(-1)!;
    expect(hazardId).toMatch(/^[0-9a-f-]{36}$/);
    await settled(s);
    await s.screenshot('console-inspection-completed-768');
    await axeClean(s);
    const view = await (await apiAs('inspector')).hazards.get.query({ id: hazardId });
    expect(view.hazard).toMatchObject({ status: 'found', source: 'inspection', sourceRef: inspectionId });
    expect(view.hazard.description).toContain(note);
    expect(s.problems).toEqual([]);
  });

  it('prints the inspection record to PDF with the parties, both inspectors and the legal basis', async () => {
    const s = sessions[1]!;
    const { page } = s;
    await page.setViewportSize(DESKTOP);
    await page.getByTestId('print-inspection-record').click();
    await page.locator('.doc-sheet').waitFor();
    await settled(s);
    await s.screenshot('console-print-inspection-record-1440');
    await axeClean(s);
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    for (const expected of ['消防监督检查记录', VENUE, '王监督', '赵监督', '中华人民共和国消防法》第五十三条', '不合格', '不适用', note.replace(/\s+/g, '')]) expect(text).toContain(expected);
    expect(text).not.toContain('已办理'); // the screen's toasts stay off paper
  });

  it('inspector orders the correction; the 责令改正通知书 prints to PDF with title, venue and legal basis', async () => {
    const api = await apiAs('inspector');
    await api.hazards.confirm.mutate({ id: hazardId });
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await api.hazards.order.mutate({ id: hazardId, correction: { mode: 'deadline', dueDate: due }, noticeRef: '东消责改〔2026〕INSP号' });
    const doc = await api.hazards.document.query({ id: hazardId });
    expect(doc.checkItem?.basis.length).toBeGreaterThan(0);

    const s = sessions[1]!;
    const { page } = s;
    await page.goto(`${s.baseUrl}/console/hazards/${hazardId}`);
    await page.getByTestId('print-correction-notice').click();
    await page.locator('.doc-sheet').waitFor();
    await settled(s);
    await s.screenshot('console-print-correction-notice-1440');
    await axeClean(s);
    const text = await pdfText(await page.pdf({ format: 'A4', printBackground: true }));
    const basis = doc.checkItem!.basis[0]!;
    // The breached item's first basis, from the published standard (《title》 with its article after it).
    const cited = basis.law.replace(/\s+/g, '').replace(/第[^第]+[条款项节章]$/, '');
    for (const expected of ['责令改正通知书', '东消责改〔2026〕INSP号', VENUE, '中华人民共和国消防法》第五十三条', '中华人民共和国消防法》第六十条', `《${cited}》`, '消防监督员', '被检查单位签收人']) {
      expect(text).toContain(expected);
    }
    expect(s.problems).toEqual([]);
  });

  it('exports the ledger of the current filter to XLSX, and the new hazard is a row', async () => {
    const s = sessions[1]!;
    const { page } = s;
    await page.goto(`${s.baseUrl}/console/hazards`);
    await page.getByTestId('hazards-table').waitFor();
    await page.getByRole('combobox', { name: '状态' }).click();
    await option(s, '责令改正中').click();
    await page.getByRole('heading', { name: '隐患台账' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await settled(s);
    await s.screenshot('console-hazards-filtered-1440');
    await axeClean(s);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = await xlsxRows(await readFile(await download.path()));
    expect(rows[0]).toEqual(['序号', '单位名称', '地址', '辖区', '隐患类别', '隐患描述', '发现日期', '整改期限', '状态', '责任人', '复查人', '销号人', '销号日期']);
    const mine = rows.find((r) => r[5]?.includes(note));
    expect(mine?.[1]).toBe(VENUE);
    expect(mine?.[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Set(rows.slice(1).map((r) => r[8]))).toEqual(new Set(['责令改正中']));
    expect(s.problems).toEqual([]);
  });

  it('discipline sees the hazard and the inspection with no action at all, and a direct write is refused (403)', async () => {
    const s = await consoleAs('discipline', `/console/inspections/${inspectionId}`, DESKTOP);
    sessions.push(s);
    const { page } = s;
    await page.locator('[data-status="completed"]').waitFor();
    await settled(s);
    await s.screenshot('console-discipline-inspection-1440');
    await axeClean(s);
    expect(await page.locator('[data-testid$="-actions"]').count()).toBe(0);
    expect(await page.locator('main .ant-btn').count()).toBe(0);

    await page.goto(`${s.baseUrl}/console/hazards/${hazardId}`);
    await page.locator('[data-status="ordered"]').waitFor();
    await settled(s);
    await s.screenshot('console-discipline-hazard-1440');
    await axeClean(s);
    expect(await page.locator('[data-testid$="-actions"]').count()).toBe(0);
    expect(await page.locator('main .ant-btn').count()).toBe(0);
    const menu = (await page.getByTestId('main-menu').locator('li[role="menuitem"]').allTextContents()).map((t) => t.trim());
    expect(menu).toEqual(expectedMenu('discipline_inspector'));

    // The server refuses a write whatever the page shows, with the session cookie of this browser.
    const write = await s.context.request.post(`${s.baseUrl}/trpc/hazards.escalate`, { data: { id: hazardId }, headers: { 'content-type': 'application/json' } });
    expect(write.status()).toBe(403);
    const plan = await s.context.request.post(`${s.baseUrl}/trpc/inspections.complete`, { data: { id: inspectionId }, headers: { 'content-type': 'application/json' } });
    expect(plan.status()).toBe(403);
    expect(s.problems).toEqual([]);
  });
});
