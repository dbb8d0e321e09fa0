import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterInputs } from '@firebreak/client';
import { INSPECTION_SOURCES, INSPECTION_STATUSES, type InspectionSource, type InspectionStatus } from '@firebreak/domain';
import { Alert, Button, Card, Checkbox, Select, Space, Table } from 'antd';
import { Link, useLocation, useSearch } from 'wouter';
import { useAccess } from '../lib/access';
import { INSPECTION_SOURCE_TEXT, INSPECTION_STATUS_TEXT, INSPECTION_TONES, sourceText } from '../lib/inspection-labels';
import { useText } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

type Filter = RouterInputs['inspections']['list'] & { limit: number; offset: number };

/** The filter a link names in its query string (the dashboard's figures open the list this way). */
function filterOfSearch(q: URLSearchParams): Partial<Filter> {
  const status = (q.get('status') ?? '').split(',').filter((s): s is InspectionStatus => (INSPECTION_STATUSES as readonly string[]).includes(s));
  const source = (q.get('source') ?? '').split(',').filter((s): s is InspectionSource => (INSPECTION_SOURCES as readonly string[]).includes(s));
  return { ...(status.length ? { status } : {}), ...(source.length ? { source } : {}) };
}

export default function InspectionsList() {
  const trpc = useTRPC();
  const access = useAccess();
  const [, navigate] = useLocation();
  const { tx, label, dateTime, errorText } = useText();
  const search = useSearch();
  const [filter, setFilter] = useState<Filter>(() => ({ limit: 20, offset: 0, ...filterOfSearch(new URLSearchParams(search)) }));
  const list = useQuery(trpc.inspections.list.queryOptions(filter, { placeholderData: keepPreviousData }));
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  return (
    <>
      <PageHead
        title={tx('监督检查', 'Inspections')}
        extra={
          access.can('inspection.plan') ? (
            <div className="console-actions" data-testid="inspections-actions">
              <Button type="primary" onClick={() => navigate('/inspections/new')}>
                {tx('制定检查计划', 'Plan an inspection')}
              </Button>
            </div>
          ) : null
        }
      >
        <span className="console-muted">{tx('检查人员不少于两人，逐项检查、双方签字，发现的问题办结后逐条进入隐患台账。', 'At least two inspectors, item by item, signed by both sides; findings go on the ledger when the inspection is completed.')}</span>
      </PageHead>
      <Card className="console-filters" size="small">
        <Space wrap size="middle">
          <Select<InspectionStatus[]>
            mode="multiple"
            allowClear
            aria-label={tx('状态', 'Status')}
            placeholder={tx('全部状态', 'All statuses')}
            style={{ minWidth: 260 }}
            value={filter.status ?? []}
            onChange={(v) => set({ status: v.length ? v : undefined })}
            options={INSPECTION_STATUSES.map((s) => ({ value: s, label: label(INSPECTION_STATUS_TEXT[s]) }))}
          />
          <Select<InspectionSource[]>
            mode="multiple"
            allowClear
            aria-label={tx('检查来源', 'Source')}
            placeholder={tx('全部来源', 'All sources')}
            style={{ minWidth: 260 }}
            value={filter.source ?? []}
            onChange={(v) => set({ source: v.length ? v : undefined })}
            options={INSPECTION_SOURCES.map((s) => ({ value: s, label: label(INSPECTION_SOURCE_TEXT[s]) }))}
          />
          <Checkbox checked={filter.mine ?? false} onChange={(e) => set({ mine: e.target.checked || undefined })}>
            {tx('仅看我参加的', 'Only mine')}
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
          data-testid="inspections-table"
          pagination={{
            current: filter.offset / filter.limit + 1,
            pageSize: filter.limit,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
            onChange: (page, size) => setFilter((f) => ({ ...f, limit: size, offset: (page - 1) * size })),
          }}
          columns={[
            { title: tx('计划日期', 'Planned for'), dataIndex: 'plannedFor', width: 120, render: (v: string | null) => v ?? '—' },
            { title: tx('被检查单位', 'Venue'), dataIndex: 'venueName', render: (v: string, r) => <Link href={`/inspections/${r.id}`}>{v}</Link> },
            { title: tx('来源', 'Source'), dataIndex: 'source', width: 130, render: (v: string) => label(sourceText(v)) || v },
            { title: tx('发现问题', 'Findings'), dataIndex: 'findings', width: 100, render: (n: number) => (n > 0 ? <ToneTag tone="danger">{n}</ToneTag> : n) },
            {
              title: tx('状态', 'Status'),
              dataIndex: 'status',
              width: 130,
              render: (v: InspectionStatus) => (
                <span data-status={v}>
                  <ToneTag tone={INSPECTION_TONES[v]}>{label(INSPECTION_STATUS_TEXT[v])}</ToneTag>
                </span>
              ),
            },
            { title: tx('办结时间', 'Completed'), dataIndex: 'finishedAt', width: 150, render: (v: string | null) => dateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
