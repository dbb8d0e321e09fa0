import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { LISTING_STATUSES, type ListingStatus } from '@firebreak/domain';
import { Alert, Card, Select, Space, Table } from 'antd';
import { Link } from 'wouter';
import { useText, type Label } from '../lib/text';
import { Clock, PageHead, ToneTag } from '../lib/ui';

export const LISTING_STATUS_LABELS: Record<ListingStatus, Label> = {
  proposed: { zh: '提请挂牌', en: 'Proposed' },
  declined: { zh: '不予挂牌', en: 'Declined' },
  listed: { zh: '已挂牌督办', en: 'Listed' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  acceptance_requested: { zh: '申请验收', en: 'Acceptance requested' },
  delisted: { zh: '已摘牌销案', en: 'De-listed' },
};

const TONE: Record<ListingStatus, 'warn' | 'muted' | 'danger' | 'info' | 'violet' | 'ok'> = {
  proposed: 'warn',
  declined: 'muted',
  listed: 'danger',
  rectifying: 'info',
  acceptance_requested: 'violet',
  delisted: 'ok',
};

export function ListingStatusTag({ status }: { status: ListingStatus }) {
  const { label } = useText();
  return (
    <span data-status={status}>
      <ToneTag tone={TONE[status]}>{label(LISTING_STATUS_LABELS[status])}</ToneTag>
    </span>
  );
}

export default function ListingList() {
  const trpc = useTRPC();
  const { tx, label, dateTime, errorText } = useText();
  const [filter, setFilter] = useState<{ status?: ListingStatus[]; limit: number; offset: number }>({ limit: 20, offset: 0 });
  const list = useQuery(trpc.listings.all.queryOptions(filter, { placeholderData: keepPreviousData }));
  return (
    <>
      <PageHead title={tx('重大火灾隐患挂牌督办', 'Listed supervision of major hazards')} extra={<Link href="/blacklist">{tx('失信黑名单与约谈', 'Blacklist and interviews')}</Link>}>
        <span className="console-muted">{tx('政府挂牌督办、限期整改、现场验收后摘牌销案；“四个一批”：挂牌一批、公布一批、曝光一批、处理一批。', 'Listed by the government, rectified by a deadline, de-listed after on-site acceptance.')}</span>
      </PageHead>
      <Card className="console-filters" size="small">
        <Space wrap>
          <Select<ListingStatus[]>
            mode="multiple"
            allowClear
            aria-label={tx('状态', 'Status')}
            placeholder={tx('全部状态', 'All statuses')}
            style={{ minWidth: 280 }}
            value={filter.status ?? []}
            onChange={(v) => setFilter((f) => ({ ...f, status: v.length ? v : undefined, offset: 0 }))}
            options={LISTING_STATUSES.map((s) => ({ value: s, label: label(LISTING_STATUS_LABELS[s]) }))}
          />
        </Space>
      </Card>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="listings-table"
          pagination={{
            current: filter.offset / filter.limit + 1,
            pageSize: filter.limit,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
            onChange: (page, size) => setFilter((f) => ({ ...f, limit: size, offset: (page - 1) * size })),
          }}
          columns={[
            { title: tx('提请时间', 'Proposed'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('单位', 'Unit'), dataIndex: 'venueName', render: (v: string, r) => <Link href={`/listings/${r.id}`}>{v}</Link> },
            { title: tx('督办文号', 'Reference'), dataIndex: 'listingRef', render: (v: string | null) => v ?? '—' },
            { title: tx('隐患数', 'Hazards'), dataIndex: 'hazardIds', width: 80, render: (v: string[]) => v.length },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 130, render: (v: ListingStatus) => <ListingStatusTag status={v} /> },
            {
              title: tx('公布/曝光', 'Published / exposed'),
              key: 'flags',
              width: 130,
              render: (_, r) => (
                <>
                  {r.published ? <ToneTag tone="info">{tx('已公布', 'Published')}</ToneTag> : null}
                  {r.exposed ? <ToneTag tone="danger">{tx('已曝光', 'Exposed')}</ToneTag> : null}
                  {!r.published && !r.exposed ? '—' : null}
                </>
              ),
            },
            { title: tx('整改期限', 'Rectify by'), key: 'clock', width: 160, render: (_, r) => (r.status === 'delisted' || r.status === 'declined' ? '—' : <Clock deadline={r.nextDeadline} />) },
          ]}
        />
      </Card>
    </>
  );
}
