import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC, type RouterInputs, type RouterOutputs } from '@firebreak/client';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Input, Result, Select, Space, Table, Tabs, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useLocation, useSearch } from 'wouter';
import { HAZARD_STATUS_LABELS, LIFECYCLES, REPORT_STATUS_LABELS, RISK_CATEGORIES } from '@firebreak/domain';
import { useText, type Label } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';
import '../lib/oversight.css';

// Kernel labels for what the audit rows carry as codes: the lifecycle's title and its commands' labels.
const ENTITY_LABELS = new Map<string, Label>(LIFECYCLES.map((lc) => [lc.entity, lc.title]));
const ACTION_LABELS = new Map<string, Label>(LIFECYCLES.flatMap((lc) => lc.transitions.map((t) => [`${lc.entity}:${t.command}`, t.label] as const)));
const STATUS_LABELS: Record<string, Record<string, Label>> = { report: REPORT_STATUS_LABELS, hazard: HAZARD_STATUS_LABELS };
const BUILT_IN: Record<string, Label> = { create: { zh: '登记', en: 'Created' }, message: { zh: '消息', en: 'Message' } };
const BREAKS: Record<string, Label> = {
  seq_gap: { zh: '早期记录缺失或序号被改写', en: 'A legacy entry is missing or renumbered' },
  prev_hash_mismatch: { zh: '记录或批次未接续前一哈希', en: 'An entry or batch does not follow its predecessor' },
  hash_mismatch: { zh: '记录内容与其哈希不符（被篡改）', en: 'An entry no longer matches its hash (altered)' },
  batch_gap: { zh: '封存批次缺失', en: 'A sealed batch is missing' },
  batch_hash_mismatch: { zh: '批次内容与链哈希不符', en: 'A batch no longer matches its chain hash' },
  leaf_mismatch: { zh: '批次内记录被删除、增加或移动', en: 'An entry was deleted, added or moved in a batch' },
  root_mismatch: { zh: '批次记录与默克尔根不符', en: 'The entries do not hash to the batch root' },
  anchor_mismatch: { zh: '与外部留存的链头不符', en: 'The chain does not match the kept head' },
};

type Entry = RouterOutputs['audit']['list']['entries'][number];
type ListInput = RouterInputs['audit']['list'];
type Step = RouterOutputs['audit']['accountability']['items'][number]['closedBy'];

/** Official search: names typed, the server answers officials of the reader's subtree. */
function ActorSelect({ value, onChange, label }: { value: string | undefined; onChange: (v: string | undefined) => void; label: string }) {
  const trpc = useTRPC();
  const { tx, role } = useText();
  const [typed, setTyped] = useState('');
  const q = useQuery(trpc.audit.actors.queryOptions({ name: typed }, { enabled: typed.trim().length > 0, placeholderData: keepPreviousData }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      aria-label={label}
      placeholder={tx('输入姓名查找', 'Type a name')}
      style={{ minWidth: 200 }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      notFoundContent={typed ? tx('无匹配人员', 'Nobody matches') : null}
      options={(q.data ?? []).map((a) => ({ value: a.userId, label: `${a.name} · ${role(a.role)}` }))}
    />
  );
}

function dayRange(r: [Dayjs | null, Dayjs | null] | null): { from?: string; to?: string } {
  if (!r) return {};
  return {
    ...(r[0] ? { from: r[0].startOf('day').toISOString() } : {}),
    ...(r[1] ? { to: r[1].endOf('day').toISOString() } : {}),
  };
}

function ChainDrawer({ record, onClose }: { record: { entity: string; entityId: string } | null; onClose: () => void }) {
  const trpc = useTRPC();
  const { tx, role, dateTime, errorText, label } = useText();
  const q = useQuery(trpc.audit.chain.queryOptions(record ?? { entity: 'x', entityId: 'x' }, { enabled: record !== null }));
  return (
    <Drawer open={record !== null} onClose={onClose} size={560} title={tx('记录链', 'Record chain')} destroyOnHidden>
      {record ? (
        <p className="console-muted">
          {label(ENTITY_LABELS.get(record.entity)) || record.entity} · <span className="fb-hash">{record.entityId}</span>
        </p>
      ) : null}
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <Timeline
        data-testid="chain"
        items={(q.data?.entries ?? []).map((e) => ({
          key: e.seq,
          color: e.hashOk && e.included !== false ? 'green' : 'red',
          content: (
            <div className="fb-step">
              <div className="fb-step__who">
                #{e.seq} {label(ACTION_LABELS.get(`${e.entity}:${e.action}`) ?? BUILT_IN[e.action]) || e.action} · {e.actorName} · {role(e.actorRole)}
              </div>
              <div className="fb-step__meta">{dateTime(e.at)}</div>
              <div className="fb-hash">{e.hash}</div>
              <Space size={4} wrap>
                {e.hashOk ? <ToneTag tone="ok">{tx('内容与哈希一致', 'Content matches hash')}</ToneTag> : <ToneTag tone="danger">{tx('内容与哈希不符', 'Hash mismatch')}</ToneTag>}
                {e.included === null ? (
                  <ToneTag tone="warn">{tx('待封存', 'Not sealed yet')}</ToneTag>
                ) : e.included ? (
                  <ToneTag tone="ok">{tx(`已封存于第 ${e.batchId} 批（默克尔证明 ${e.proofLength} 步）`, `Sealed in batch ${e.batchId} (proof of ${e.proofLength})`)}</ToneTag>
                ) : (
                  <ToneTag tone="danger">{tx('不在所属批次中', 'Not in its batch')}</ToneTag>
                )}
              </Space>
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}

function SearchTab() {
  const trpc = useTRPC();
  const { tx, role, dateTime, errorText, label } = useText();
  const search = new URLSearchParams(useSearch());
  const [entity, setEntity] = useState<string | undefined>(search.get('entity') ?? undefined);
  const [entityId, setEntityId] = useState(search.get('entityId') ?? '');
  const [actor, setActor] = useState<string | undefined>();
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [pages, setPages] = useState<number[]>([]);
  const build = (): ListInput => ({
    ...(entity ? { entity } : {}),
    ...(entity && entityId.trim() ? { entityId: entityId.trim() } : {}),
    ...(actor ? { actorUserId: actor } : {}),
    ...dayRange(dates),
    limit: 20,
  });
  const [applied, setApplied] = useState<ListInput>(build);
  const input: ListInput = { ...applied, ...(pages.length ? { beforeSeq: pages.at(-1)! } : {}) };
  const q = useQuery(trpc.audit.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const [chain, setChain] = useState<{ entity: string; entityId: string } | null>(null);
  const status = (e: string, code: string | null) => (code ? label(STATUS_LABELS[e]?.[code]) || code : '');
  return (
    <>
      <Card className="console-filters" size="small">
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            setPages([]);
            setApplied(build());
          }}
          data-testid="audit-search"
        >
          <Space wrap size="middle">
            <ActorSelect label={tx('操作人', 'Actor')} value={actor} onChange={setActor} />
            <Select
              allowClear
              aria-label={tx('对象类型', 'Entity')}
              placeholder={tx('全部对象', 'All entities')}
              style={{ minWidth: 140 }}
              value={entity}
              onChange={(v) => setEntity(v ?? undefined)}
              options={[...ENTITY_LABELS].map(([k, l]) => ({ value: k, label: label(l) }))}
            />
            <Input aria-label={tx('对象编号', 'Record id')} placeholder={tx('对象编号（可选）', 'Record id (optional)')} style={{ width: 240 }} value={entityId} disabled={!entity} onChange={(e) => setEntityId(e.target.value)} />
            <DatePicker.RangePicker aria-label={tx('日期范围', 'Dates')} value={dates} onChange={(v) => setDates(v)} allowEmpty={[true, true]} />
            <Button type="primary" htmlType="submit" data-testid="audit-search-submit">
              {tx('查询', 'Search')}
            </Button>
          </Space>
        </form>
      </Card>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <Card size="small">
        <Table<Entry>
          rowKey={(r) => String(r.seq)}
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.entries ?? []}
          pagination={false}
          data-testid="audit-table"
          columns={[
            { title: tx('序号', 'Seq'), dataIndex: 'seq', width: 80 },
            { title: tx('时间', 'When'), dataIndex: 'at', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('对象', 'Entity'), dataIndex: 'entity', width: 110, render: (v: string) => label(ENTITY_LABELS.get(v)) || v },
            { title: tx('动作', 'Action'), key: 'action', width: 170, render: (_, r) => label(ACTION_LABELS.get(`${r.entity}:${r.action}`) ?? BUILT_IN[r.action]) || r.action },
            { title: tx('状态变化', 'Change'), key: 'change', render: (_, r) => (r.fromStatus || r.toStatus ? `${status(r.entity, r.fromStatus)} → ${status(r.entity, r.toStatus)}` : '—') },
            { title: tx('操作人', 'Who'), key: 'who', render: (_, r) => `${r.actorName} · ${role(r.actorRole)}` },
            {
              title: tx('记录链', 'Chain'),
              key: 'chain',
              width: 100,
              render: (_, r) => (
                <Button size="small" onClick={() => setChain({ entity: r.entity, entityId: r.entityId })} aria-label={tx(`查看第 ${r.seq} 条所属记录链`, `Chain of entry ${r.seq}`)}>
                  {tx('查看', 'Open')}
                </Button>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button disabled={pages.length === 0} onClick={() => setPages((p) => p.slice(0, -1))}>
            {tx('较新', 'Newer')}
          </Button>
          <Button disabled={!q.data?.nextBeforeSeq} onClick={() => setPages((p) => [...p, q.data!.nextBeforeSeq!])} data-testid="audit-older">
            {tx('较早', 'Older')}
          </Button>
          <span className="console-muted">{tx(`第 ${pages.length + 1} 页，每页 20 条，按序号倒序`, `Page ${pages.length + 1}, 20 a page, newest first`)}</span>
        </Space>
      </Card>
      <ChainDrawer record={chain} onClose={() => setChain(null)} />
    </>
  );
}

function VerifyTab() {
  const trpc = useTRPC();
  const { tx, errorText, label, dateTime } = useText();
  const [asked, setAsked] = useState(0);
  const q = useQuery(trpc.audit.verify.queryOptions({}, { enabled: asked > 0, staleTime: 0, gcTime: 0 }));
  const v = q.data;
  return (
    <Card size="small">
      <p className="console-muted">
        {tx(
          '逐条重算每条记录的哈希、每个封存批次的默克尔根与批次链（RFC 6962）。命令行 node tooling/verify-audit.mjs 以独立实现做同样的校验。',
          'Recomputes every entry hash, each sealed batch’s Merkle root and the batch chain (RFC 6962). node tooling/verify-audit.mjs checks the same independently.',
        )}
      </p>
      <Button type="primary" loading={q.isFetching} onClick={() => (asked > 0 ? void q.refetch() : setAsked(1))} data-testid="verify-chain">
        {tx('校验审计链', 'Verify the chain')}
      </Button>
      {q.isError ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(q.error)} /> : null}
      {v && !q.isFetching ? (
        v.ok ? (
          <Result
            status="success"
            title={tx('审计链完整，未发现篡改', 'The chain is intact')}
            subTitle={tx(`校验于 ${dateTime(new Date(q.dataUpdatedAt).toISOString())}`, `Checked ${dateTime(new Date(q.dataUpdatedAt).toISOString())}`)}
            data-testid="verify-result"
            data-ok="true"
          >
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'rows', label: tx('校验记录', 'Entries checked'), children: v.rows },
                { key: 'sealed', label: tx('已封存', 'Sealed'), children: v.sealed },
                { key: 'unsealed', label: tx('待封存', 'Waiting to be sealed'), children: v.unsealed },
                { key: 'batches', label: tx('封存批次', 'Batches'), children: v.batches },
                { key: 'head', label: tx('链头', 'Head'), span: 2, children: v.head ? <span className="fb-hash">#{v.head.batch} {v.head.hash}</span> : '—' },
              ]}
            />
          </Result>
        ) : (
          <Result status="error" title={tx('审计链已断裂', 'The chain is broken')} subTitle={`${label(BREAKS[v.reason]) || v.reason}${v.seq ? ` · #${v.seq}` : ''}${v.batch ? ` · ${tx('批次', 'batch')} ${v.batch}` : ''}`} data-testid="verify-result" data-ok="false" />
        )
      ) : null}
    </Card>
  );
}

function StepCell({ s }: { s: Step }) {
  const { role, dateTime } = useText();
  if (!s) return <>—</>;
  return (
    <div className="fb-step">
      <div className="fb-step__who">
        {s.name} · {role(s.role)}
      </div>
      <div className="fb-step__meta">
        {s.departmentName ?? ''} {dateTime(s.at)}
      </div>
    </div>
  );
}

/** 一案双查: the discipline inspector's read-only view of who checked, who accepted and who closed. */
function AccountabilityTab() {
  const trpc = useTRPC();
  const { tx, label, dateTime, errorText } = useText();
  const [official, setOfficial] = useState<string | undefined>();
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const q = useQuery(trpc.audit.accountability.queryOptions({ ...page, ...(official ? { userId: official } : {}), ...dayRange(dates) }, { placeholderData: keepPreviousData }));
  return (
    <>
      <Card className="console-filters" size="small">
        <p className="console-muted" style={{ marginTop: 0 }}>
          {tx('谁检查谁负责、谁验收谁负责、谁销号谁负责：每处已销号隐患的发现、责令改正、复查验收和销号人员。', 'Who checked, who accepted and who closed each closed hazard.')}
        </p>
        <Space wrap size="middle">
          <ActorSelect
            label={tx('经办人员', 'Official')}
            value={official}
            onChange={(v) => {
              setOfficial(v);
              setPage((p) => ({ ...p, offset: 0 }));
            }}
          />
          <DatePicker.RangePicker
            aria-label={tx('销号日期', 'Closed between')}
            value={dates}
            allowEmpty={[true, true]}
            onChange={(v) => {
              setDates(v);
              setPage((p) => ({ ...p, offset: 0 }));
            }}
          />
        </Space>
      </Card>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <Card size="small">
        <Table
          rowKey="hazardId"
          size="small"
          loading={q.isFetching}
          data-testid="accountability-table"
          dataSource={q.data?.items ?? []}
          pagination={{
            current: page.offset / page.limit + 1,
            pageSize: page.limit,
            total: q.data?.total ?? 0,
            showTotal: (n) => tx(`共 ${n} 件`, `${n} in all`),
            onChange: (p, size) => setPage({ limit: size, offset: (p - 1) * size }),
          }}
          columns={[
            { title: tx('销号时间', 'Closed'), dataIndex: 'closedAt', width: 140, render: (v: string | null) => dateTime(v) },
            {
              title: tx('隐患', 'Hazard'),
              key: 'hazard',
              render: (_, r) => (
                <Link href={`/hazards/${r.hazardId}`}>
                  {r.venueName ?? tx('（无场所）', '(no venue)')} · {label(RISK_CATEGORIES.find((c) => c.code === r.riskCategory)) || r.riskCategory}
                  {r.severity === 'major' ? <ToneTag tone="danger">{tx('重大', 'Major')}</ToneTag> : null}
                </Link>
              ),
            },
            { title: tx('发现', 'Found by'), key: 'found', render: (_, r) => <StepCell s={r.foundBy} /> },
            { title: tx('检查·责令改正', 'Checked (ordered)'), key: 'ordered', render: (_, r) => <StepCell s={r.orderedBy} /> },
            { title: tx('复查验收', 'Accepted'), key: 'accepted', render: (_, r) => <StepCell s={r.acceptedBy} /> },
            { title: tx('销号', 'Closed by'), key: 'closed', render: (_, r) => <StepCell s={r.closedBy} /> },
          ]}
        />
      </Card>
    </>
  );
}

const TABS = ['search', 'verify', 'accountability'] as const;

/** The sealed audit log (issue 11 §9): search, a record's chain, verifying the chain, and 一案双查. */
export default function Audit() {
  const { tx } = useText();
  const [, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('tab');
  const [tab, setTab] = useState<(typeof TABS)[number]>(TABS.find((t) => t === asked) ?? 'search');
  return (
    <>
      <PageHead title={tx('审计日志', 'Audit log')}>
        <span className="console-muted">{tx('每一步办理都留痕：只增不改，分批封存，可独立校验。', 'Every step is recorded: append-only, sealed in batches, independently verifiable.')}</span>
      </PageHead>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as (typeof TABS)[number]);
          navigate(`/audit?tab=${k}`, { replace: true });
        }}
        items={[
          { key: 'search', label: tx('日志检索', 'Search'), children: <SearchTab /> },
          { key: 'verify', label: tx('链校验', 'Verify'), children: <VerifyTab /> },
          { key: 'accountability', label: tx('一案双查', 'Accountability'), children: <AccountabilityTab /> },
        ]}
      />
    </>
  );
}
