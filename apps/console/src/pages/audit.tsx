import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Alert, Card, Table } from 'antd';
import { useSearch } from 'wouter';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

export default function Audit() {
  const trpc = useTRPC();
  const { tx, role, dateTime, errorText } = useText();
  const search = new URLSearchParams(useSearch());
  const entity = search.get('entity') ?? undefined;
  const entityId = search.get('entityId') ?? undefined;
  const q = useQuery(trpc.audit.list.queryOptions({ ...(entity ? { entity } : {}), ...(entityId ? { entityId } : {}), limit: 100 }));
  return (
    <>
      <PageHead title={tx('审计日志', 'Audit log')}>
        <span className="console-muted">{entityId ? `${entity} · ${entityId}` : tx('最近 100 条', 'Latest 100 entries')}</span>
      </PageHead>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <Card size="small">
        <Table
          rowKey={(r) => String((r as { seq: number }).seq)}
          size="small"
          loading={q.isFetching}
          dataSource={(q.data?.entries ?? []) as Record<string, unknown>[]}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: tx('序号', 'Seq'), dataIndex: 'seq', width: 80 },
            { title: tx('时间', 'When'), dataIndex: 'at', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('对象', 'Entity'), dataIndex: 'entity', width: 110 },
            { title: tx('动作', 'Action'), dataIndex: 'action', width: 150 },
            { title: tx('状态变化', 'Change'), key: 'change', render: (_, r) => `${String(r.fromStatus ?? r.from ?? '')} → ${String(r.toStatus ?? r.to ?? '')}` },
            { title: tx('操作人', 'Who'), key: 'who', render: (_, r) => `${String(r.actorName ?? '')} · ${role(r.actorRole as string)}` },
          ]}
        />
      </Card>
    </>
  );
}
