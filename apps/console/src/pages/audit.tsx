import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Alert, Card, Table } from 'antd';
import { useSearch } from 'wouter';
import { HAZARD_STATUS_LABELS, LIFECYCLES, REPORT_STATUS_LABELS } from '@firebreak/domain';
import { useText, type Label } from '../lib/text';

// Kernel labels for what the audit rows carry as codes: the lifecycle's title and its commands' labels.
const ENTITY_LABELS = new Map<string, Label>(LIFECYCLES.map((lc) => [lc.entity, lc.title]));
const ACTION_LABELS = new Map<string, Label>(LIFECYCLES.flatMap((lc) => lc.transitions.map((t) => [`${lc.entity}:${t.command}`, t.label] as const)));
const STATUS_LABELS: Record<string, Record<string, Label>> = { report: REPORT_STATUS_LABELS, hazard: HAZARD_STATUS_LABELS };
const BUILT_IN: Record<string, Label> = { create: { zh: '登记', en: 'Created' }, message: { zh: '消息', en: 'Message' } };
import { PageHead } from '../lib/ui';

export default function Audit() {
  const trpc = useTRPC();
  const { tx, role, dateTime, errorText, label } = useText();
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const status = (entity: unknown, code: unknown) => (code ? label(STATUS_LABELS[text(entity)]?.[text(code)]) || text(code) : '');
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
          dataSource={(q.data?.entries ?? [])}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: tx('序号', 'Seq'), dataIndex: 'seq', width: 80 },
            { title: tx('时间', 'When'), dataIndex: 'at', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('对象', 'Entity'), dataIndex: 'entity', width: 110, render: (v: string) => label(ENTITY_LABELS.get(v)) || v },
            { title: tx('动作', 'Action'), key: 'action', width: 170, render: (_, r) => label(ACTION_LABELS.get(`${String(r.entity)}:${String(r.action)}`) ?? BUILT_IN[String(r.action)]) || String(r.action) },
            { title: tx('状态变化', 'Change'), key: 'change', render: (_, r) => `${status(r.entity, r.fromStatus)} → ${status(r.entity, r.toStatus)}` },
            { title: tx('操作人', 'Who'), key: 'who', render: (_, r) => `${String(r.actorName ?? '')} · ${role(r.actorRole)}` },
          ]}
        />
      </Card>
    </>
  );
}
