import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Alert, Button, Card, Descriptions, Select, Space } from 'antd';
import { useLocation, useSearch } from 'wouter';
import { monthLabel, recentMonths } from '../lib/months';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

/**
 * The monthly bulletin (issue 11 §6, 每月印发1份工作情况通报): pick the month, then one click
 * makes the printable bulletin (saved as PDF from the print dialog) or the same data as XLSX.
 */
export default function Bulletin() {
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const { tx, errorText, en } = useText();
  const months = recentMonths(12);
  const asked = new URLSearchParams(useSearch()).get('month');
  const [month, setMonth] = useState(asked && /^\d{4}-\d{2}$/.test(asked) ? asked : months[0]!);
  const q = useQuery(trpc.dashboard.bulletin.queryOptions({ month }, { placeholderData: keepPreviousData }));
  const d = q.data;
  const t = d?.total;
  const c = d?.campaignCumulative ?? {};
  return (
    <>
      <PageHead title={tx('月度通报', 'Monthly bulletin')}>
        <span className="console-muted">{tx('每月一期：主要指标、图表、区域排名和挂牌督办隐患清单；可打印、另存为 PDF 或导出 XLSX。', 'One a month: figures, charts, the region ranking and the listed hazards; print, save as PDF or export XLSX.')}</span>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Select aria-label={tx('通报月份', 'Month')} style={{ width: 160 }} value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: monthLabel(m, en) }))} />
          <Button type="primary" onClick={() => navigate(`/print/bulletin/${month}`)} data-testid="make-bulletin">
            {tx('生成通报（打印 / PDF）', 'Make the bulletin (print / PDF)')}
          </Button>
          <Button href={`/api/exports/bulletin.xlsx?month=${month}`} download data-testid="bulletin-xlsx">
            {tx('导出 XLSX', 'Export XLSX')}
          </Button>
        </Space>
      </Card>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      {d && t ? (
        <Card size="small" title={tx(`${d.jurisdiction.name ?? ''} ${monthLabel(month, false)} 主要指标`, `${d.jurisdiction.name ?? ''}, ${monthLabel(month, true)}`)} loading={q.isFetching && !q.isPlaceholderData}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            data-testid="bulletin-preview"
            items={[
              { key: 'u', label: tx('检查单位', 'Units inspected'), children: t.unitsInspected },
              { key: 'f', label: tx('发现隐患', 'Hazards found'), children: t.hazardsFound },
              { key: 'r', label: tx('整改隐患', 'Remediated'), children: t.hazardsRemediated },
              { key: 'l', label: tx('挂牌督办单位', 'Units listed'), children: t.majorHazardUnitsListed },
              { key: 'e', label: tx('专家检查高危单位', 'High-risk units expert-checked'), children: t.highRiskUnitsExpertChecked },
              { key: 'j', label: tx('联合检查（部门·次）', 'Joint inspections'), children: t.jointInspectionsByDepartment.reduce((n, d) => n + d.inspections, 0) },
              { key: 'fl', label: tx('打通消防车通道（累计）', 'Fire lanes cleared (to date)'), children: c.fireLanesCleared ?? 0 },
              { key: 'ts', label: tx('消防培训（累计次）', 'Training sessions (to date)'), children: c.trainingSessions ?? 0 },
              { key: 'pt', label: tx('培训人员（累计人次）', 'People trained (to date)'), children: c.peopleTrained ?? 0 },
              { key: 'ls', label: tx('挂牌督办隐患清单', 'Listed hazards'), children: tx(`${d.listed.length} 处`, `${d.listed.length}`) },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
