import ExcelJS from 'exceljs';
import { hazardAt } from '../../../../packages/api/src/testing/staff-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, type HttpWorld } from '../../test/http-world';
import { BULLETIN_XLSX_ROUTE } from './bulletin-xlsx';

let h: HttpWorld;
let month = '';

beforeAll(async () => {
  h = await createHttpWorld();
  await hazardAt(h.world, 'closed', 'A');
  await hazardAt(h.world, 'found', 'B');
  month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(h.world.now).slice(0, 7);
}, 120_000);
afterAll(async () => h?.close());

async function sheets(body: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))));
    out.set(ws.name, rows);
  }
  return out;
}

describe(`GET ${BULLETIN_XLSX_ROUTE}`, () => {
  it('is refused without a session, to roles without dashboard.read, and for a malformed month', async () => {
    expect((await h.app.inject({ method: 'GET', url: `${BULLETIN_XLSX_ROUTE}?month=${month}` })).statusCode).toBe(401);
    const reward = await h.app.inject({ method: 'GET', url: `${BULLETIN_XLSX_ROUTE}?month=${month}`, headers: { cookie: await h.login('rewardOfficer') } });
    expect(reward.statusCode).toBe(403);
    const bad = await h.app.inject({ method: 'GET', url: `${BULLETIN_XLSX_ROUTE}?month=2026-3`, headers: { cookie: await h.login('committee') } });
    expect(bad.statusCode).toBe(400);
  });

  it("holds the same figures as dashboard.bulletin, a sheet per table", async () => {
    const res = await h.app.inject({ method: 'GET', url: `${BULLETIN_XLSX_ROUTE}?month=${month}`, headers: { cookie: await h.login('committee') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = await sheets(res.rawPayload);
    expect([...book.keys()]).toEqual(['主要指标', '区域排名', '按场所类别', '按隐患类别', '月度趋势', '联合检查', '挂牌督办']);
    const b = await h.world.as('committee').dashboard.bulletin({ month });
    const figures = new Map(book.get('主要指标')!.slice(1).map(([k, v]) => [k, Number(v)]));
    expect(figures.get('发现火灾隐患（处）')).toBe(b.total.hazardsFound);
    expect(figures.get('整改火灾隐患（处）')).toBe(b.total.hazardsRemediated);
    expect(b.total.hazardsFound).toBe(2);
    expect(book.get('区域排名')!.slice(1).map((r) => r[1]).sort()).toEqual(['乙区', '甲区']);
    expect(book.get('月度趋势')!.slice(1).map((r) => r[0])).toEqual(b.trend.map((t) => t.month));
  });
});
