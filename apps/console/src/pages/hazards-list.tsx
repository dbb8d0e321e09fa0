import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterInputs } from '@firebreak/client';
import { HAZARD_STATUSES, HAZARD_STATUS_LABELS, RISK_CATEGORIES, type HazardStatus } from '@firebreak/domain';
import { Alert, Button, Card, Checkbox, Select, Space, Table } from 'antd';
import { Link, useSearch } from 'wouter';
import { useText } from '../lib/text';
import { Clock, PageHead, StatusTag, ToneTag } from '../lib/ui';

type Filter = RouterInputs['hazards']['list'] & { limit: number; offset: number };

export const SOURCE_LABELS: Record<string, { zh: string; en: string }> = {
  report: { zh: '群众举报', en: 'Report' },
  inspection: { zh: '监督检查', en: 'Inspection' },
  self_inspection: { zh: '单位自查', en: 'Self-inspection' },
  grid_patrol: { zh: '网格巡查', en: 'Grid patrol' },
  expert: { zh: '专家检查', en: 'Expert check' },
  referral: { zh: '抄告移送', en: 'Referral' },
};

/** The server's streamed export of the same filter (scope and role checked there, as for the list). */
function exportHref(f: Filter): string {
  const q = new URLSearchParams();
  if (f.status?.length) q.set('status', f.status.join(','));
  if (f.riskCategory) q.set('riskCategory', f.riskCategory);
  if (f.severity) q.set('severity', f.severity);
  if (f.venueId) q.set('venueId', f.venueId);
  if (f.overdueOnly) q.set('overdueOnly', 'true');
  const qs = q.toString();
  return `/api/exports/hazards.xlsx${qs ? `?${qs}` : ''}`;
}

/** The filter a link names in its query string (the dashboard's figures open the ledger this way). */
function filterOfSearch(q: URLSearchParams): Partial<Filter> {
  const status = (q.get('status') ?? '').split(',').filter((s): s is HazardStatus => (HAZARD_STATUSES as readonly string[]).includes(s));
  const severity = q.get('severity');
  const risk = RISK_CATEGORIES.find((c) => c.code === q.get('riskCategory'))?.code;
  return {
    ...(status.length ? { status } : {}),
    ...(severity === 'general' || severity === 'major' ? { severity } : {}),
    ...(risk ? { riskCategory: risk } : {}),
    ...(q.get('overdueOnly') === 'true' ? { overdueOnly: true } : {}),
  };
}

export default function HazardsList() {
  const trpc = useTRPC();
  const { tx, label, dateTime, errorText } = useText();
  const search = useSearch();
  const [filter, setFilter] = useState<Filter>(() => ({ limit: 20, offset: 0, ...filterOfSearch(new URLSearchParams(search)) }));
  const list = useQuery(trpc.hazards.list.queryOptions(filter, { placeholderData: keepPreviousData }));
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  return (
    <>
      <PageHead
        title={tx('隐患台账', 'Hazard ledger')}
        extra={
          <Button href={exportHref(filter)} download data-testid="export-xlsx">
            {tx('导出 XLSX', 'Export XLSX')}
          </Button>
        }
      >
        <span className="console-muted">{tx('一患一档，逐条销号：谁检查谁负责、谁验收谁负责、谁销号谁负责。', 'One record per hazard, closed one by one by named people.')}</span>
      </PageHead>
      <Card className="console-filters" size="small">
        <Space wrap size="middle">
          <Select<HazardStatus[]>
            mode="multiple"
            allowClear
            aria-label={tx('状态', 'Status')}
            placeholder={tx('全部状态', 'All statuses')}
            style={{ minWidth: 260 }}
            value={filter.status ?? []}
            onChange={(v) => set({ status: v.length ? v : undefined })}
            options={HAZARD_STATUSES.map((s) => ({ value: s, label: label(HAZARD_STATUS_LABELS[s]) }))}
          />
          <Select
            allowClear
            aria-label={tx('隐患类别', 'Risk category')}
            placeholder={tx('全部隐患类别', 'All risk categories')}
            style={{ minWidth: 240 }}
            value={filter.riskCategory}
            onChange={(v) => set({ riskCategory: v })}
            options={RISK_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
          />
          <Select
            allowClear
            aria-label={tx('隐患等级', 'Severity')}
            placeholder={tx('全部等级', 'All severities')}
            style={{ minWidth: 140 }}
            value={filter.severity}
            onChange={(v) => set({ severity: v })}
            options={[
              { value: 'general', label: tx('一般隐患', 'General') },
              { value: 'major', label: tx('重大火灾隐患', 'Major') },
            ]}
          />
          <Checkbox checked={filter.overdueOnly ?? false} onChange={(e) => set({ overdueOnly: e.target.checked || undefined })}>
            {tx('仅看逾期', 'Overdue only')}
          </Checkbox>
        </Space>
      </Card>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="hazards-table"
          pagination={{
            current: filter.offset / filter.limit + 1,
            pageSize: filter.limit,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
            onChange: (page, size) => setFilter((f) => ({ ...f, limit: size, offset: (page - 1) * size })),
          }}
          columns={[
            { title: tx('登记时间', 'Registered'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('场所', 'Venue'), dataIndex: 'venueName', render: (v: string | null, r) => <Link href={`/hazards/${r.id}`}>{v ?? tx('（无场所）', '(no venue)')}</Link> },
            {
              title: tx('隐患', 'Hazard'),
              key: 'what',
              render: (_, r) => (
                <>
                  {label(RISK_CATEGORIES.find((c) => c.code === r.riskCategory)) || r.riskCategory}
                  {r.severity === 'major' ? <ToneTag tone="danger">{tx('重大', 'Major')}</ToneTag> : null}
                </>
              ),
            },
            { title: tx('来源', 'Source'), dataIndex: 'source', width: 100, render: (v: string) => label(SOURCE_LABELS[v]) || v },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 110, render: (v: HazardStatus) => <StatusTag status={v} text={label(HAZARD_STATUS_LABELS[v])} /> },
            { title: tx('时限', 'Time limit'), key: 'clock', width: 160, render: (_, r) => (r.status === 'closed' || r.status === 'dismissed' ? '—' : <Clock deadline={(r.nextDeadline ?? r.dueAt)} overdue={r.overdue} />) },
          ]}
        />
      </Card>
    </>
  );
}
