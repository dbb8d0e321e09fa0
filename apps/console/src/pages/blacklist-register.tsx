import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { BLACKLIST_EVENT_KINDS, DEFAULT_BLACKLIST_RULES, ENFORCEMENT_ACTIONS, type BlacklistEventKind, type EnforcementActionKind, type ListingStatus } from '@firebreak/domain';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
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

function ActionTable({ kinds, testId }: { kinds: ('blacklist_entry' | 'blacklist_exit' | 'interview')[]; testId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const access = useAccess();
  const { message } = App.useApp();
  const { tx, label, dateTime, errorText } = useText();
  const [deciding, setDeciding] = useState<{ id: string; version: number } | null>(null);
  const [form] = Form.useForm<{ decisionRef: string }>();
  const decide = useMutation({
    mutationFn: (decisionRef: string) => client.enforcement.decide.mutate({ id: deciding!.id, version: deciding!.version, decisionRef }),
    onSuccess: async () => {
      setDeciding(null);
      form.resetFields();
      message.success(tx('已作出决定', 'Decided'));
      await qc.invalidateQueries({ queryKey: trpc.blacklist.measures.queryKey() });
      await qc.invalidateQueries({ queryKey: trpc.blacklist.standing.queryKey() });
    },
  });
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const list = useQuery(trpc.blacklist.measures.queryOptions({ kind: kinds, ...page }, { placeholderData: keepPreviousData }));
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
          { title: tx('法律依据', 'Legal basis'), dataIndex: 'basisArticle', render: (v: number | null) => (v === null ? '—' : tx(`《消防法》第${v}条`, `Fire Law art. ${v}`)) },
          {
            title: tx('状态', 'Status'),
            dataIndex: 'status',
            width: 130,
            render: (v: string) => <ToneTag tone={IN_FORCE.has(v) ? 'danger' : v === 'proposed' || v === 'collective_review' ? 'warn' : 'muted'}>{label(ENFORCEMENT_STATUS_LABELS[v]) || v}</ToneTag>,
          },
          { title: tx('决定时间', 'Decided'), dataIndex: 'decidedAt', width: 150, render: (v: string | null) => (v ? dateTime(v) : '—') },
          {
            title: tx('操作', 'Action'),
            key: 'act',
            width: 100,
            render: (_, r) =>
              r.status === 'proposed' && access.can('enforcement.decide') ? (
                <Button size="small" onClick={() => setDeciding({ id: r.id, version: r.version })}>
                  {tx('决定', 'Decide')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={tx('作出决定', 'Decide')}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        okText={tx('确定', 'Confirm')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={decide.isPending}
        forceRender
      >
        {decide.isError ? <Alert type="error" showIcon role="alert" title={errorText(decide.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v.decisionRef)}>
          <Form.Item name="decisionRef" label={tx('决定书文号', 'Decision number')} rules={[{ required: true, message: tx('请填写决定书文号', 'Required') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

const EVENT_LABELS: Record<BlacklistEventKind, { zh: string; en: string }> = {
  major_hazard_not_corrected: { zh: '重大火灾隐患逾期拒不整改', en: 'Major hazard not corrected after the deadline' },
  false_commitment: { zh: '虚假（失实）消防安全承诺', en: 'False commitment' },
  violation: { zh: '消防违法行为受到行政处罚', en: 'Penalised violation' },
  obstructed_inspection: { zh: '拒绝、阻碍消防监督检查', en: 'Obstructed an inspection' },
};

/** Pick a unit, see its standing (read from the record), propose its entry or exit. */
function ProposeBlacklist() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { tx, label, dateTime, errorText } = useText();
  const [search, setSearch] = useState('');
  const [venueId, setVenueId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'entry' | 'exit' | null>(null);
  const [form] = Form.useForm();
  const venues = useQuery(trpc.public.venues.search.queryOptions({ query: search, limit: 20 }, { enabled: search.trim().length > 0, placeholderData: keepPreviousData }));
  const standing = useQuery(trpc.blacklist.standing.queryOptions({ venueId: venueId ?? '00000000-0000-4000-8000-000000000000' }, { enabled: venueId !== null }));
  const propose = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      dialog === 'entry'
        ? client.blacklist.proposeEntry.mutate({
            venueId: venueId!,
            facts: v.facts as string,
            ...(typeof v.article === 'number' ? { basis: { article: v.article } } : {}),
            events: v.eventKind ? [{ kind: v.eventKind as BlacklistEventKind, at: v.eventAt ? (v.eventAt as Dayjs).toISOString() : new Date().toISOString(), refId: (v.eventRef as string | undefined) ?? '' }] : [],
          })
        : client.blacklist.proposeExit.mutate({ venueId: venueId!, facts: v.facts as string, appliedAt: v.appliedAt ? (v.appliedAt as Dayjs).toISOString() : null }),
    onSuccess: async () => {
      setDialog(null);
      form.resetFields();
      message.success(tx('已提出，待负责人决定', 'Proposed; waiting for the decision'));
      await qc.invalidateQueries({ queryKey: trpc.blacklist.measures.queryKey() });
      await qc.invalidateQueries({ queryKey: trpc.blacklist.standing.queryKey() });
    },
  });
  const st = standing.data;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={tx('提请列入或移出', 'Propose entry or exit')} data-testid="blacklist-propose">
      <Space wrap align="start">
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          aria-label={tx('当事单位', 'Unit')}
          placeholder={tx('输入单位名称搜索', 'Search a unit by name')}
          style={{ minWidth: 320 }}
          value={venueId}
          onChange={setVenueId}
          options={(venues.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        />
        {st ? (
          <span data-testid="blacklist-standing" data-listed={st.standing.listed ? 'true' : 'false'}>
            {st.standing.listed ? <ToneTag tone="danger">{tx(`已列入（${dateTime(st.standing.enteredAt)}）`, `Listed since ${dateTime(st.standing.enteredAt)}`)}</ToneTag> : <ToneTag tone="ok">{tx('未列入', 'Not listed')}</ToneTag>}
            {st.standing.pending ? <ToneTag tone="warn">{tx('有待决定的建议', 'A proposal awaits decision')}</ToneTag> : null}
            <span className="console-muted">{tx(`未销号隐患 ${st.openHazards} 处，已决定处罚 ${st.penalties} 起`, `${st.openHazards} open hazard(s), ${st.penalties} penalty(ies)`)}</span>
          </span>
        ) : null}
        {standing.isError ? <Alert type="error" showIcon title={errorText(standing.error)} /> : null}
      </Space>
      {st ? (
        <div className="console-actions" style={{ marginTop: 12 }}>
          <Button type="primary" danger disabled={st.standing.listed || st.standing.pending !== null} onClick={() => setDialog('entry')}>
            {tx('提请列入', 'Propose entry')}
          </Button>
          <Button disabled={!st.standing.listed || st.standing.pending !== null} onClick={() => setDialog('exit')}>
            {tx('提请移出', 'Propose exit')}
          </Button>
        </div>
      ) : null}
      <Modal
        open={dialog !== null}
        title={dialog === 'entry' ? tx('提请列入消防安全失信黑名单', 'Propose blacklist entry') : tx('提请移出消防安全失信黑名单', 'Propose blacklist exit')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={tx('提出', 'Propose')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={propose.isPending}
        forceRender
      >
        {propose.isError ? <Alert type="error" showIcon role="alert" title={errorText(propose.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => propose.mutate(v)} preserve={false}>
          <Form.Item name="facts" label={dialog === 'entry' ? tx('列入事由', 'Grounds') : tx('整改及信用修复情况', 'Correction and credit repair')} rules={[{ required: true, message: tx('请填写', 'Required') }]}>
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
          {dialog === 'entry' ? (
            <>
              <Form.Item name="article" label={tx('法律依据：《消防法》第几条', 'Legal basis: Fire Law article')} rules={[{ required: true, message: tx('请填写法律依据', 'Required') }]}>
                <InputNumber min={1} max={200} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="eventKind" label={tx('失信记录（系统已有的处罚记录自动计入）', 'Record (penalties on file count by themselves)')}>
                <Select allowClear options={BLACKLIST_EVENT_KINDS.filter((k) => k !== 'violation').map((k) => ({ value: k, label: label(EVENT_LABELS[k]) }))} />
              </Form.Item>
              <Form.Item name="eventAt" label={tx('发生时间（不填为现在）', 'When (now if empty)')}>
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="eventRef" label={tx('案卷编号', 'Case reference')} rules={[({ getFieldValue }) => ({ required: Boolean(getFieldValue('eventKind')), message: tx('请填写案卷编号', 'Required') })]}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="appliedAt" label={tx('单位申请信用修复的时间', 'When the unit applied')} rules={[{ required: true, message: tx('请选择时间', 'Required') }]}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
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
  const access = useAccess();
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
            {
              key: 'blacklist',
              label: tx('失信黑名单', 'Blacklist'),
              children: (
                <>
                  {access.can('enforcement.propose') ? <ProposeBlacklist /> : null}
                  <ActionTable kinds={['blacklist_entry', 'blacklist_exit']} testId="blacklist-table" />
                </>
              ),
            },
            { key: 'interviews', label: tx('约谈记录', 'Interviews'), children: <ActionTable kinds={['interview']} testId="interviews-table" /> },
            { key: 'exposure', label: tx('曝光审批', 'Exposure approvals'), children: <ExposureApprovals /> },
          ]}
        />
      </Card>
    </>
  );
}
