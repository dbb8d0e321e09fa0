import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createCaller, type Context, type RouterInputs, type RouterOutputs } from '@firebreak/api';
import { HAZARD_STATUS_LABELS, riskCategoryLabel, type HazardStatus } from '@firebreak/domain';
import { prefersEnglish } from '../http/error-replies';

export const HAZARDS_XLSX_ROUTE = '/api/exports/hazards.xlsx';

export interface ExportRoutesOptions {
  /** The tRPC context for this exchange: resolves the session cookie, as every procedure does. */
  readonly contextFor: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
}

type LedgerFilter = RouterInputs['hazards']['ledger'];
type LedgerRow = RouterOutputs['hazards']['ledger'][number];

/** The ledger as a brigade keeps it on paper (隐患台账), column by column. */
const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位名称', width: 28 },
  { header: '地址', width: 32 },
  { header: '辖区', width: 14 },
  { header: '隐患类别', width: 22 },
  { header: '隐患描述', width: 44 },
  { header: '发现日期', width: 12 },
  { header: '整改期限', width: 12 },
  { header: '状态', width: 10 },
  { header: '责任人', width: 10 },
  { header: '复查人', width: 10 },
  { header: '销号人', width: 10 },
  { header: '销号日期', width: 12 },
] as const;

const PAGE = 500;
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const day = (iso: string | null | undefined): string => (iso ? CHINA_DAY.format(new Date(iso)) : '');

/** The query string of the ledger page, as the ledger procedure takes it (the procedure validates). */
export function ledgerFilterOf(query: Record<string, unknown>): LedgerFilter {
  const one = (k: string): string | undefined => {
    const v = query[k];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const status = one('status');
  const riskCategory = one('riskCategory');
  const severity = one('severity');
  const venueId = one('venueId');
  return {
    ...(status ? { status: status.split(',') as HazardStatus[] } : {}),
    ...(riskCategory ? { riskCategory: riskCategory as LedgerFilter['riskCategory'] } : {}),
    ...(severity ? { severity: severity as LedgerFilter['severity'] } : {}),
    ...(venueId ? { venueId } : {}),
    ...(one('overdueOnly') === 'true' ? { overdueOnly: true } : {}),
  };
}

function rowOf(n: number, r: LedgerRow): (string | number)[] {
  const category = riskCategoryLabel(r.riskCategory);
  const status = HAZARD_STATUS_LABELS[r.status as HazardStatus];
  return [
    n,
    r.venueName ?? '',
    r.address ?? '',
    r.jurisdictionName ?? '',
    `${category?.zh ?? r.riskCategory}${r.severity === 'major' ? '（重大）' : ''}`,
    r.description ?? '',
    day(r.foundAt),
    day(r.dueAt),
    status?.zh ?? r.status,
    r.responsiblePerson ?? '',
    r.reinspectorName ?? '',
    r.closedByName ?? '',
    day(r.closedAt),
  ];
}

/**
 * GET /api/exports/hazards.xlsx?status=…&riskCategory=…: the hazard ledger of the current filter as
 * a workbook, streamed row by row (exceljs' WorkbookWriter) from keyset pages of `hazards.ledger`.
 * The rows come through the tRPC caller, so the session, the role and the jurisdiction scope are
 * checked by the same procedure chain as the ledger page; nothing here reads the database.
 */
export async function exportRoutes(app: FastifyInstance, opts: ExportRoutesOptions): Promise<void> {
  app.get(HAZARDS_XLSX_ROUTE, async (request, reply) => {
    const caller = createCaller(await opts.contextFor(request, reply));
    const filter = ledgerFilterOf(request.query as Record<string, unknown>);
    let first: LedgerRow[];
    try {
      // The first page before any byte is sent: a refusal is still a coded JSON answer.
      first = await caller.hazards.ledger({ ...filter, limit: PAGE });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const status = getHTTPStatusCodeFromError(error);
      const domain = (error.cause as { domain?: { code: string; message: string; messageZh: string } } | undefined)?.domain;
      const english = prefersEnglish(request);
      return reply
        .code(status)
        .header('cache-control', 'no-store')
        .send({ error: { code: domain?.code ?? error.code, message: english ? (domain?.message ?? error.message) : (domain?.messageZh ?? error.message) } });
    }

    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Firebreak';
    const sheet = workbook.addWorksheet('隐患台账', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();

    const stamp = CHINA_DAY.format(new Date()).replaceAll('-', '');
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="hazards-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`隐患台账-${stamp}.xlsx`)}`)
      .header('cache-control', 'no-store')
      .send(out);

    let n = 0;
    let page = first;
    try {
      for (;;) {
        for (const r of page) sheet.addRow(rowOf(++n, r)).commit();
        if (page.length < PAGE) break;
        const last = page[page.length - 1]!;
        page = await caller.hazards.ledger({ ...filter, limit: PAGE, after: { cursorAt: last.cursorAt, id: last.id } });
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      // Headers are gone: cut the stream so the client sees a broken download, never a short ledger.
      request.log.error({ err: error }, 'hazard ledger export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    return reply;
  });
}
