import ExcelJS from 'exceljs';
// The router tests' fixture that walks a hazard through its lifecycle (not in the package's exports).
import { hazardAt } from '../../../../packages/api/src/testing/staff-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, type HttpWorld } from '../../test/http-world';
import { HAZARDS_XLSX_ROUTE } from './hazards-xlsx';

let h: HttpWorld;
let a: string;
let b: string;
let closedA: string;

beforeAll(async () => {
  h = await createHttpWorld();
  a = await hazardAt(h.world, 'ordered', 'A');
  b = await hazardAt(h.world, 'found', 'B');
  closedA = await hazardAt(h.world, 'closed', 'A');
}, 120_000);
afterAll(async () => h?.close());

/** A cell as text: strings and numbers as written (the export writes nothing else). */
function cellText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cellText)));
  return rows;
}

describe(`GET ${HAZARDS_XLSX_ROUTE}`, () => {
  it('is refused without a session (401) and to roles without hazard.read (403)', async () => {
    const anon = await h.app.inject({ method: 'GET', url: HAZARDS_XLSX_ROUTE });
    expect(anon.statusCode).toBe(401);
    expect(anon.json<{ error: { code: string } }>().error.code).toMatch(/UNAUTHENTICATED|UNAUTHORIZED/);
    const reward = await h.app.inject({ method: 'GET', url: HAZARDS_XLSX_ROUTE, headers: { cookie: await h.login('rewardOfficer') } });
    expect(reward.statusCode).toBe(403);
    expect(reward.json<{ error: { code: string } }>().error.code).toBe('ACCESS.ROLE_NOT_ALLOWED');
  });

  it("holds only the district inspector's subtree, in the brigade's columns", async () => {
    const res = await h.app.inject({ method: 'GET', url: HAZARDS_XLSX_ROUTE, headers: { cookie: await h.login('inspectorA1') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await sheetOf(res.rawPayload);
    expect(rows[0]).toEqual(['序号', '单位名称', '地址', '辖区', '隐患类别', '隐患描述', '发现日期', '整改期限', '状态', '责任人', '复查人', '销号人', '销号日期']);
    const body = rows.slice(1);
    const venueA = (await h.world.as('inspectorA1').hazards.get({ id: a })).hazard.venueId;
    const venueB = (await h.world.as('inspectorB1').hazards.get({ id: b })).hazard.venueId;
    expect(venueA).not.toBe(venueB);
    const names = new Set(body.map((r) => r[1]));
    expect(names.has('甲区好又多超市')).toBe(true);
    // Nothing of district B, whose hazard the inspector of A may not read.
    const list = await h.world.as('inspectorA1').hazards.list({ limit: 100 });
    expect(body).toHaveLength(list.total);
    expect(list.items.map((i) => i.id)).not.toContain(b);
    // Numbered from 1, and the closed hazard names who re-inspected and who closed it.
    expect(body.map((r) => r[0])).toEqual(body.map((_, i) => String(i + 1)));
    const closed = (await h.world.as('inspectorA1').hazards.get({ id: closedA })).hazard;
    const closedRow = body.find((r) => r[8] === '已整改销号')!;
    expect(closedRow[10]).toBe(closed.reinspections.at(-1)!.signer.name);
    expect(closedRow[11]).toBe(closed.closedBy!.name);
    expect(closedRow[12]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('exports the current filter, and a city supervisor sees both districts', async () => {
    const cookie = await h.login('inspectorA1');
    const ordered = await h.app.inject({ method: 'GET', url: `${HAZARDS_XLSX_ROUTE}?status=ordered`, headers: { cookie } });
    const rows = (await sheetOf(ordered.rawPayload)).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(['责令改正中']));
    const bad = await h.app.inject({ method: 'GET', url: `${HAZARDS_XLSX_ROUTE}?status=lost`, headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    const city = await h.app.inject({ method: 'GET', url: HAZARDS_XLSX_ROUTE, headers: { cookie: await h.login('supervisorCity') } });
    const cityRows = (await sheetOf(city.rawPayload)).slice(1);
    const all = await h.world.as('supervisorCity').hazards.list({ limit: 100 });
    expect(cityRows).toHaveLength(all.total);
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining([a, b]));
  });
});

describe('hazards.ledger keyset pages', () => {
  it('walk the same rows as the list, in the same order, one at a time', async () => {
    const api = h.world.as('supervisorCity');
    const seen: string[] = [];
    let after: { cursorAt: string; id: string } | undefined;
    for (;;) {
      const page = await api.hazards.ledger({ limit: 1, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      seen.push(page[0]!.id);
      after = { cursorAt: page[0]!.cursorAt, id: page[0]!.id };
    }
    expect(seen).toEqual((await api.hazards.list({ limit: 100 })).items.map((i) => i.id));
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});
