import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import type { RewardStatus } from '@firebreak/domain';
import { Alert, Button, Card, Table, Tabs } from 'antd';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
import { REWARD_STATUS_LABELS, Status, useRiskLabel, yuan } from '../lib/rewards';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

/** Work queues by who acts next (the kernel's transition table), then everything. */
const QUEUES: readonly { key: string; label: { zh: string; en: string }; statuses?: RewardStatus[] }[] = [
  { key: 'assess', label: { zh: '待认定 / 核定', en: 'To assess / determine' }, statuses: ['candidate', 'eligible'] },
  { key: 'approve', label: { zh: '待审批', en: 'Awaiting approval' }, statuses: ['determined'] },
  { key: 'pay', label: { zh: '待告知 / 领取 / 发放', en: 'To notify / claim / pay' }, statuses: ['approved', 'notified', 'claimed'] },
  { key: 'done', label: { zh: '已办结', en: 'Finished' }, statuses: ['paid', 'expired', 'withheld', 'ineligible'] },
  { key: 'all', label: { zh: '全部', en: 'All' } },
];

export default function RewardsList() {
  const trpc = useTRPC();
  const access = useAccess();
  const { tx, dateTime, errorText } = useText();
  const risk = useRiskLabel();
  const [queue, setQueue] = useState(access.me.role === 'fire_supervisor' ? 'approve' : 'assess');
  const [paging, setPaging] = useState({ limit: 20, offset: 0 });
  const statuses = QUEUES.find((q) => q.key === queue)?.statuses;
  const list = useQuery(trpc.rewards.list.queryOptions({ ...paging, ...(statuses ? { statuses } : {}) }, { placeholderData: keepPreviousData }));

  return (
    <>
      <PageHead title={tx('举报奖励', 'Rewards')} extra={<Link href="/rewards/year-list"><Button>{tx('年度奖励公示', 'Yearly public list')}</Button></Link>}>
        <span className="console-muted">
          {tx('经核查属实并依法处理的举报：认定、核定金额、他人审批、告知、领取、发放一次。举报人身份不在此显示。', 'Substantiated reports acted on: assess, determine, approval by another person, notify, claim, pay once. Reporter identities are never shown here.')}
        </span>
      </PageHead>
      <Tabs
        activeKey={queue}
        onChange={(k) => {
          setQueue(k);
          setPaging((p) => ({ ...p, offset: 0 }));
        }}
        items={QUEUES.map((q) => ({ key: q.key, label: tx(q.label.zh, q.label.en) }))}
      />
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="rewards-table"
          pagination={{
            current: paging.offset / paging.limit + 1,
            pageSize: paging.limit,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
            onChange: (page, size) => setPaging({ limit: size, offset: (page - 1) * size }),
          }}
          columns={[
            { title: tx('进入奖励程序', 'Opened'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
            {
              title: tx('举报', 'Report'),
              key: 'what',
              render: (_, r) => (
                <Link href={`/rewards/${r.id}`}>
                  {risk(r.report?.riskCategory)}
                  {r.report?.venueName ? ` · ${r.report.venueName}` : ''}
                </Link>
              ),
            },
            { title: tx('渠道', 'Channel'), key: 'channel', width: 110, render: (_, r) => (r.report?.whistleblower ? tx('内部吹哨', 'Whistleblower') : tx('群众举报', 'Public')) },
            { title: tx('金额', 'Amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number | null) => yuan(v) },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 130, render: (v: string) => <Status status={v} labels={REWARD_STATUS_LABELS} /> },
            { title: tx('领取期限', 'Claim by'), dataIndex: 'claimDeadline', width: 150, render: (v: string | null) => dateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
