import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { DEFAULT_BLACKLIST_RULES, ENFORCEMENT_ACTIONS, type EnforcementActionKind, type ListingStatus } from '@firebreak/domain';
import { Alert, Card, Descriptions, Table, Tabs } from 'antd';
import { Link } from 'wouter';
import { useText, type Label } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';
import { ListingStatusTag } from './listing-list';

const ENFORCEMENT_STATUS_LABELS: Record<string, Label> = {
  proposed: { zh: '已提出', en: 'Proposed' },
  collective_review: { zh: '集体讨论中', en: 'In collective review' },
  decided: { zh: '已决定', en: 'Decided' },
  served: { zh: '已送达', en: 'Served' },
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  rejected: { zh: '不予批准', en: 'Rejected' },
};

/** Live (on the list, or interviewed) once decided; before that, a proposal waiting for its decision. */
const IN_FORCE = new Set(['decided', 'served', 'executed', 'closed']);

function ActionTable({ kinds, testId }: { kinds: EnforcementActionKind[]; testId: string }) {
  const trpc = useTRPC();
  const { tx, label, dateTime, errorText } = useText();
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const list = useQuery(trpc.enforcement.list.queryOptions({ kind: kinds, ...page }, { placeholderData: keepPreviousData }));
  return (
    <>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        data-testid={testId}
        pagination={{
          current: page.offset / page.limit + 1,
          pageSize: page.limit,
          total: list.data?.total ?? 0,
          showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
          onChange: (p, size) => setPage({ limit: size, offset: (p - 1) * size }),
        }}
        columns={[
          { title: tx('提出时间', 'Proposed'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
          { title: tx('措施', 'Measure'), dataIndex: 'kind', width: 200, render: (v: string) => label(ENFORCEMENT_ACTIONS[v as EnforcementActionKind]?.label) || v },
          { title: tx('当事单位', 'Subject'), key: 'subject', render: (_, r) => r.subjectName ?? r.venueName ?? '—' },
          { title: tx('法律依据', 'Legal basis'), dataIndex: 'legalBasis', render: (v: string | null) => v ?? '—' },
          {
            title: tx('状态', 'Status'),
            dataIndex: 'status',
            width: 130,
            render: (v: string) => <ToneTag tone={IN_FORCE.has(v) ? 'danger' : v === 'proposed' || v === 'collective_review' ? 'warn' : 'muted'}>{label(ENFORCEMENT_STATUS_LABELS[v]) || v}</ToneTag>,
          },
          { title: tx('决定时间', 'Decided'), dataIndex: 'decidedAt', width: 150, render: (v: string | null) => (v ? dateTime(v) : '—') },
        ]}
      />
    </>
  );
}

/** Listings still live and not yet on the public board: approving them (公布/曝光) happens on the listing's page. */
function ExposureApprovals() {
  const trpc = useTRPC();
  const { tx, dateTime, errorText } = useText();
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const live: ListingStatus[] = ['listed', 'rectifying', 'acceptance_requested'];
  const list = useQuery(trpc.listings.all.queryOptions({ status: live, ...page }, { placeholderData: keepPreviousData }));
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={tx('公众曝光台只展示在此审批的事项：挂牌督办须经消安委办“公布”或“曝光”，曝光措施须经决定并执行。', 'The public exposure board shows only what is approved here: a listing once published or exposed, an exposure measure once decided and carried out.')}
      />
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        data-testid="exposure-approvals"
        pagination={{
          current: page.offset / page.limit + 1,
          pageSize: page.limit,
          total: list.data?.total ?? 0,
          showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
          onChange: (p, size) => setPage({ limit: size, offset: (p - 1) * size }),
        }}
        columns={[
          { title: tx('单位', 'Unit'), dataIndex: 'venueName', render: (v: string, r) => <Link href={`/listings/${r.id}`}>{v}</Link> },
          { title: tx('督办文号', 'Reference'), dataIndex: 'listingRef', render: (v: string | null) => v ?? '—' },
          { title: tx('挂牌时间', 'Listed'), dataIndex: 'listedAt', width: 150, render: (v: string | null) => (v ? dateTime(v) : '—') },
          { title: tx('状态', 'Status'), dataIndex: 'status', width: 130, render: (v: ListingStatus) => <ListingStatusTag status={v} /> },
          {
            title: tx('公众曝光台', 'Public board'),
            key: 'board',
            width: 160,
            render: (_, r) =>
              r.published || r.exposed ? (
                <ToneTag tone="danger">{r.exposed ? tx('已曝光', 'Exposed') : tx('已公布', 'Published')}</ToneTag>
              ) : (
                <ToneTag tone="muted">{tx('待审批', 'Awaiting approval')}</ToneTag>
              ),
          },
        ]}
      />
    </>
  );
}

export default function BlacklistRegister() {
  const { tx, label } = useText();
  const rules = DEFAULT_BLACKLIST_RULES;
  return (
    <>
      <PageHead title={tx('失信黑名单、约谈与曝光审批', 'Blacklist, interviews and exposure approvals')} extra={<Link href="/listings">{tx('挂牌督办', 'Listed supervision')}</Link>}>
        <span className="console-muted">{tx('列入须有事由和依据，移出须满足期限并完成整改；约谈留痕；公众曝光台只展示经审批的事项。', 'Entry with grounds, exit after the period and the correction; interviews on record; the public board shows only approved items.')}</span>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }} title={tx('列入与移出条件（当前规则）', 'Entry and exit conditions (rules in force)')}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={tx('列入事由', 'Entry grounds')}>
            {rules.entry.map((c) => (
              <div key={c.code}>
                {label(c.label)}
                {c.windowMonths ? tx(`（${c.windowMonths}个月内${c.minCount > 1 ? `${c.minCount}次及以上` : ''}）`, ` (within ${c.windowMonths} months${c.minCount > 1 ? `, ${c.minCount}+ times` : ''})`) : ''}
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={tx('移出条件', 'Exit conditions')}>
            {[
              tx(`列入（或最后一次失信记录）满${rules.exit.minCleanMonths}个月无新的失信或违法记录`, `${rules.exit.minCleanMonths} months without a new record since entry`),
              ...(rules.exit.requireAllHazardsClosed ? [tx('火灾隐患全部整改销号', 'All hazards closed')] : []),
              ...(rules.exit.requireApplication ? [tx('单位提出信用修复申请', 'The unit applies')] : []),
            ].join('；')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'blacklist', label: tx('失信黑名单', 'Blacklist'), children: <ActionTable kinds={['blacklist_entry', 'blacklist_exit']} testId="blacklist-table" /> },
            { key: 'interviews', label: tx('约谈记录', 'Interviews'), children: <ActionTable kinds={['interview']} testId="interviews-table" /> },
            { key: 'exposure', label: tx('曝光审批', 'Exposure approvals'), children: <ExposureApprovals /> },
          ]}
        />
      </Card>
    </>
  );
}
