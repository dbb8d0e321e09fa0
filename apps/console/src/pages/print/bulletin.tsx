import { useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { RISK_CATEGORIES, VENUE_CATEGORIES } from '@firebreak/domain';
import { Result, Spin } from 'antd';
import { Chart } from '../../lib/charts';
import { useText } from '../../lib/text';
import { officialDate, PrintedDocument } from './document';
import '../../lib/oversight.css';

type Bulletin = RouterOutputs['dashboard']['bulletin'];

const LISTING_STATUS: Record<string, string> = { listed: '挂牌督办', rectifying: '整改中', acceptance_requested: '申请验收', delisted: '已摘牌销案' };
const venueCategory = (code: string) => (code === 'none' ? '（无场所）' : (VENUE_CATEGORIES.find((c) => c.code === code)?.zh ?? code));
const riskCategory = (code: string | null) => (code ? (RISK_CATEGORIES.find((c) => c.code === code)?.zh ?? code) : '—');
const pct = (x: number) => `${Math.round(x * 100)}%`;
/** Sheet width less its margins, in CSS pixels (170 mm). */
const CHART_WIDTH = 640;

function Overview({ b, y, m }: { b: Bulletin; y: string; m: number }) {
  const t = b.total;
  const c = b.campaignCumulative;
  const joint = t.jointInspectionsByDepartment.reduce((n, d) => n + d.inspections, 0);
  const best = b.ranking.filter((r) => r.rank === 1);
  return (
    <>
      <p className="doc-para">
        {y}年{m}月，{b.jurisdiction.name ?? ''}共检查单位{t.unitsInspected}家，发现火灾隐患{t.hazardsFound}处，整改火灾隐患{t.hazardsRemediated}处，
        提请挂牌督办重大火灾隐患单位{t.majorHazardUnitsListed}家，组织专家检查火灾高危单位{t.highRiskUnitsExpertChecked}家，开展部门联合检查{joint}次。
        截至月底，各牵头部门累计打通消防车通道{c.fireLanesCleared ?? 0}条，开展消防安全培训{c.trainingSessions ?? 0}次、培训{c.peopleTrained ?? 0}人次；
        尚有{t.hazardsOpen}处隐患未整改，其中逾期未改{t.hazardsOverdue}处。
        {best.length > 0 ? `本月区域考核得分最高的是${best.map((r) => r.name ?? '').join('、')}（${best[0]!.score}分${best.length > 1 ? '，并列' : ''}）。` : ''}
      </p>
    </>
  );
}

/**
 * 消防安全工作情况通报 for one month (issue 11 §6): figures, charts, the region ranking, figures by
 * category and the listed major hazards, on A4. The print dialog saves it as PDF; the same data
 * come as XLSX from /api/exports/bulletin.xlsx.
 */
export default function BulletinPrint({ params }: { params: Record<string, string | undefined> }) {
  const month = params.month ?? '';
  const trpc = useTRPC();
  const { errorText } = useText();
  const q = useQuery(trpc.dashboard.bulletin.queryOptions({ month }));
  if (q.isPending) return <Spin />;
  if (q.isError) return <Result status="warning" title={errorText(q.error)} />;
  const b = q.data;
  const [y, mm] = b.month.split('-') as [string, string];
  const m = Number(mm);
  const t = b.total;
  const c = b.campaignCumulative;
  const trendLabels = b.trend.map((x) => `${Number(x.month.slice(5))}月`);
  return (
    <PrintedDocument title="消防安全工作情况通报" number={`${y}年第${m}期`} issuer={b.jurisdiction.name} back={`/bulletin?month=${b.month}`}>
      <h2 className="doc-h2">一、总体情况</h2>
      <Overview b={b} y={y} m={m} />
      <div className="doc-figures" data-testid="bulletin-figures">
        {(
          [
            ['检查单位（家）', t.unitsInspected],
            ['发现火灾隐患（处）', t.hazardsFound],
            ['整改火灾隐患（处）', t.hazardsRemediated],
            ['挂牌督办重大隐患单位（家）', t.majorHazardUnitsListed],
            ['专家检查高危单位（家）', t.highRiskUnitsExpertChecked],
            ['联合检查（部门·次）', t.jointInspectionsByDepartment.reduce((n, d) => n + d.inspections, 0)],
            ['打通消防车通道（条，累计）', c.fireLanesCleared ?? 0],
            ['消防培训（次，累计）', c.trainingSessions ?? 0],
            ['培训人员（人次，累计）', c.peopleTrained ?? 0],
          ] as const
        ).map(([k, v]) => (
          <div key={k}>
            {k}
            <b>{v}</b>
          </div>
        ))}
      </div>
      <div className="doc-chart">
        <p className="doc-chart__title">近六个月检查与隐患整改情况</p>
        <Chart
          title="近六个月检查与隐患整改情况"
          kind="line"
          width={CHART_WIDTH}
          height={220}
          categories={trendLabels}
          series={[
            { name: '检查单位', values: b.trend.map((x) => x.unitsInspected) },
            { name: '发现隐患', values: b.trend.map((x) => x.hazardsFound) },
            { name: '整改隐患', values: b.trend.map((x) => x.hazardsRemediated) },
          ]}
        />
      </div>

      <h2 className="doc-h2">二、各地区工作情况及考核排名</h2>
      <table className="doc-table">
        <thead>
          <tr>
            <th>名次</th>
            <th>辖区</th>
            <th>得分</th>
            <th>检查单位</th>
            <th>发现隐患</th>
            <th>整改隐患</th>
            <th>逾期未改</th>
            <th>整改率</th>
            <th>按期整改率</th>
          </tr>
        </thead>
        <tbody>
          {b.ranking.map((r) => (
            <tr key={r.regionId}>
              <td className="doc-center">{r.rank}</td>
              <td>{r.name}</td>
              <td className="doc-center">{r.score}</td>
              <td className="doc-center">{r.unitsInspected}</td>
              <td className="doc-center">{r.hazardsFound}</td>
              <td className="doc-center">{r.hazardsRemediated}</td>
              <td className="doc-center">{r.hazardsOverdue}</td>
              <td className="doc-center">{pct(r.rates.remediation)}</td>
              <td className="doc-center">{pct(r.rates.timeliness)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="doc-para">考核得分 = 隐患整改率×40 + 按期整改率×30 + 检查覆盖（检查单位数与最多者之比）×20 + 火灾高危单位专家检查率×10。</p>
      {b.regions.length > 0 ? (
        <div className="doc-chart">
          <p className="doc-chart__title">各地区检查与隐患整改情况</p>
          <Chart
            title="各地区检查与隐患整改情况"
            kind="bar"
            width={CHART_WIDTH}
            height={220}
            categories={b.regions.map((r) => r.name ?? '—')}
            series={[
              { name: '检查单位', values: b.regions.map((r) => r.unitsInspected) },
              { name: '发现隐患', values: b.regions.map((r) => r.hazardsFound) },
              { name: '整改隐患', values: b.regions.map((r) => r.hazardsRemediated) },
            ]}
          />
        </div>
      ) : null}

      <h2 className="doc-h2">三、分类统计</h2>
      <table className="doc-table">
        <thead>
          <tr>
            <th>场所类别</th>
            <th>检查单位</th>
            <th>发现隐患</th>
            <th>整改隐患</th>
            <th>挂牌督办</th>
          </tr>
        </thead>
        <tbody>
          {b.byVenueCategory.length === 0 ? (
            <tr>
              <td colSpan={5}>本月无数据。</td>
            </tr>
          ) : (
            b.byVenueCategory.map((r) => (
              <tr key={r.key}>
                <td>{venueCategory(r.key)}</td>
                <td className="doc-center">{r.unitsInspected}</td>
                <td className="doc-center">{r.hazardsFound}</td>
                <td className="doc-center">{r.hazardsRemediated}</td>
                <td className="doc-center">{r.majorHazardUnitsListed}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <table className="doc-table">
        <thead>
          <tr>
            <th>隐患类别</th>
            <th>发现隐患</th>
            <th>整改隐患</th>
          </tr>
        </thead>
        <tbody>
          {b.byRiskCategory.length === 0 ? (
            <tr>
              <td colSpan={3}>本月无数据。</td>
            </tr>
          ) : (
            b.byRiskCategory.map((r) => (
              <tr key={r.key}>
                <td>{riskCategory(r.key)}</td>
                <td className="doc-center">{r.hazardsFound}</td>
                <td className="doc-center">{r.hazardsRemediated}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {t.jointInspectionsByDepartment.length > 0 ? (
        <table className="doc-table">
          <thead>
            <tr>
              <th>参加联合检查的部门</th>
              <th>联合检查（次）</th>
            </tr>
          </thead>
          <tbody>
            {t.jointInspectionsByDepartment.map((d) => (
              <tr key={d.departmentId}>
                <td>{d.departmentName}</td>
                <td className="doc-center">{d.inspections}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 className="doc-h2">四、挂牌督办重大火灾隐患</h2>
      {b.listed.length === 0 ? (
        <p className="doc-para">本月无挂牌督办的重大火灾隐患。</p>
      ) : (
        <table className="doc-table" data-testid="bulletin-listed">
          <thead>
            <tr>
              <th>序号</th>
              <th>单位名称</th>
              <th>辖区</th>
              <th>隐患类别</th>
              <th>挂牌日期</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {b.listed.map((l, i) => (
              <tr key={l.id}>
                <td className="doc-center">{i + 1}</td>
                <td>{l.venueName}</td>
                <td>{l.jurisdictionName ?? '—'}</td>
                <td>{riskCategory(l.riskCategory)}</td>
                <td>{officialDate(l.listedAt)}</td>
                <td>{LISTING_STATUS[l.status] ?? l.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="doc-seal">
        {b.jurisdiction.name}
        <br />
        {officialDate(b.issuedAt)}
      </div>
      <p className="doc-foot">统计口径：检查单位按本月办结检查的单位计；发现隐患按本月登记且未认定不构成隐患的计；整改隐患按本月销号的计；培训等数据为专项行动各牵头部门报送的累计数。</p>
    </PrintedDocument>
  );
}
