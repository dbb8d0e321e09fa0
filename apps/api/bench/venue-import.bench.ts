// pnpm --filter @firebreak/api-server bench:import [-- --venues 100000]
//
// The unit library import (issue 11): a workbook of N venues with both persons, made by
// exceljs' streaming writer in a child process (so its memory is not counted), posted to
// POST /api/imports/venues.xlsx of the real app on in-memory PGlite (or DATABASE_URL), as
// the admin. Prints the file size, the time to the 200 answer, rows/s and the server
// process's peak RSS. Goal: 100,000 venues ≤ 30 s. Printed, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { VENUE_SHEET_COLUMNS } from '@firebreak/domain';
import { createHttpWorld } from '../test/http-world';
import { VENUES_IMPORT_ROUTE } from '../src/imports/venues-import';

const GOAL_SECONDS = 30;
const { values } = parseArgs({ options: { venues: { type: 'string', default: '100000' }, make: { type: 'string' } } });
const total = Number(values.venues);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function makeWorkbook(path: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('单位库');
  ws.addRow(VENUE_SHEET_COLUMNS.map((c) => (c.required ? `${c.zh}*` : c.zh))).commit();
  const streets = ['甲街道', '乙街道', '甲区', '乙区'];
  const cats = ['小商店', '小餐饮', '宾馆饭店、小旅馆', '商场市场', '小美容洗浴场所'];
  for (let i = 1; i <= n; i++) {
    ws.addRow([
      `压测单位${i}`,
      `测试市${streets[i % 4]}人民路${i}号`,
      cats[i % cats.length],
      streets[i % 4],
      '',
      `责任人${i % 1000}`,
      `139${String(i).padStart(8, '0')}`,
      `管理人${i % 1000}`,
      `0571-${String(80000000 + i)}`,
      i % 2 ? (30 + (i % 1000) / 10000).toFixed(5) : '',
      i % 2 ? (120 + (i % 1000) / 10000).toFixed(5) : '',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

if (values.make) {
  await makeWorkbook(values.make, total);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'fb-import-bench-'));
const file = join(dir, 'venues.xlsx');
execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--make', file, '--venues', String(total)], { stdio: 'inherit' });
const bytes = readFileSync(file);
console.log(`workbook: ${total.toLocaleString('en-US')} venues, ${mb(statSync(file).size)}`);

const h = await createHttpWorld();
try {
  const cookie = await h.login('admin');
  const boundary = '----firebreak-bench';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="venues.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const res = await h.app.inject({ method: 'POST', url: VENUES_IMPORT_ROUTE, payload, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  if (res.statusCode !== 200) console.log(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
  else console.log(`import: ${res.json<{ inserted: number }>().inserted.toLocaleString('en-US')} venues inserted`);
  console.log(`time ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en-US')} rows/s), goal ≤ ${GOAL_SECONDS} s: ${seconds <= GOAL_SECONDS ? 'met' : 'NOT met'}`);
  console.log(`RSS before ${mb(rssBefore)}, peak RSS ${mb(peak)} (the server process, file generation excluded)`);
} finally {
  await h.close();
}
