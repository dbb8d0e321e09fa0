import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createCaller, type Context, type RouterOutputs } from '@firebreak/api';
import { VENUE_CATEGORIES, VENUE_SHEET_COLUMNS, isVenueCategoryCode, venueCategory } from '@firebreak/domain';
import { prefersEnglish } from '../http/error-replies';

export const VENUES_TEMPLATE_ROUTE = '/api/exports/venues-template.xlsx';
export const VENUES_XLSX_ROUTE = '/api/exports/venues.xlsx';

export interface VenueExportOptions {
  readonly contextFor: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
}

type LibraryRow = RouterOutputs['admin']['venues']['exportPage'][number];

const PAGE = 2000;
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A refusal from the procedure chain as a coded JSON answer in the caller's language. */
export function sendTrpcRefusal(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof TRPCError)) throw error;
  const status = getHTTPStatusCodeFromError(error);
  const domain = (error.cause as { domain?: { code: string; message: string; messageZh: string; details?: unknown } } | undefined)?.domain;
  const english = prefersEnglish(request);
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({
      error: {
        code: domain?.code ?? error.code,
        message: english ? (domain?.message ?? error.message) : (domain?.messageZh ?? error.message),
        ...(domain ? { messageEn: domain.message, messageZh: domain.messageZh } : {}),
      },
    });
}

/** The unit library sheet: headers (required ones starred), the hint row, frozen above the data. */
function librarySheet(workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('单位库', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = VENUE_SHEET_COLUMNS.map((c) => ({ header: c.required ? `${c.zh}*` : c.zh, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const hints = sheet.addRow(VENUE_SHEET_COLUMNS.map((c) => c.hint.zh));
  hints.font = { italic: true, color: { argb: 'FF888888' } };
  return sheet;
}

function categoriesSheet(workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter): void {
  const sheet = workbook.addWorksheet('场所类别', {});
  sheet.columns = [
    { header: '场所类别（填写名称或代码）', width: 30 },
    { header: '代码', width: 24 },
    { header: 'English', width: 34 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of VENUE_CATEGORIES) sheet.addRow([c.zh, c.code, c.en]);
}

function rowOf(r: LibraryRow): (string | number)[] {
  return [
    r.name,
    r.address,
    r.categories.map((c) => (isVenueCategoryCode(c) ? venueCategory(c).zh : c)).join('、'),
    r.jurisdiction,
    r.creditCode,
    r.responsibleName,
    r.responsiblePhone,
    r.managerName,
    r.managerPhone,
    r.lat ?? '',
    r.lng ?? '',
  ];
}

const disposition = (ascii: string, zh: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/**
 * GET /api/exports/venues-template.xlsx: the empty import template (headers, hints, the category
 * list); GET /api/exports/venues.xlsx: the admin's unit library in the same layout, streamed from
 * keyset pages of `admin.venues.exportPage`, so the role and scope are the procedure's.
 */
export async function venueExportRoutes(app: FastifyInstance, opts: VenueExportOptions): Promise<void> {
  app.get(VENUES_TEMPLATE_ROUTE, async (request, reply) => {
    const caller = createCaller(await opts.contextFor(request, reply));
    try {
      await caller.admin.venues.summary();
    } catch (error) {
      return sendTrpcRefusal(request, reply, error);
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Firebreak';
    librarySheet(workbook);
    categoriesSheet(workbook);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', disposition('venues-template.xlsx', '单位库导入模板.xlsx')).header('cache-control', 'no-store').send(bytes);
  });

  app.get(VENUES_XLSX_ROUTE, async (request, reply) => {
    const caller = createCaller(await opts.contextFor(request, reply));
    let first: LibraryRow[];
    try {
      first = await caller.admin.venues.exportPage({ limit: PAGE });
    } catch (error) {
      return sendTrpcRefusal(request, reply, error);
    }
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Firebreak';
    const sheet = librarySheet(workbook);
    sheet.getRow(1).commit();
    sheet.getRow(2).commit();
    const stamp = CHINA_DAY.format(new Date()).replaceAll('-', '');
    void reply.header('content-type', XLSX_TYPE).header('content-disposition', disposition(`venues-${stamp}.xlsx`, `单位库-${stamp}.xlsx`)).header('cache-control', 'no-store').send(out);
    let page = first;
    try {
      for (;;) {
        for (const r of page) sheet.addRow(rowOf(r)).commit();
        if (page.length < PAGE) break;
        page = await caller.admin.venues.exportPage({ limit: PAGE, afterId: page[page.length - 1]!.id });
      }
      sheet.commit();
      categoriesSheet(workbook);
      await workbook.commit();
    } catch (error) {
      request.log.error({ err: error }, 'unit library export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    return reply;
  });
}
