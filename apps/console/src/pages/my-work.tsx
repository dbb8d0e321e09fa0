import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { LIFECYCLES, RISK_CATEGORIES } from '@firebreak/domain';
import { STATUS_LABELS } from '../lib/status-labels';
import { Alert, Button, Card, List, Table, Tag } from 'antd';
import { Link } from 'wouter';
import { useText, type Label } from '../lib/text';
import { Clock, PageHead, StatusTag } from '../lib/ui';

/**
 * What waits on me, across kinds, sorted by legal deadline: work.mine (the kernel's table of
 * pending steps: reports to triage, verify or answer; hazards to confirm, order, re-inspect or
 * close; inspections to start, record, co-sign or complete; referrals to acknowledge; approvals
 * of enforcement, listings, rewards and disclosures; campaign tasks of my department). Below it,
 * what the system told me (notifications.mine: escalations by the deadline job, assignments,
 * reporters' messages).
 */
export default function MyWork() {
  const trpc = useTRPC();
  const { tx, label, errorText } = useText();
  const q = useQuery(trpc.work.mine.queryOptions({ limit: 200 }));
  type Item = NonNullable<typeof q.data>['items'][number];
  const cat = (code: string | null) => label(RISK_CATEGORIES.find((c) => c.code === code)) || code;
  const items = q.data?.items ?? [];
  return (
    <>
      <PageHead title={tx('我的待办', 'My work')}>
        <span className="console-muted">{tx('等待我办理的事项，按法定时限排序；逾期标红。', 'What waits on me, by legal deadline; overdue in red.')}</span>
      </PageHead>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      {q.data?.truncated ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={tx('待办较多，仅显示时限最近的 200 项。', 'Many items wait: the 200 with the nearest deadlines are shown.')} /> : null}
      <Card size="small">
        <Table<Item>
          rowKey={(r) => `${r.entity}:${r.id}`}
          size="middle"
          data-testid="work-table"
          loading={q.isFetching}
          dataSource={items}
          pagination={{ pageSize: 20, showTotal: (n) => tx(`共 ${n} 项`, `${n} items`) }}
          locale={{ emptyText: tx('暂无待办', 'Nothing waits on you') }}
          rowClassName={(r) => (r.overdue ? 'console-row-overdue' : '')}
          columns={[
            { title: tx('类别', 'Kind'), dataIndex: 'entity', width: 110, render: (e: string) => <Tag>{label(ENTITY_TITLES.get(e)) || e}</Tag> },
            {
              title: tx('待办', 'To do'),
              key: 'task',
              width: 160,
              render: (_, r) => {
                const path = ENTITY_PATHS[r.entity];
                return path ? <Link href={`${path}${r.id}`}>{label(r.task)}</Link> : label(r.task);
              },
            },
            { title: tx('事项', 'Subject'), key: 'what', render: (_, r) => r.title ?? cat(r.riskCategory) ?? '—' },
            { title: tx('场所', 'Venue'), dataIndex: 'venueName', render: (v: string | null) => v ?? '—' },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 110, render: (st: string, r) => <StatusTag status={st} text={statusText(r.entity, st, label)} /> },
            { title: tx('时限（工作日）', 'Clock (working days)'), key: 'clock', width: 170, render: (_, r) => <Clock deadline={r.dueAt} overdue={r.overdue} /> },
          ]}
        />
      </Card>
      <Notifications />
    </>
  );
}

const ENTITY_TITLES = new Map<string, Label>(LIFECYCLES.map((lc) => [lc.entity, lc.title]));

function statusText(entity: string, status: string, label: (l: Label | undefined) => string): string {
  return label(STATUS_LABELS[entity]?.[status]) || status;
}

const ENTITY_PATHS: Readonly<Record<string, string>> = { report: '/reports/', hazard: '/hazards/', inspection: '/inspections/', reward: '/rewards/', listing: '/listings/' };

/** What the system told me (escalations, assignments, reporters' messages), unread first: notifications.mine. */
function Notifications() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { tx, dateTime, errorText } = useText();
  const q = useQuery(trpc.notifications.mine.queryOptions());
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: () => void client.invalidateQueries({ queryKey: trpc.notifications.mine.queryKey() }) }));
  const rows = [...(q.data ?? [])].sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null));
  const unread = rows.filter((r) => r.readAt === null).map((r) => r.id);
  return (
    <Card
      size="small"
      title={tx(`提醒（${unread.length} 条未读）`, `Notifications (${unread.length} unread)`)}
      style={{ marginTop: 16 }}
      data-testid="my-notifications"
      extra={
        unread.length > 0 ? (
          <Button size="small" loading={markRead.isPending} onClick={() => markRead.mutate({ ids: unread.slice(0, 200) })}>
            {tx('全部标为已读', 'Mark all read')}
          </Button>
        ) : null
      }
    >
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <List
        size="small"
        loading={q.isFetching}
        dataSource={rows.slice(0, 50)}
        locale={{ emptyText: tx('暂无提醒', 'No notifications') }}
        renderItem={(n) => {
          const path = ENTITY_PATHS[n.entity];
          return (
            <List.Item data-testid="notification" data-id={n.id} className={n.readAt === null ? 'console-notification--unread' : undefined}>
              <List.Item.Meta
                title={path ? <Link href={`${path}${n.entityId}`}>{n.subject}</Link> : n.subject}
                description={
                  <span className="console-muted">
                    {n.body} · {dateTime(String(n.createdAt))}
                  </span>
                }
              />
              {n.readAt === null ? <Tag>{tx('未读', 'Unread')}</Tag> : null}
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
