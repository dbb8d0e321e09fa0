import multipart from '@fastify/multipart';
import ExcelJS from 'exceljs';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createCaller, type Context } from '@firebreak/api';
import { isVenueSheetHintRow, missingVenueSheetColumns, venueSheetKeyOfHeader, VENUE_IMPORT_MAX_ROWS, type VenueSheetKey, type VenueSheetRow } from '@firebreak/domain';
import { sendTrpcRefusal } from '../exports/venues-xlsx';
import { prefersEnglish } from '../http/error-replies';

export const VENUES_IMPORT_ROUTE = '/api/imports/venues.xlsx';
/** 100,000 venues with both persons are about 8 MB; room for wide addresses. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

export interface VenueImportOptions {
  readonly contextFor: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  readonly maxBytes?: number;
}

interface Issue {
  readonly row: number;
  readonly column: string | null;
  readonly letter: string | null;
  readonly message: string;
  readonly messageZh: string;
}

const FILE_ERRORS = {
  noFile: { code: 'VENUE_IMPORT.NO_FILE', message: 'Choose an .xlsx file to import', messageZh: '请选择要导入的 .xlsx 文件' },
  unreadable: { code: 'VENUE_IMPORT.UNREADABLE', message: 'The file is not a readable .xlsx workbook', messageZh: '文件不是可读取的 .xlsx 工作簿' },
  tooLarge: { code: 'VENUE_IMPORT.TOO_LARGE', message: 'The file is larger than 40 MB; split it by district', messageZh: '文件超过 40 MB，请按辖区拆分后导入' },
  columns: { code: 'VENUE_IMPORT.INVALID', message: 'The first row lacks required columns; nothing was imported', messageZh: '首行缺少必填列，未导入任何数据' },
} as const;

function sendFileError(request: FastifyRequest, reply: FastifyReply, status: number, e: { code: string; message: string; messageZh: string }, issues: Issue[] = []) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error: { code: e.code, message: prefersEnglish(request) ? e.message : e.messageZh, messageEn: e.message, messageZh: e.messageZh }, issues });
}

/** A cell's value as the text a person typed: numbers as written, rich text joined, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result);
  if ('error' in value) return '';
  return '';
}

/**
 * The first worksheet into rows keyed by the header each column carries; the hint row and blank
 * rows are skipped. The workbook is loaded whole (exceljs' Workbook.load): its streaming reader
 * decodes every inflated chunk on its own (parse-sax.js, TextDecoder without `stream`), so a
 * Chinese character split across two chunks comes out as U+FFFD — a 5,000-row file of district
 * names already hit it. The file is bounded by MAX_IMPORT_BYTES.
 */
export async function readVenueSheet(bytes: Buffer): Promise<{ headers: string[]; rows: VenueSheetRow[]; tooMany: boolean }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'picture', 'sheetPr', 'sheetViews', 'cols', 'mergeCells', 'pageMargins', 'pageSetup', 'headerFooter', 'printOptions', 'rowBreaks', 'extLst', 'autoFilter', 'tableParts'] });
  const worksheet = workbook.worksheets[0];
  let headers: string[] = [];
  let keys: (VenueSheetKey | null)[] = [];
  const rows: VenueSheetRow[] = [];
  let tooMany = false;
  worksheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    if (row.number === 1) {
      headers = Array.from(values.slice(1), (v) => cellText(v).trim());
      keys = headers.map(venueSheetKeyOfHeader);
      return;
    }
    const cells: Partial<Record<VenueSheetKey, string>> = {};
    let any = false;
    keys.forEach((k, i) => {
      if (!k) return;
      const text = cellText(values[i + 1]).trim();
      if (text !== '') any = true;
      cells[k] = text;
    });
    if (!any || isVenueSheetHintRow(cells)) return;
    if (rows.length > VENUE_IMPORT_MAX_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({ rowNumber: row.number, cells });
  });
  return { headers, rows, tooMany };
}

/**
 * POST /api/imports/venues.xlsx (multipart, one file): the unit library import. The caller's role
 * and scope are checked before the file is read (admin.venues.summary), the rows are validated and
 * written by admin.venues.import: 200 with the count, or 422 with every bad row, nothing written.
 */
export async function venueImportRoutes(app: FastifyInstance, opts: VenueImportOptions): Promise<void> {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3 } });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) return sendFileError(request, reply, 413, FILE_ERRORS.tooLarge);
    if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FILES_LIMIT') {
      return sendFileError(request, reply, 400, FILE_ERRORS.noFile);
    }
    request.log.error({ err: error }, 'unit library import failed');
    return reply.code(500).header('cache-control', 'no-store').send({ error: { code: 'SERVER.INTERNAL', message: prefersEnglish(request) ? 'Internal server error' : '服务器内部错误' } });
  });

  app.post(VENUES_IMPORT_ROUTE, async (request, reply) => {
    const caller = createCaller(await opts.contextFor(request, reply));
    try {
      await caller.admin.venues.summary();
    } catch (error) {
      return sendTrpcRefusal(request, reply, error);
    }
    if (!request.isMultipart()) return sendFileError(request, reply, 400, FILE_ERRORS.noFile);
    const file = await request.file();
    if (!file) return sendFileError(request, reply, 400, FILE_ERRORS.noFile);

    const bytes = await file.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE past the limit
    let sheet: Awaited<ReturnType<typeof readVenueSheet>>;
    try {
      sheet = await readVenueSheet(bytes);
    } catch (error) {
      request.log.info({ err: error }, 'unreadable unit library workbook');
      return sendFileError(request, reply, 400, FILE_ERRORS.unreadable);
    }

    const missing = missingVenueSheetColumns(sheet.headers);
    if (missing.length > 0) {
      const issues = missing.map((c) => ({ row: 1, column: c.key, letter: null, message: `Column “${c.en}” (${c.zh}) is missing from the first row`, messageZh: `首行缺少“${c.zh}”列` }));
      return sendFileError(request, reply, 422, FILE_ERRORS.columns, issues);
    }
    // One row past the kernel's limit is enough for its report to say the file is too long.
    try {
      const result = await caller.admin.venues.import({ fileName: file.filename || null, rows: sheet.rows });
      return reply.code(200).header('cache-control', 'no-store').send(result);
    } catch (error) {
      const domain = (error as { cause?: { domain?: { code: string; message: string; messageZh: string; details?: { issues?: Issue[] } } } }).cause?.domain;
      if (domain?.code === 'VENUE_IMPORT.INVALID') return sendFileError(request, reply, 422, domain, domain.details?.issues ?? []);
      return sendTrpcRefusal(request, reply, error);
    }
  });
}
