import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { Alert, App, Button, Card, Segmented, Table } from 'antd';
import { renderNotification, shortRef } from '@firebreak/domain';
import { useText, type Label } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

type Delivery = RouterOutputs['admin']['outbox']['list'][number];
type Filter = 'all' | 'pending' | 'sent' | 'dead';

const CHANNELS: Record<string, Label> = {
  in_app: { zh: '站内', en: 'In-app' },
  email: { zh: '电子邮件', en: 'Email' },
  sms: { zh: '短信', en: 'SMS' },
  hotline: { zh: '热线回拨', en: 'Hotline callback' },
};
const STATUSES: Record<string, { label: Label; tone: 'warn' | 'ok' | 'danger' }> = {
  pending: { label: { zh: '待投递', en: 'Pending' }, tone: 'warn' },
  sent: { label: { zh: '已送达', en: 'Sent' }, tone: 'ok' },
  dead: { label: { zh: '死信', en: 'Dead letter' }, tone: 'danger' },
};

/**
 * Notification deliveries for the admin (issue 10): what went out, what is retrying with its
 * next attempt, and the dead letters with their last error, each of which can be put back in
 * the queue once the channel is fixed. Deliveries hold no contact details.
 */
export default function NotificationsAdmin() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { tx, label, dateTime, errorText, en } = useText();
  const [filter, setFilter] = useState<Filter>('all');
  const input = filter === 'all' ? { limit: 200 } : { status: filter, limit: 200 };
  const q = useQuery(trpc.admin.outbox.list.queryOptions(input));
  const requeue = useMutation(
    trpc.admin.outbox.requeue.mutationOptions({
      onSuccess: () => {
        void message.success(tx('已重新排队投递', 'Back in the queue'));
        void client.invalidateQueries({ queryKey: trpc.admin.outbox.list.queryKey() });
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  return (
    <>
      <PageHead title={tx('通知投递', 'Notification deliveries')}>
        <span className="console-muted">{tx('最近 200 条；不含任何联系方式', 'Latest 200; no contact details are kept here')}</span>
      </PageHead>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <Card size="small">
        <Segmented<Filter>
          aria-label={tx('按状态筛选', 'Filter by status')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: tx('全部', 'All') },
            { value: 'pending', label: label(STATUSES.pending!.label) },
            { value: 'sent', label: label(STATUSES.sent!.label) },
            { value: 'dead', label: label(STATUSES.dead!.label) },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Table<Delivery>
          rowKey="id"
          size="small"
          data-testid="deliveries"
          loading={q.isFetching}
          dataSource={q.data ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: tx('没有符合条件的投递记录', 'No deliveries match') }}
          columns={[
            { title: tx('创建时间', 'Created'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
            {
              title: tx('事件', 'Event'),
              dataIndex: 'template',
              width: 260,
              render: (v: string, r) => (
                <span title={v}>
                  {renderNotification(v, en ? 'en' : 'zh-CN', { ref: shortRef(r.entityId) }).subject}
                  <span className="console-muted"> · {shortRef(r.entityId)}</span>
                </span>
              ),
            },
            { title: tx('渠道', 'Channel'), dataIndex: 'channel', width: 100, render: (v: string) => label(CHANNELS[v]) || v },
            { title: tx('对象', 'To'), dataIndex: 'recipientKind', width: 90, render: (v: string) => (v === 'staff' ? tx('工作人员', 'Staff') : tx('举报人', 'Reporter')) },
            {
              title: tx('状态', 'Status'),
              dataIndex: 'status',
              width: 100,
              render: (v: string) => <ToneTag tone={STATUSES[v]?.tone ?? 'warn'}>{label(STATUSES[v]?.label) || v}</ToneTag>,
            },
            { title: tx('尝试次数', 'Attempts'), dataIndex: 'attempts', width: 90 },
            {
              title: tx('下次尝试 / 送达', 'Next attempt / sent'),
              key: 'when',
              width: 150,
              render: (_, r) => (r.status === 'sent' ? dateTime(r.sentAt) : r.status === 'pending' ? dateTime(r.nextAttemptAt) : '—'),
            },
            { title: tx('最后错误', 'Last error'), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => v ?? '' },
            {
              title: tx('操作', 'Action'),
              key: 'action',
              width: 110,
              render: (_, r) =>
                r.status === 'dead' ? (
                  <Button size="small" loading={requeue.isPending && requeue.variables?.deliveryId === r.id} onClick={() => requeue.mutate({ deliveryId: r.id })}>
                    {tx('重新投递', 'Requeue')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
