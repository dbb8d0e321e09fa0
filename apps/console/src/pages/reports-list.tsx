import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterInputs } from '@firebreak/client';
import { REPORT_STATUSES, REPORT_STATUS_LABELS, RISK_CATEGORIES, type ReportStatus } from '@firebreak/domain';
import { Alert, Card, Checkbox, Select, Space, Table } from 'antd';
import { Link } from 'wouter';
import { useText } from '../lib/text';
import { Clock, PageHead, StatusTag, ToneTag } from '../lib/ui';

type Filter = RouterInputs['reports']['list'] & { limit: number; offset: number };
const CHANNELS = ['web', 'open311', 'hotline', 'whistleblower', 'grid'] as const;
const CHANNEL_LABELS: Record<string, { zh: string; en: string }> = {
  web: { zh: '网上举报', en: 'Web' },
  open311: { zh: 'Open311', en: 'Open311' },
  hotline: { zh: '热线', en: 'Hotline' },
  whistleblower: { zh: '内部吹哨', en: 'Whistleblower' },
  grid: { zh: '网格员', en: 'Grid worker' },
};

export default function ReportsList() {
  const trpc = useTRPC();
  const { tx, label, dateTime, errorText } = useText();
  const [filter, setFilter] = useState<Filter>({ limit: 20, offset: 0, status: ['submitted', 'accepted', 'verifying'] });
  const list = useQuery(trpc.reports.list.queryOptions(filter, { placeholderData: keepPreviousData }));
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));

  return (
    <>
      <PageHead title={tx('举报受理', 'Reports')}>
        <span className="console-muted">{tx('本辖区收到的群众举报、热线与网格上报，按收到时间倒序。', 'Reports received in your jurisdiction, newest first.')}</span>
      </PageHead>
      <Card className="console-filters" size="small">
        <Space wrap size="middle">
          <Select<ReportStatus[]>
            mode="multiple"
            allowClear
            aria-label={tx('状态', 'Status')}
            placeholder={tx('全部状态', 'All statuses')}
            style={{ minWidth: 280 }}
            value={filter.status ?? []}
            onChange={(v) => set({ status: v.length ? v : undefined })}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: label(REPORT_STATUS_LABELS[s]) }))}
          />
          <Select
            mode="multiple"
            allowClear
            aria-label={tx('渠道', 'Channel')}
            placeholder={tx('全部渠道', 'All channels')}
            style={{ minWidth: 180 }}
            value={filter.channel ?? []}
            onChange={(v) => set({ channel: v.length ? v : undefined })}
            options={CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS[c]) }))}
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
          <Checkbox checked={filter.overdueOnly ?? false} onChange={(e) => set({ overdueOnly: e.target.checked || undefined })}>
            {tx('仅看已逾期', 'Overdue only')}
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
          data-testid="reports-table"
          pagination={{
            current: filter.offset / filter.limit + 1,
            pageSize: filter.limit,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
            onChange: (page, size) => setFilter((f) => ({ ...f, limit: size, offset: (page - 1) * size })),
          }}
          columns={[
            { title: tx('收到时间', 'Received'), dataIndex: 'submittedAt', width: 150, render: (v: string) => dateTime(v) },
            {
              title: tx('举报内容', 'Report'),
              key: 'what',
              render: (_, r) => (
                <Link href={`/reports/${r.id}`}>
                  {label(RISK_CATEGORIES.find((c) => c.code === r.riskCategory)) || r.riskCategory}
                  {r.urgent ? <ToneTag tone="danger">{tx('紧急', 'Urgent')}</ToneTag> : null}
                </Link>
              ),
            },
            { title: tx('场所 / 地址', 'Venue / address'), key: 'where', render: (_, r) => r.venueName ?? r.address ?? '—' },
            { title: tx('渠道', 'Channel'), dataIndex: 'channel', width: 100, render: (v: string) => label(CHANNEL_LABELS[v]) || v },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 100, render: (v: ReportStatus) => <StatusTag status={v} text={label(REPORT_STATUS_LABELS[v])} /> },
            { title: tx('核查人', 'Verifier'), dataIndex: 'assigneeName', width: 100, render: (v: string | null) => v ?? '—' },
            { title: tx('时限', 'Time limit'), key: 'clock', width: 150, render: (_, r) => <Clock deadline={r.nextDeadline} overdue={r.overdue} /> },
          ]}
        />
      </Card>
    </>
  );
}
