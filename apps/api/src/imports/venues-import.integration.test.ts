import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, venues } from '@firebreak/db';
import { createHttpWorld, type HttpWorld } from '../../test/http-world';
import { VENUES_TEMPLATE_ROUTE, VENUES_XLSX_ROUTE } from '../exports/venues-xlsx';
import { VENUES_IMPORT_ROUTE } from './venues-import';

let h: HttpWorld;
beforeAll(async () => {
  h = await createHttpWorld();
}, 120_000);
afterAll(async () => h?.close());

async function workbookOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The template with data rows filled in, as a person would save it. */
async function filled(template: Buffer, rows: (string | number)[][]): Promise<Buffer> {
  const wb = await workbookOf(template);
  const ws = wb.worksheets[0]!;
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = 'units.xlsx') {
  const boundary = '----firebreak-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const good = (n: number): (string | number)[] => [`HTTP导入单位${n}`, `甲区和平路${n}号`, '小商店', '甲街道', '', '王责任', 13912345678, '赵管理', '0571-87654321', '', ''];

describe('the unit library over HTTP', () => {
  it('refuses the template, the export and the import to other roles and to no session', async () => {
    for (const url of [VENUES_TEMPLATE_ROUTE, VENUES_XLSX_ROUTE]) {
      expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await h.app.inject({ method: 'GET', url, headers: { cookie: await h.login('inspectorA1') } })).statusCode).toBe(403);
    }
    const post = await h.app.inject({ method: 'POST', url: VENUES_IMPORT_ROUTE, ...multipart(Buffer.from('x')), headers: { ...multipart(Buffer.from('x')).headers, cookie: await h.login('supervisorCity') } });
    expect(post.statusCode).toBe(403);
  });

  it('reports a bad row in the caller’s language and writes nothing; then imports the good file and exports it in the same layout', async () => {
    const cookie = await h.login('admin');
    const template = await h.app.inject({ method: 'GET', url: VENUES_TEMPLATE_ROUTE, headers: { cookie } });
    expect(template.statusCode).toBe(200);
    const sheet = (await workbookOf(template.rawPayload)).worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1, 4)).toEqual(['单位名称*', '地址*', '场所类别*']);

    const before = await countRows(h.world.db.db, venues);
    const bad = await filled(template.rawPayload, [good(1), [...good(2).slice(0, 6), '12345', ...good(2).slice(7)], good(3)]);
    const body = multipart(bad);
    const refused = await h.app.inject({ method: 'POST', url: VENUES_IMPORT_ROUTE, payload: body.payload, headers: { ...body.headers, cookie } });
    expect(refused.statusCode).toBe(422);
    const answer = refused.json<{ error: { code: string; message: string }; issues: { row: number; letter: string; messageZh: string }[] }>();
    expect(answer.error.code).toBe('VENUE_IMPORT.INVALID');
    expect(answer.error.message).toMatch(/未导入任何数据/);
    expect(answer.issues).toEqual([expect.objectContaining({ row: 4, letter: 'G' })]);
    expect(await countRows(h.world.db.db, venues)).toBe(before);

    const ok = multipart(await filled(template.rawPayload, [good(1), good(3)]));
    const imported = await h.app.inject({ method: 'POST', url: VENUES_IMPORT_ROUTE, payload: ok.payload, headers: { ...ok.headers, cookie } });
    expect(imported.statusCode).toBe(200);
    expect(imported.json<{ inserted: number }>().inserted).toBe(2);
    expect(await countRows(h.world.db.db, venues)).toBe(before + 2);

    const exported = await h.app.inject({ method: 'GET', url: VENUES_XLSX_ROUTE, headers: { cookie } });
    expect(exported.statusCode).toBe(200);
    const rows: string[][] = [];
    (await workbookOf(exported.rawPayload)).worksheets[0]!.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))));
    expect(rows[0]).toEqual((sheet.getRow(1).values as string[]).slice(1));
    expect(rows.find((r) => r[0] === 'HTTP导入单位1')?.slice(0, 9)).toEqual(['HTTP导入单位1', '甲区和平路1号', '小商店', '甲街道', '', '王责任', '13912345678', '赵管理', '0571-87654321']);
  });

  it('answers an unreadable file with a coded error', async () => {
    const cookie = await h.login('admin');
    const body = multipart(Buffer.from('not a workbook'));
    const res = await h.app.inject({ method: 'POST', url: VENUES_IMPORT_ROUTE, payload: body.payload, headers: { ...body.headers, cookie, 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'VENUE_IMPORT.UNREADABLE', message: 'The file is not a readable .xlsx workbook' });
  });
});
