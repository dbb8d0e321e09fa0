import ExcelJS from 'exceljs';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { createCaller, type RouterOutputs } from '@firebreak/api';
import { riskCategoryLabel, VENUE_CATEGORIES } from '@firebreak/domain';
import { prefersEnglish } from '../http/error-replies';
import type { ExportRoutesOptions } from './hazards-xlsx';

export const BULLETIN_XLSX_ROUTE = '/api/exports/bulletin.xlsx';

type Bulletin = RouterOutputs['dashboard']['bulletin'];

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const day = (iso: string | null | undefined): string => (iso ? CHINA_DAY.format(new Date(iso)) : '');
const venueCategory = (code: string) => (code === 'none' ? '（无场所）' : (VENUE_CATEGORIES.find((c) => c.code === code)?.zh ?? code));
const LISTING_STATUS: Record<string, string> = { listed: '挂牌督办', rectifying: '整改中', acceptance_requested: '申请验收', delisted: '已摘牌销案' };

/** The figures of the seeds, in the order a bulletin reports them. */
export function figureRows(b: Bulletin): [string, number][] {
  const t = b.total;
  const c = b.campaignCumulative;
  return [
    ['检查单位（家）', t.unitsInspected],
    ['发现火灾隐患（处）', t.hazardsFound],
    ['整改火灾隐患（处）', t.hazardsRemediated],
    ['挂牌督办重大火灾隐患单位（家）', t.majorHazardUnitsListed],
    ['火灾高危单位专家检查（家）', t.highRiskUnitsExpertChecked],
    ['联合检查（次，按参与部门计）', t.jointInspectionsByDepartment.reduce((n, d) => n + d.inspections, 0)],
    ['打通消防车通道（条，累计）', c.fireLanesCleared ?? 0],
    ['开展消防培训（次，累计）', c.trainingSessions ?? 0],
    ['培训人员（人次，累计）', c.peopleTrained ?? 0],
  ];
}

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: (string | number)[][], widths: number[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
}

/** The month's bulletin as a workbook: the same data the printed bulletin shows, one sheet per table. */
export async function bulletinWorkbook(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Firebreak';
  sheet(wb, '主要指标', ['指标', '数值'], figureRows(b), [34, 12]);
  sheet(
    wb,
    '区域排名',
    ['名次', '辖区', '得分', '检查单位', '发现隐患', '整改隐患', '未整改', '逾期未改', '隐患整改率', '按期整改率', '高危单位专家检查率'],
    b.ranking.map((r) => [r.rank, r.name ?? '', r.score, r.unitsInspected, r.hazardsFound, r.hazardsRemediated, r.hazardsOpen, r.hazardsOverdue, r.rates.remediation, r.rates.timeliness, r.rates.expertCheck]),
    [6, 16, 8, 10, 10, 10, 10, 10, 12, 12, 18],
  );
  sheet(
    wb,
    '按场所类别',
    ['场所类别', '检查单位', '发现隐患', '整改隐患', '挂牌督办', '专家检查高危单位'],
    b.byVenueCategory.map((r) => [venueCategory(r.key), r.unitsInspected, r.hazardsFound, r.hazardsRemediated, r.majorHazardUnitsListed, r.highRiskUnitsExpertChecked]),
    [22, 10, 10, 10, 10, 16],
  );
  sheet(
    wb,
    '按隐患类别',
    ['隐患类别', '发现隐患', '整改隐患'],
    b.byRiskCategory.map((r) => [riskCategoryLabel(r.key)?.zh ?? r.key, r.hazardsFound, r.hazardsRemediated]),
    [30, 10, 10],
  );
  sheet(
    wb,
    '月度趋势',
    ['月份', '检查单位', '发现隐患', '整改隐患', '挂牌督办', '专家检查高危单位', '打通消防车通道（累计）', '培训次数（累计）', '培训人次（累计）'],
    b.trend.map((t) => [t.month, t.unitsInspected, t.hazardsFound, t.hazardsRemediated, t.majorHazardUnitsListed, t.highRiskUnitsExpertChecked, t.campaignFigures.fireLanesCleared ?? 0, t.campaignFigures.trainingSessions ?? 0, t.campaignFigures.peopleTrained ?? 0]),
    [10, 10, 10, 10, 10, 16, 20, 16, 16],
  );
  sheet(
    wb,
    '联合检查',
    ['部门', '联合检查（次）'],
    b.total.jointInspectionsByDepartment.map((d) => [d.departmentName, d.inspections]),
    [30, 14],
  );
  sheet(
    wb,
    '挂牌督办',
    ['序号', '单位名称', '地址', '辖区', '隐患类别', '状态', '挂牌日期', '摘牌日期'],
    b.listed.map((l, i) => [i + 1, l.venueName, l.address ?? '', l.jurisdictionName ?? '', l.riskCategory ? (riskCategoryLabel(l.riskCategory)?.zh ?? l.riskCategory) : '', LISTING_STATUS[l.status] ?? l.status, day(l.listedAt), day(l.delistedAt)]),
    [6, 28, 32, 14, 24, 12, 12, 12],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * GET /api/exports/bulletin.xlsx?month=YYYY-MM[&jurisdictionId=…]: the month's bulletin as a
 * workbook. The data come through the tRPC caller (dashboard.bulletin), so the session, the role and
 * the jurisdiction scope are checked by the same procedure chain as the printed bulletin. A bulletin
 * is a few hundred rows at most, so the workbook is built whole and sent.
 */
export async function bulletinExportRoutes(app: FastifyInstance, opts: ExportRoutesOptions): Promise<void> {
  app.get(BULLETIN_XLSX_ROUTE, async (request, reply) => {
    const caller = createCaller(await opts.contextFor(request, reply));
    const query = request.query as Record<string, unknown>;
    const text = (k: string) => (typeof query[k] === 'string' && query[k] !== '' ? (query[k]) : undefined);
    const jurisdictionId = text('jurisdictionId');
    let b: Bulletin;
    try {
      b = await caller.dashboard.bulletin({ month: text('month') ?? '', ...(jurisdictionId ? { jurisdictionId } : {}) });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const domain = (error.cause as { domain?: { code: string; message: string; messageZh: string } } | undefined)?.domain;
      const english = prefersEnglish(request);
      return reply
        .code(getHTTPStatusCodeFromError(error))
        .header('cache-control', 'no-store')
        .send({ error: { code: domain?.code ?? error.code, message: english ? (domain?.message ?? error.message) : (domain?.messageZh ?? error.message) } });
    }
    const body = await bulletinWorkbook(b);
    const name = `${b.jurisdiction.name ?? ''}${b.month}月度通报.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bulletin-${b.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
