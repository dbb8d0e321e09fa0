import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { RISK_CATEGORIES, VENUE_CATEGORIES, type Capability } from '@firebreak/domain';
import { REGION_INDICATOR_LABELS, REGION_INDICATORS } from '@firebreak/domain/oversight/rank-regions';
import { Alert, Button, Card, Col, Row, Select, Spin, Statistic, Table } from 'antd';
import { Link, useLocation } from 'wouter';
import { useAccess } from '../lib/access';
import { Chart } from '../lib/charts';
import { monthBefore, monthLabel, monthRange, recentMonths, chinaMonth } from '../lib/months';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';
import '../lib/oversight.css';

type Figures = RouterOutputs['dashboard']['figures']['total'];
type BreakdownRow = RouterOutputs['dashboard']['breakdown']['rows'][number];

const OPEN_STATUSES = 'found,confirmed,ordered,overdue,remediation_submitted,verified';

/** A figure that opens the list behind it, for readers who may read that list. */
interface Figure {
  readonly key: string;
  readonly title: string;
  readonly value: number;
  readonly href?: string;
  readonly capability?: Capability;
  readonly note?: string;
}

function FigureCard({ f }: { f: Figure }) {
  const access = useAccess();
  const body = (
    <Card size="small" hoverable={Boolean(f.href)}>
      <Statistic title={f.title} value={f.value} />
      {f.note ? <div className="fb-stat-note">{f.note}</div> : null}
    </Card>
  );
  if (!f.href || (f.capability && !access.capabilities.has(f.capability))) return <div data-testid={`figure-${f.key}`}>{body}</div>;
  return (
    <Link href={f.href} className="fb-stat-link" data-testid={`figure-${f.key}`} aria-label={`${f.title} ${f.value}`}>
      {body}
    </Link>
  );
}

/**
 * The oversight dashboard (issue 11 §5): the seeds' figures for the reader's subtree, by region,
 * category and month, the region ranking the committee office assesses districts by, and each
 * figure opening the list behind it. (A map of the subtree waits for the jurisdiction boundaries
 * another change adds.)
 */
export default function Dashboard() {
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const { tx, label, dateTime, errorText, en } = useText();
  const [month, setMonth] = useState<string>('all');
  const range = month === 'all' ? {} : monthRange(month);
  const figures = useQuery(trpc.dashboard.figures.queryOptions({ byDistrict: true, ...range }, { placeholderData: keepPreviousData }));
  const ranking = useQuery(trpc.dashboard.ranking.queryOptions(range, { placeholderData: keepPreviousData }));
  const byVenue = useQuery(trpc.dashboard.breakdown.queryOptions({ by: 'venueCategory', ...range }, { placeholderData: keepPreviousData }));
  const byRisk = useQuery(trpc.dashboard.breakdown.queryOptions({ by: 'riskCategory', ...range }, { placeholderData: keepPreviousData }));
  const trendMonths = useMemo(() => Array.from({ length: 12 }, (_, i) => monthBefore(month === 'all' ? chinaMonth() : month, 11 - i)), [month]);
  const byMonth = useQuery(trpc.dashboard.breakdown.queryOptions({ by: 'month', from: monthRange(trendMonths[0]!).from, to: monthRange(trendMonths[11]!).to }));
  const months = useMemo(() => recentMonths(12), []);

  const charts = useMemo(() => {
    const found = tx('发现隐患', 'Hazards found');
    const fixed = tx('整改隐患', 'Remediated');
    const inspected = tx('检查单位', 'Units inspected');
    const series = (rows: readonly Pick<BreakdownRow, 'hazardsFound' | 'hazardsRemediated' | 'unitsInspected'>[], withInspected = true) => [
      ...(withInspected ? [{ name: inspected, values: rows.map((r) => r.unitsInspected) }] : []),
      { name: found, values: rows.map((r) => r.hazardsFound) },
      { name: fixed, values: rows.map((r) => r.hazardsRemediated) },
    ];
    const regions = figures.data?.districts ?? [];
    const venueRows = (byVenue.data?.rows ?? []).filter((r) => r.unitsInspected + r.hazardsFound + r.hazardsRemediated > 0);
    const riskRows = byRisk.data?.rows ?? [];
    const monthRows = trendMonths.map((m) => byMonth.data?.rows.find((r) => r.key === m) ?? { key: m, unitsInspected: 0, hazardsFound: 0, hazardsRemediated: 0 });
    return {
      region: { categories: regions.map((r) => r.name ?? '—'), series: series(regions) },
      venue: { categories: venueRows.map((r) => (r.key === 'none' ? tx('（无场所）', '(no venue)') : label(VENUE_CATEGORIES.find((c) => c.code === r.key)) || r.key)), series: series(venueRows) },
      risk: { categories: riskRows.map((r) => label(RISK_CATEGORIES.find((c) => c.code === r.key)) || r.key), series: series(riskRows, false) },
      month: { categories: trendMonths.map((m) => monthLabel(m, en)), series: series(monthRows) },
    };
  }, [figures.data, byVenue.data, byRisk.data, byMonth.data, trendMonths, tx, label, en]);

  if (figures.isPending) return <Spin />;
  if (figures.isError) return <Alert type="error" showIcon title={errorText(figures.error)} />;
  const t: Figures = figures.data.total;
  const c = t.campaignFigures;
  const joint = t.jointInspectionsByDepartment.reduce((n, d) => n + d.inspections, 0);
  const fromCampaign = tx('专项行动任务报送', 'From campaign task reports');
  const cards: Figure[] = [
    { key: 'units-inspected', title: tx('检查单位（家）', 'Units inspected'), value: t.unitsInspected, href: '/inspections?status=completed', capability: 'inspection.read' },
    { key: 'hazards-found', title: tx('发现隐患（处）', 'Hazards found'), value: t.hazardsFound, href: '/hazards', capability: 'hazard.read' },
    { key: 'hazards-remediated', title: tx('整改隐患（处）', 'Hazards remediated'), value: t.hazardsRemediated, href: '/hazards?status=closed', capability: 'hazard.read' },
    { key: 'hazards-open', title: tx('未整改（处）', 'Still open'), value: t.hazardsOpen, href: `/hazards?status=${OPEN_STATUSES}`, capability: 'hazard.read' },
    { key: 'hazards-overdue', title: tx('逾期未改（处）', 'Overdue'), value: t.hazardsOverdue, href: '/hazards?overdueOnly=true', capability: 'hazard.read' },
    { key: 'major-listed', title: tx('挂牌督办重大隐患单位（家）', 'Major-hazard units listed'), value: t.majorHazardUnitsListed, href: '/hazards?severity=major', capability: 'hazard.read' },
    { key: 'expert-checked', title: tx('专家检查高危单位（家）', 'High-risk units expert-checked'), value: t.highRiskUnitsExpertChecked, href: '/inspections?source=expert_check&status=completed', capability: 'inspection.read', note: tx(`火灾高危单位 ${t.highRiskUnits} 家`, `${t.highRiskUnits} high-risk units`) },
    { key: 'joint', title: tx('联合检查（部门·次）', 'Joint inspections (by department)'), value: joint, href: '/inspections?source=joint', capability: 'inspection.read' },
    { key: 'fire-lanes', title: tx('打通消防车通道（条）', 'Fire lanes cleared'), value: c.fireLanesCleared ?? 0, note: fromCampaign },
    { key: 'training-sessions', title: tx('消防培训（次）', 'Training sessions'), value: c.trainingSessions ?? 0, note: fromCampaign },
    { key: 'people-trained', title: tx('培训人员（人次）', 'People trained'), value: c.peopleTrained ?? 0, note: fromCampaign },
  ];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <>
      <PageHead
        title={tx('统计看板', 'Dashboard')}
        extra={
          <>
            <Select
              aria-label={tx('统计期间', 'Period')}
              style={{ width: 160 }}
              value={month}
              onChange={setMonth}
              options={[{ value: 'all', label: tx('全部时间', 'All time') }, ...months.map((m) => ({ value: m, label: monthLabel(m, en) }))]}
            />
            <Button type="primary" onClick={() => navigate(`/bulletin${month === 'all' ? '' : `?month=${month}`}`)} data-testid="open-bulletin">
              {tx('月度通报', 'Monthly bulletin')}
            </Button>
          </>
        }
      >
        <span className="console-muted">
          {figures.data.total.name} · {tx(`截至 ${dateTime(figures.data.asOf)}`, `As of ${dateTime(figures.data.asOf)}`)} · {tx('点击指标查看明细', 'Click a figure for the list behind it')}
        </span>
      </PageHead>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="figures">
        {cards.map((f) => (
          <Col key={f.key} xs={12} md={8} xl={6} xxl={4}>
            <FigureCard f={f} />
          </Col>
        ))}
      </Row>
      <div className="fb-dash-grid">
        <Card size="small" title={tx('分地区', 'By region')}>
          <Chart title={tx('分地区检查与隐患整改', 'Inspections and hazards by region')} kind="bar" {...charts.region} />
        </Card>
        <Card size="small" title={tx('月度趋势（近12个月）', 'By month (last 12)')}>
          <Chart title={tx('月度检查与隐患整改', 'Inspections and hazards by month')} kind="line" {...charts.month} />
        </Card>
        <Card size="small" title={tx('分场所类别', 'By venue category')}>
          <Chart title={tx('分场所类别检查与隐患', 'By venue category')} kind="bar" horizontal height={Math.max(220, charts.venue.categories.length * 34)} {...charts.venue} />
        </Card>
        <Card size="small" title={tx('分隐患类别', 'By risk category')}>
          <Chart title={tx('分隐患类别发现与整改', 'Hazards by risk category')} kind="bar" horizontal height={Math.max(220, charts.risk.categories.length * 34)} {...charts.risk} />
        </Card>
      </div>
      <Card size="small" title={tx('区域考核排名', 'Region ranking')} style={{ marginBottom: 16 }} extra={<span className="console-muted">{tx('得分 = 整改率×40 + 按期率×30 + 检查覆盖×20 + 专家检查率×10', 'Score = remediation×40 + on time×30 + coverage×20 + expert checks×10')}</span>}>
        {ranking.isError ? <Alert type="error" showIcon title={errorText(ranking.error)} /> : null}
        <Table
          rowKey="regionId"
          size="small"
          pagination={false}
          loading={ranking.isFetching}
          data-testid="ranking"
          dataSource={ranking.data?.ranking ?? []}
          columns={[
            { title: tx('名次', 'Rank'), dataIndex: 'rank', width: 64 },
            { title: tx('辖区', 'Region'), dataIndex: 'name' },
            { title: tx('得分', 'Score'), dataIndex: 'score', width: 80 },
            ...REGION_INDICATORS.map((k) => ({ title: label(REGION_INDICATOR_LABELS[k]), key: k, render: (_: unknown, r: { rates: Record<string, number> }) => pct(r.rates[k] ?? 0) })),
            { title: tx('检查单位', 'Inspected'), dataIndex: 'unitsInspected', width: 90 },
            { title: tx('发现', 'Found'), dataIndex: 'hazardsFound', width: 70 },
            { title: tx('整改', 'Fixed'), dataIndex: 'hazardsRemediated', width: 70 },
            { title: tx('逾期', 'Overdue'), dataIndex: 'hazardsOverdue', width: 70 },
          ]}
        />
      </Card>
      <Card size="small" title={tx('各部门联合检查', 'Joint inspections by department')}>
        <Table
          rowKey="departmentId"
          size="small"
          pagination={false}
          dataSource={t.jointInspectionsByDepartment}
          locale={{ emptyText: <span className="console-muted">{tx('本期无联合检查', 'No joint inspections in this period')}</span> }}
          columns={[
            { title: tx('部门', 'Department'), dataIndex: 'departmentName' },
            { title: tx('联合检查（次）', 'Joint inspections'), dataIndex: 'inspections', width: 160 },
          ]}
        />
      </Card>
    </>
  );
}
