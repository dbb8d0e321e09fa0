import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { HAZARD_STATUS_LABELS, REPORT_STATUS_LABELS, RISK_CATEGORIES, type HazardStatus, type ReportStatus } from '@firebreak/domain';
import { Alert, Button, Card, List, Table, Tag } from 'antd';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
import { useText } from '../lib/text';
import { Clock, PageHead, StatusTag } from '../lib/ui';

interface Item {
  readonly key: string;
  readonly kind: 'report' | 'hazard';
  readonly href: string;
  readonly what: string;
  readonly where: string;
  readonly status: string;
  readonly statusText: string;
  readonly task: string;
  readonly deadline: string | null;
  readonly overdue: boolean;
}

/**
 * What waits on me, across kinds, sorted by legal deadline. Built in the browser from
 * the lists the contract has (no "my work" procedure yet): reports to triage, verify or
 * answer, hazards to confirm, order, re-inspect or close, by what this role may do; below
 * it, what the system told me (notifications.mine: escalations by the deadline job,
 * assignments, reporters' messages).
 */
export default function MyWork() {
  const trpc = useTRPC();
  const access = useAccess();
  const { tx, label, errorText } = useText();
  const role = access.me.role;
  const reportStatuses: ReportStatus[] = [];
  if (access.can('report.triage')) reportStatuses.push('submitted');
  if (access.can('report.verify') || access.can('report.assign')) reportStatuses.push('accepted', 'verifying');
  if (access.can('report.reply')) reportStatuses.push('substantiated', 'unfounded');
  const hazardStatuses: HazardStatus[] = [];
  if (access.can('hazard.confirm')) hazardStatuses.push('found');
  if (access.can('hazard.order')) hazardStatuses.push('confirmed');
  if (access.can('hazard.reinspect')) hazardStatuses.push('remediation_submitted');
  if (access.can('hazard.escalate')) hazardStatuses.push('ordered', 'overdue');
  if (access.can('hazard.close') && role === 'fire_supervisor') hazardStatuses.push('verified');
  const reports = useQuery(trpc.reports.list.queryOptions({ status: reportStatuses, limit: 100, offset: 0 }, { enabled: reportStatuses.length > 0 }));
  const hazards = useQuery(trpc.hazards.list.queryOptions({ status: hazardStatuses, limit: 100, offset: 0 }, { enabled: hazardStatuses.length > 0 }));
  const cat = (code: string | null) => label(RISK_CATEGORIES.find((c) => c.code === code)) || (code ?? "");
  const reportTask: Record<string, string> = {
    submitted: tx('待受理', 'Triage'),
    accepted: tx('待核查', 'Verify'),
    verifying: tx('核查中', 'Verifying'),
    substantiated: tx('待答复', 'Reply'),
    unfounded: tx('待答复', 'Reply'),
  };
  const hazardTask: Record<string, string> = {
    found: tx('待确认', 'Confirm'),
    confirmed: tx('待责令改正', 'Order correction'),
    remediation_submitted: tx('待复查', 'Re-inspect'),
    ordered: tx('整改中（到期督办）', 'Correcting (escalate when due)'),
    overdue: tx('逾期督办', 'Overdue'),
    verified: tx('待销号', 'Close'),
  };
  const items: Item[] = [
    ...(reports.data?.items ?? [])
      .filter((r) => r.status !== 'verifying' || r.assigneeName === access.me.name || access.can('report.assign'))
      .map((r) => ({
        key: `r${r.id}`,
        kind: 'report' as const,
        href: `/reports/${r.id}`,
        what: cat(r.riskCategory),
        where: r.venueName ?? r.address ?? '—',
        status: r.status,
        statusText: label(REPORT_STATUS_LABELS[r.status as ReportStatus]),
        task: reportTask[r.status] ?? '',
        deadline: (r.nextDeadline) ?? null,
        overdue: r.overdue,
      })),
    ...(hazards.data?.items ?? [])
      .filter((h) => h.status !== 'ordered' || h.overdue)
      .map((h) => ({
        key: `h${h.id}`,
        kind: 'hazard' as const,
        href: `/hazards/${h.id}`,
        what: cat(h.riskCategory),
        where: h.venueName ?? '—',
        status: h.status,
        statusText: label(HAZARD_STATUS_LABELS[h.status as HazardStatus]),
        task: hazardTask[h.status] ?? '',
        deadline: ((h.nextDeadline ?? h.dueAt)) ?? null,
        overdue: h.overdue,
      })),
  ].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const error = reports.error ?? hazards.error;
  return (
    <>
      <PageHead title={tx('我的待办', 'My work')}>
        <span className="console-muted">{tx('等待我办理的事项，按法定时限排序；逾期标红。', 'What waits on me, by legal deadline; overdue in red.')}</span>
      </PageHead>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Card size="small">
        <Table<Item>
          rowKey="key"
          size="middle"
          data-testid="work-table"
          loading={reports.isFetching || hazards.isFetching}
          dataSource={items}
          pagination={{ pageSize: 20, showTotal: (n) => tx(`共 ${n} 项`, `${n} items`) }}
          locale={{ emptyText: tx('暂无待办', 'Nothing waits on you') }}
          rowClassName={(r) => (r.overdue ? 'console-row-overdue' : '')}
          columns={[
            { title: tx('类别', 'Kind'), dataIndex: 'kind', width: 90, render: (k: Item['kind']) => <Tag>{k === 'report' ? tx('举报', 'Report') : tx('隐患', 'Hazard')}</Tag> },
            { title: tx('待办', 'To do'), dataIndex: 'task', width: 150, render: (t: string, r) => <Link href={r.href}>{t}</Link> },
            { title: tx('事项', 'Subject'), dataIndex: 'what' },
            { title: tx('场所 / 地址', 'Venue / address'), dataIndex: 'where' },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 110, render: (s: string, r) => <StatusTag status={s} text={r.statusText} /> },
            { title: tx('时限（工作日）', 'Clock (working days)'), key: 'clock', width: 170, render: (_, r) => <Clock deadline={r.deadline} overdue={r.overdue} /> },
          ]}
        />
      </Card>
      <Notifications />
    </>
  );
}

const ENTITY_PATHS: Readonly<Record<string, string>> = { report: '/reports/', hazard: '/hazards/', inspection: '/inspections/' };

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
