import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, closeBrowser, type AppSession } from '../harness';
import { xlsxRows } from '../harness/documents';
import { axeClean, consoleAs, settled } from '../harness/journey';

afterAll(closeBrowser);

const run = Date.now().toString(36);

function option(s: AppSession, text: string) {
  return s.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
}

describe('admin configuration: standards, calendar, unit library', () => {
  it('publishes a new standard version after seeing its diff; the published version is frozen', async () => {
    const api = await apiAs('admin');
    const before = await api.admin.standards.list.query({ category: 'heritage_building' });
    const s = await consoleAs('admin');
    try {
      await s.page.getByTestId('main-menu').getByText('标准管理', { exact: true }).click();
      await s.page.getByRole('heading', { name: '整治标准' }).waitFor();
      await s.page.getByRole('combobox', { name: '场所类别' }).click();
      await s.page.getByRole('combobox', { name: '场所类别' }).fill('文物');
      await option(s, '文物建筑').click();
      await s.page.getByTestId('standard-versions').getByText(`V${before.length}`, { exact: true }).waitFor();
      await expect.poll(() => s.page.getByRole('button', { name: '新建版本（复制最新版）' }).isEnabled()).toBe(true);
      await settled(s);
      await s.screenshot('console-admin-standards-1280');
      await axeClean(s);

      await s.page.getByRole('button', { name: '新建版本（复制最新版）' }).click();
      const editor = s.page.getByTestId('standard-editor');
      await editor.getByText('（草稿）').waitFor();
      // Change the first item's default deadline and add one item.
      await editor.locator('tbody tr.ant-table-row').first().getByRole('button', { name: /^编辑/ }).click();
      const modal = s.page.locator('.ant-modal:visible');
      await modal.getByText('编辑检查项').waitFor();
      await modal.getByLabel('限期（工作日）').check();
      await modal.getByLabel('工作日数').fill('7');
      await modal.getByRole('button', { name: '保存到草稿' }).click();
      await s.page.getByText('草稿已保存').first().waitFor();
      await settled(s);

      await editor.getByRole('button', { name: '添加检查项' }).click();
      await modal.getByText('添加检查项').waitFor();
      await modal.getByLabel('检查项编号').fill(`heritage.e2e-${run}`);
      await modal.getByLabel('检查内容（中文）').fill('文物建筑内不得使用明火照明');
      await modal.getByLabel('检查内容（英文）').fill('No open flames for lighting inside heritage buildings');
      await modal.getByLabel('条款').fill('第二十一条');
      await modal.getByRole('button', { name: '保存到草稿' }).click();
      await editor.getByText('文物建筑内不得使用明火照明').waitFor();
      await settled(s);
      await s.screenshot('console-admin-standard-draft-1280');

      await editor.getByRole('button', { name: '预览差异并发布' }).click();
      const diff = s.page.getByTestId('standard-diff');
      await diff.waitFor();
      await settled(s);
      expect(await diff.textContent()).toMatch(/新增 1 项，修改 1 项，删除 0 项/);
      expect(await diff.locator('.standard-diff-changed').textContent()).toMatch(/默认整改期限：.*→\s*7 个工作日/);
      expect(await diff.locator('.standard-diff-added').textContent()).toContain('文物建筑内不得使用明火照明');
      await s.screenshot('console-admin-standard-diff-1280');
      await axeClean(s);
      await s.page.getByRole('button', { name: '确认发布' }).click();
      await s.page.getByText(`第 ${before.length + 1} 版已发布`).waitFor();
      await settled(s);
      await editor.getByText('（已发布，不可修改）').waitFor();
      expect(await editor.getByRole('button', { name: '添加检查项' }).count()).toBe(0);

      const after = await api.admin.standards.list.query({ category: 'heritage_building' });
      expect(after.find((v) => v.version === before.length + 1)).toMatchObject({ status: 'published', items: before.at(-1)!.items + 1 });
      await expect(
        api.admin.standards.revise.mutate({ version: before.length + 1, content: { category: 'heritage_building', title: after.at(-1)!.title, effectiveFrom: after.at(-1)!.effectiveFrom, items: [] } }),
      ).rejects.toMatchObject({ data: { httpStatus: expect.any(Number) } });
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 180_000);

  it('adds a holiday to next year’s calendar', async () => {
    const api = await apiAs('admin');
    const year = new Date().getFullYear() + 1;
    const date = `${year}-11-16`;
    const s = await consoleAs('admin');
    try {
      await s.page.getByTestId('main-menu').getByText('工作日历', { exact: true }).click();
      await s.page.getByRole('heading', { name: '工作日历' }).waitFor();
      await s.page.getByText(String(year), { exact: true }).click();
      await settled(s);
      const holidays = s.page.getByTestId('calendar-holiday');
      await holidays.getByLabel('名称').fill('端到端测试假日');
      await holidays.getByLabel('新增放假日期').click();
      await holidays.getByLabel('新增放假日期').fill(date);
      await holidays.getByLabel('新增放假日期').press('Enter'); // picks the typed date
      await s.page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
      if ((await holidays.getByText('端到端测试假日').count()) === 0) await holidays.getByRole('button', { name: '添加放假日' }).click();
      await holidays.getByText('端到端测试假日').waitFor();
      await settled(s);
      await s.screenshot('console-admin-calendar-1280');
      await axeClean(s);
      const stored = await api.admin.calendar.getYear.query({ year });
      expect(stored.find((d) => d.date === date)).toMatchObject({ kind: 'holiday', name: '端到端测试假日' });
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 180_000);

  it('reports a bad row of a unit library file and imports nothing; the corrected file imports every row', async () => {
    const api = await apiAs('admin');
    const s = await consoleAs('admin');
    try {
      await s.page.getByTestId('main-menu').getByText('单位导入', { exact: true }).click();
      await s.page.getByRole('heading', { name: '单位库导入' }).waitFor();
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('venues-template').click()]);
      const template = await readFile(await download.path());
      expect((await xlsxRows(template))[0]).toEqual(['单位名称*', '地址*', '场所类别*', '所属辖区*', '统一社会信用代码', '消防安全责任人*', '责任人电话*', '消防安全管理人*', '管理人电话*', '纬度', '经度']);

      const rows = (phone: string) => [
        [`端到端小商店${run}`, `湖滨路${run}号`, '小商店', '湖滨街道', '', '周责任', '13800138000', '吴管理', '0571-86001234', '', ''],
        [`端到端小饭馆${run}`, `湖滨路${run}-2号`, '小餐饮、小旅馆', '湖滨街道', '', '郑责任', phone, '王管理', '13900139000', '', ''],
        [`端到端网吧${run}`, `湖滨路${run}-3号`, '小网吧', '湖滨街道', '', '冯责任', '13700137000', '陈管理', '13600136000', '', ''],
      ];
      const fileOf = async (data: string[][]) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(template as unknown as ArrayBuffer);
        for (const r of data) wb.worksheets[0]!.addRow(r);
        return Buffer.from(await wb.xlsx.writeBuffer());
      };
      const countBefore = (await api.admin.venues.summary.query({})).venues;
      await settled(s);
      await s.screenshot('console-admin-import-1280');
      await axeClean(s);

      await s.page.locator('input[type="file"]').setInputFiles({ name: 'units-bad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await fileOf(rows('12345')) });
      await s.page.getByTestId('start-import').click();
      const report = s.page.getByTestId('import-report');
      await report.waitFor();
      await settled(s);
      expect(await report.textContent()).toContain('未导入任何数据');
      const lines = report.locator('tbody tr.ant-table-row');
      expect(await lines.count()).toBe(1);
      expect(await lines.first().textContent()).toMatch(/^4G · 责任人电话责任人电话“12345”不是有效的手机号/);
      await s.screenshot('console-admin-import-report-1280');
      await axeClean(s);
      expect((await api.admin.venues.summary.query({})).venues).toBe(countBefore);

      await s.page.locator('input[type="file"]').setInputFiles({ name: 'units-good.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await fileOf(rows('13500135000')) });
      await s.page.getByTestId('start-import').click();
      await s.page.getByTestId('import-success').getByText('导入成功：3 家单位').waitFor();
      await settled(s);
      await s.screenshot('console-admin-import-success-1280');
      const countAfter = (await api.admin.venues.summary.query({})).venues;
      expect(countAfter - countBefore).toBeGreaterThanOrEqual(3);
      const page = await api.admin.venues.exportPage.query({ limit: 2000 });
      const all = [...page];
      for (let next = page; next.length === 2000; ) {
        next = await api.admin.venues.exportPage.query({ limit: 2000, afterId: next.at(-1)!.id });
        all.push(...next);
      }
      expect(all.find((v) => v.name === `端到端小饭馆${run}`)).toMatchObject({ categories: ['small_restaurant', 'small_hotel'], jurisdictionName: '湖滨街道', responsiblePhone: '13500135000' });
      expect(s.problems.filter((p) => !/status of 422/.test(p))).toEqual([]); // the refused file's answer
    } finally {
      await s.close();
    }
  }, 180_000);

  it('issues an Open311 key shown once, revokes it, and lists departments and users', async () => {
    const api = await apiAs('admin');
    const s = await consoleAs('admin');
    try {
      await s.page.getByTestId('main-menu').getByText('接口密钥', { exact: true }).click();
      await s.page.getByRole('heading', { name: '接口密钥' }).waitFor();
      await s.page.getByLabel('接入方名称').fill(`端到端热线${run}`);
      await s.page.getByRole('button', { name: '签发密钥' }).click();
      const key = (await s.page.getByTestId('issued-key').textContent())?.trim() ?? '';
      expect(key).toMatch(/^fb_[A-Za-z0-9_-]{43}$/);
      await settled(s);
      await s.screenshot('console-admin-api-key-issued-1280');
      await axeClean(s);
      await s.page.getByRole('button', { name: '我已妥善保存' }).click();
      await settled(s);
      expect(await s.page.getByTestId('api-keys').textContent()).not.toContain(key);
      await s.page.getByRole('button', { name: `吊销 端到端热线${run}` }).click();
      await s.page.locator('.ant-popconfirm').getByRole('button', { name: '吊销' }).click();
      await s.page.getByText('密钥已吊销').first().waitFor();
      await settled(s);
      await s.screenshot('console-admin-api-keys-1280');
      expect((await api.admin.apiKeys.list.query({})).find((k) => k.name === `端到端热线${run}`)).toMatchObject({ active: false });

      await s.page.getByTestId('main-menu').getByText('组织与用户', { exact: true }).click();
      await s.page.getByRole('heading', { name: '组织与用户' }).waitFor();
      await s.page.getByTestId('org-users').getByText('inspector2', { exact: true }).waitFor();
      await settled(s);
      await s.screenshot('console-admin-org-1280');
      await axeClean(s);
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 180_000);

  it('is not offered to an inspector, and the server refuses it', async () => {
    const s = await consoleAs('inspector');
    try {
      await s.page.getByTestId('main-menu').waitFor();
      for (const entry of ['标准管理', '工作日历', '单位导入', '组织与用户', '接口密钥']) expect(await s.page.getByTestId('main-menu').getByText(entry, { exact: true }).count()).toBe(0);
    } finally {
      await s.close();
    }
    const inspector = await apiAs('inspector');
    await expect(inspector.admin.venues.import.mutate({ fileName: null, rows: [{ rowNumber: 2, cells: { name: 'x' } }] })).rejects.toMatchObject({ data: { httpStatus: 403 } });
    await expect(inspector.admin.standards.list.query({})).rejects.toMatchObject({ data: { httpStatus: 403 } });
  }, 180_000);
});
