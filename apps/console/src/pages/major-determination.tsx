import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import {
  decideMajorHazard,
  DEFAULT_COLLECTIVE_DECISION_RULES,
  DETERMINATION_KINDS_BY_ROLE,
  determineMajorHazard,
  GB35181_RULE_TABLES,
  HAZARD_STATUS_LABELS,
  RISK_CATEGORIES,
  VENUE_CLASS_LABELS,
  VENUE_CLASSES,
  type CollectiveDecisionKind,
  type MajorHazardDetermination,
  type RuleTable,
  type Role,
  type VenueClass,
} from '@firebreak/domain';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Modal, Radio, Result, Select, Space, Spin, Switch } from 'antd';
import { Link, useLocation } from 'wouter';
import { useAccess } from '../lib/access';
import { isStale, useText, type Label } from '../lib/text';
import { Clock, PageHead, StaleNotice, StatusTag, ToneTag } from '../lib/ui';

interface Ticked {
  readonly code: string;
  readonly correctableImmediately: boolean;
}

const KIND_LABELS: Record<CollectiveDecisionKind, Label> = {
  collective: { zh: '集体讨论（至少3人）', en: 'Collective discussion (3 or more)' },
  expert_group: { zh: '专家组论证（至少7人，2/3以上同意）', en: 'Expert group (7 or more, two thirds agreeing)' },
};

/** How the kernel's deciding rule reads on screen. */
export function ruleLabel(table: RuleTable | undefined, rule: string): Label {
  if (rule === 'direct') return { zh: '直接判定要素（第6章）', en: 'Direct element (chapter 6)' };
  if (rule === 'excluded') return { zh: '符合排除情形（不判定为重大火灾隐患）', en: 'Exclusion applies' };
  if (rule === 'none') return { zh: '未达到任何组合规则', en: 'No combination rule reached' };
  if (rule === 'override') return { zh: '专家组论证意见', en: 'Expert group override' };
  const combo = table?.combinations.find((c) => c.id === rule);
  return combo?.text ?? { zh: rule, en: rule };
}

export default function MajorDetermination({ params }: { params: Record<string, string | undefined> }) {
  const hazardId = params.id!;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const [, navigate] = useLocation();
  const { tx, label, role, dateTime, errorText } = useText();
  const context = useQuery(trpc.major.context.queryOptions({ hazardId }));
  const venueId = context.data?.venue?.id;
  const listings = useQuery(
    trpc.listings.all.queryOptions({ venueId: venueId ?? '00000000-0000-4000-8000-000000000000', limit: 20, offset: 0 }, { enabled: Boolean(venueId) && access.capabilities.has('dashboard.read') }),
  );

  const [ruleVersion, setRuleVersion] = useState<string | null>(null);
  const [classes, setClasses] = useState<VenueClass[] | null>(null);
  const [ticked, setTicked] = useState<Ticked[]>([]);
  const [exclusions, setExclusions] = useState<string[]>([]);
  const kinds = DETERMINATION_KINDS_BY_ROLE[access.me.role as Role] ?? [];
  const [kind, setKind] = useState<CollectiveDecisionKind | null>(null);
  const [participants, setParticipants] = useState<string[] | null>(null);
  const [votesFor, setVotesFor] = useState<number | null>(null);
  const [overrideOn, setOverrideOn] = useState(false);
  const [overrideMajor, setOverrideMajor] = useState(true);
  const [overrideReason, setOverrideReason] = useState('');
  const [stale, setStale] = useState(false);
  const [proposeOpen, setProposeOpen] = useState(false);
  const [proposeForm] = Form.useForm<{ reason: string }>();

  const version = ruleVersion ?? context.data?.defaultRuleVersion ?? '2017';
  const table = GB35181_RULE_TABLES[version];
  const suggested = context.data?.suggestedVenueClasses;
  const venueClasses = useMemo(() => classes ?? suggested ?? [], [classes, suggested]);
  const decisionKind = kind ?? kinds[0] ?? 'collective';
  const myName = access.me.name;
  const people = useMemo(() => participants ?? [myName], [participants, myName]);
  const votes = votesFor ?? people.length;
  const canDetermine = access.can('major.determine') && kinds.length > 0;

  const input = useMemo(() => ({ venueClasses, elements: ticked, exclusions }), [venueClasses, ticked, exclusions]);
  // The kernel, in the browser: what the counting rules say, and whether the whole decision stands.
  const computed = useMemo(() => (table ? determineMajorHazard(table, input) : null), [table, input]);
  const live = useMemo(
    () =>
      decideMajorHazard({
        ruleVersion: version,
        input,
        decision: { kind: decisionKind, participants: people.map((p) => ({ userId: p })), votesFor: votes },
        override: overrideOn ? { major: overrideMajor, reason: overrideReason } : undefined,
        determinationId: 'preview',
      }),
    [version, input, decisionKind, people, votes, overrideOn, overrideMajor, overrideReason],
  );
  const quorum = DEFAULT_COLLECTIVE_DECISION_RULES[decisionKind];
  const distinct = new Set(people.map((p) => p.trim())).size;
  const votesNeeded = quorum.agreement ? Math.ceil((distinct * quorum.agreement.numerator) / quorum.agreement.denominator) : 0;

  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.major.context.queryKey({ hazardId }) });
    await qc.invalidateQueries({ queryKey: trpc.hazards.get.queryKey({ id: hazardId }) });
  };
  const determine = useMutation({
    mutationFn: () =>
      client.major.determine.mutate({
        hazardId,
        hazardVersion: context.data!.hazard.version,
        ruleVersion: version,
        venueClasses,
        elements: ticked,
        exclusions,
        decision: { kind: decisionKind, participants: people.map((p) => ({ userId: p })), votesFor: votes },
        ...(overrideOn ? { override: { major: overrideMajor, reason: overrideReason } } : {}),
      }),
    onSuccess: async (r) => {
      message.success(r.determination.major ? tx('已判定为重大火灾隐患', 'Determined a major hazard') : tx('已记录判定：不构成重大火灾隐患', 'Recorded: not a major hazard'));
      setTicked([]);
      setExclusions([]);
      setOverrideOn(false);
      setOverrideReason('');
      await reload();
    },
    onError: (e) => {
      if (isStale(e)) setStale(true);
    },
  });
  const propose = useMutation({
    mutationFn: (reason: string) => client.listings.propose.mutate({ venueId: venueId!, hazardIds: [hazardId], reason }),
    onSuccess: (r) => {
      setProposeOpen(false);
      message.success(tx('已提请挂牌督办', 'Listing proposed'));
      navigate(`/listings/${r.id}`);
    },
  });

  if (context.isPending) return <Spin />;
  if (context.isError) return <Result status="warning" title={errorText(context.error)} extra={<Link href={`/hazards/${hazardId}`}>{tx('返回隐患', 'Back to the hazard')}</Link>} />;
  const { hazard, venue, clocks, determinations } = context.data;
  const category = RISK_CATEGORIES.find((c) => c.code === hazard.riskCategory);
  const latest = determinations[0];
  const isTicked = (code: string) => ticked.some((t) => t.code === code);
  const toggle = (code: string, on: boolean) => setTicked((list) => (on ? [...list, { code, correctableImmediately: false }] : list.filter((t) => t.code !== code)));
  const setCorrectable = (code: string, on: boolean) => setTicked((list) => list.map((t) => (t.code === code ? { ...t, correctableImmediately: on } : t)));
  const combosFor = (code: string) =>
    (table?.combinations ?? []).filter((c) => c.anyOf !== 'any' && c.anyOf.includes(code) && c.venueClasses.some((v) => venueClasses.includes(v)));
  const openListing = listings.data?.items.find((l) => l.status !== 'declined' && l.status !== 'delisted');

  const elementRow = (e: RuleTable['elements'][number]) => {
    const on = isTicked(e.code);
    const t = ticked.find((x) => x.code === e.code);
    return (
      <div key={e.code} className="console-message" data-testid={`element-${e.code}`}>
        <Checkbox checked={on} onChange={(ev) => toggle(e.code, ev.target.checked)} disabled={!canDetermine}>
          <strong>{e.code}</strong> {label(e.text)}
        </Checkbox>
        {e.confirmed !== 'C' ? <ToneTag tone="muted">{e.confirmed === 'P' ? tx('部分核实', 'Partly confirmed') : tx('待核实', 'Unconfirmed')}</ToneTag> : null}
        {combosFor(e.code).map((c) => (
          <ToneTag key={c.id} tone="info">
            {tx(`计入${c.min}项组合`, `Counts toward ${c.min}+`)}
          </ToneTag>
        ))}
        {on ? (
          <div style={{ marginInlineStart: 24, marginTop: 4 }}>
            <Checkbox checked={t?.correctableImmediately ?? false} onChange={(ev) => setCorrectable(e.code, ev.target.checked)}>
              {tx('可以立即改正（不计入判定）', 'Can be corrected at once (not counted)')}
            </Checkbox>
          </div>
        ) : null}
      </div>
    );
  };

  const resultView = (r: MajorHazardDetermination | null) =>
    r ? (
      <div data-testid="live-result" data-major={r.major ? 'true' : 'false'} data-rule={r.decidedBy.rule}>
        <Alert
          type={r.major ? 'error' : 'info'}
          showIcon
          title={r.major ? tx('构成重大火灾隐患', 'A major fire hazard') : tx('不构成重大火灾隐患', 'Not a major fire hazard')}
          description={
            <>
              <div>
                {tx('判定依据：', 'Decided by: ')}
                <strong data-testid="live-rule">{label(ruleLabel(table, r.decidedBy.rule))}</strong>
              </div>
              {r.decidedBy.elements.length > 0 ? <div>{tx('据以判定的要素：', 'Elements: ')}{r.decidedBy.elements.join('、')}</div> : null}
              <div>{tx('计入要素：', 'Counted: ')}{r.counted.length ? r.counted.join('、') : '—'}</div>
              {r.droppedCorrectable.length ? <div>{tx('可立即改正、不计入：', 'Correctable, dropped: ')}{r.droppedCorrectable.join('、')}</div> : null}
              {r.exclusions.length ? <div>{tx('排除情形：', 'Exclusions: ')}{r.exclusions.map((c) => label(table?.exclusions.find((x) => x.code === c)?.text)).join('；')}</div> : null}
            </>
          }
        />
      </div>
    ) : null;

  return (
    <>
      <PageHead
        title={
          <>
            {tx('重大火灾隐患判定', 'Major hazard determination')}
            {hazard.major ? <ToneTag tone="danger">{tx('重大火灾隐患', 'Major')}</ToneTag> : null}
          </>
        }
        extra={
          <Space>
            <Link href={`/hazards/${hazardId}`}>{tx('返回隐患', 'Back to the hazard')}</Link>
            {access.capabilities.has('dashboard.read') ? <Link href="/listings">{tx('挂牌督办', 'Listed supervision')}</Link> : null}
          </Space>
        }
      >
        <span className="console-muted">{tx('依据 GB 35181《重大火灾隐患判定方法》，勾选适用的判定要素，系统按标准实时给出判定结果；判定须经集体讨论或专家组论证。', 'Tick the GB 35181 elements that apply; the kernel decides live. A determination needs a collective discussion or an expert group.')}</span>
      </PageHead>
      {stale ? <StaleNotice onReload={() => void reload()} /> : null}
      <div className="console-grid">
        <div className="console-stack">
          <Card title={tx('隐患与场所', 'Hazard and venue')} size="small">
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={tx('隐患', 'Hazard')}>
                {label(category) || hazard.riskCategory} <StatusTag status={hazard.status} text={label(HAZARD_STATUS_LABELS[hazard.status])} />
              </Descriptions.Item>
              <Descriptions.Item label={tx('场所', 'Venue')}>{venue?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('隐患描述', 'Description')} span={2}>
                {hazard.description}
              </Descriptions.Item>
              <Descriptions.Item label={tx('提出处理意见期限', 'Handling opinion by')}>
                <span data-testid="opinion-clock">{hazard.major || latest ? dateTime(clocks.opinion.due) : <Clock deadline={clocks.opinion.due} />}</span>
                <div className="console-muted">{clocks.opinion.basis}</div>
              </Descriptions.Item>
              <Descriptions.Item label={tx('整改通知书期限', 'Notice by')}>
                <span data-testid="notice-clock">{clocks.notice ? <Clock deadline={clocks.notice.due} /> : tx('判定为重大火灾隐患后起算', 'Starts once determined major')}</span>
                {clocks.notice ? <div className="console-muted">{clocks.notice.basis}{clocks.notice.withExperts ? tx('；专家论证延长10个工作日', '; +10 working days with experts') : ''}</div> : null}
              </Descriptions.Item>
            </Descriptions>
          </Card>

          <Card title={tx('场所类别与标准版本', 'Venue class and edition')} size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <span id="rule-version-label">{tx('标准版本', 'Edition')}</span>
                <Select aria-labelledby="rule-version-label" value={version} style={{ minWidth: 220 }} onChange={setRuleVersion} options={Object.values(GB35181_RULE_TABLES).map((t) => ({ value: t.version, label: label(t.title) || t.version }))} />
              </Space>
              <div role="group" aria-label={tx('场所类别', 'Venue class')} data-testid="venue-classes">
                <Checkbox.Group
                  value={venueClasses}
                  disabled={!canDetermine}
                  onChange={(v) => setClasses(v)}
                  options={VENUE_CLASSES.map((c) => ({ value: c, label: label(VENUE_CLASS_LABELS[c]) }))}
                />
              </div>
              <span className="console-muted">{tx('按场所的行业类别预选，可根据实际情况调整。', "Preselected from the venue's categories; adjust to the facts.")}</span>
            </Space>
          </Card>

          <Card title={tx('直接判定要素（任一项即判定为重大火灾隐患）', 'Direct elements (any one is a major hazard)')} size="small" data-testid="direct-elements">
            {table?.elements.filter((e) => e.chapter === 'direct').map(elementRow)}
          </Card>
          <Card title={tx('综合判定要素（按组合规则计数）', 'Comprehensive elements (counted in combinations)')} size="small" data-testid="comprehensive-elements">
            {table?.elements.filter((e) => e.chapter === 'comprehensive').map(elementRow)}
          </Card>
          <Card title={tx('排除情形', 'Exclusions')} size="small">
            <Checkbox.Group
              value={exclusions}
              disabled={!canDetermine}
              onChange={(v) => setExclusions(v)}
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={(table?.exclusions ?? []).map((x) => ({ value: x.code, label: label(x.text) }))}
            />
          </Card>
        </div>

        <div className="console-stack">
          <Card title={tx('判定结果（实时）', 'Result (live)')} size="small">
            {resultView(computed?.ok ? computed.value : null)}
            {computed && !computed.ok ? <Alert type="warning" showIcon title={label({ zh: computed.error.messageZh, en: computed.error.message })} /> : null}
            {live.ok && live.value.result.override ? (
              <Alert style={{ marginTop: 8 }} type="warning" showIcon title={tx(`专家组论证意见：${live.value.result.major ? '构成' : '不构成'}重大火灾隐患`, `Expert override: ${live.value.result.major ? 'major' : 'not major'}`)} />
            ) : null}
          </Card>

          <Card title={tx('集体决策', 'Collective decision')} size="small" data-testid="collective-decision">
            {!canDetermine ? (
              <Alert type="info" showIcon title={tx('判定由消防救援机构负责人集体讨论或专家组论证作出，您可查看判定记录。', 'The agency leaders or an expert group decide; you may read the records.')} />
            ) : (
              <Form layout="vertical" onFinish={() => determine.mutate()}>
                <Form.Item label={tx('决策方式', 'Kind')}>
                  <Radio.Group value={decisionKind} onChange={(e) => setKind(e.target.value as CollectiveDecisionKind)} options={kinds.map((k) => ({ value: k, label: label(KIND_LABELS[k]) }))} />
                </Form.Item>
                <Form.Item label={tx('参加人员（输入姓名后回车）', 'Participants (type a name, press Enter)')} htmlFor="participants">
                  <Select
                    id="participants"
                    mode="tags"
                    value={people}
                    onChange={(v: string[]) => setParticipants(v.map((p) => p.trim()).filter((p) => p !== ''))}
                    tokenSeparators={['，', ',', '、']}
                    open={false}
                    suffixIcon={null}
                    data-testid="participants"
                  />
                </Form.Item>
                <Form.Item label={tx('同意人数', 'Votes for')} htmlFor="votes-for" extra={quorum.agreement ? tx(`${distinct}人参加，至少${votesNeeded}人同意`, `${distinct} taking part, ${votesNeeded} must agree`) : tx(`${distinct}人参加，至少${quorum.minParticipants}人`, `${distinct} taking part, at least ${quorum.minParticipants}`)}>
                  <InputNumber id="votes-for" min={0} max={100} value={votes} onChange={(v) => setVotesFor(typeof v === 'number' ? v : 0)} />
                </Form.Item>
                {decisionKind === 'expert_group' ? (
                  <Form.Item label={tx('专家组论证意见不同于计数结果（GB 35181 5.3.4）', 'Expert group departs from the count (5.3.4)')}>
                    <Switch checked={overrideOn} onChange={setOverrideOn} aria-label={tx('专家组论证意见', 'Expert override')} />
                    {overrideOn ? (
                      <div style={{ marginTop: 8 }}>
                        <Radio.Group value={overrideMajor} onChange={(e) => setOverrideMajor(e.target.value as boolean)} options={[{ value: true, label: tx('构成重大火灾隐患', 'Major') }, { value: false, label: tx('不构成', 'Not major') }]} />
                        <Input.TextArea aria-label={tx('论证理由', 'Reason')} placeholder={tx('论证理由', 'Reason')} rows={3} maxLength={4000} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} style={{ marginTop: 8 }} />
                      </div>
                    ) : null}
                  </Form.Item>
                ) : null}
                {!live.ok ? (
                  <Alert type="warning" showIcon role="status" data-testid="quorum-check" title={label({ zh: live.error.messageZh, en: live.error.message })} style={{ marginBottom: 12 }} />
                ) : (
                  <Alert
                    type="success"
                    showIcon
                    role="status"
                    data-testid="quorum-check"
                    title={tx(`决策有效：${live.value.quorum.participants}人参加，${live.value.quorum.votesFor}人同意`, `Valid: ${live.value.quorum.participants} took part, ${live.value.quorum.votesFor} agreed`)}
                    style={{ marginBottom: 12 }}
                  />
                )}
                {determine.isError && !stale ? <Alert type="error" showIcon role="alert" title={errorText(determine.error)} style={{ marginBottom: 12 }} /> : null}
                <Button type="primary" htmlType="submit" disabled={!live.ok} loading={determine.isPending} data-testid="record-determination">
                  {tx('记录判定', 'Record the determination')}
                </Button>
              </Form>
            )}
          </Card>

          <Card
            title={tx('判定记录', 'Determinations')}
            size="small"
            extra={
              hazard.major && access.can('listing.propose') && venueId && !openListing ? (
                <Button type="primary" onClick={() => setProposeOpen(true)} data-testid="propose-listing">
                  {tx('提请挂牌督办', 'Propose listing')}
                </Button>
              ) : openListing ? (
                <Link href={`/listings/${openListing.id}`} data-testid="open-listing">
                  {tx('查看挂牌督办', 'Open the listing')}
                </Link>
              ) : null
            }
          >
            {determinations.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚无判定记录', 'No determination yet')} />
            ) : (
              <div data-testid="determinations">
                {determinations.map((d) => {
                  const dec = d.decision as { kind?: CollectiveDecisionKind; participants?: { userId: string }[]; votesFor?: number };
                  return (
                    <div key={d.id} className="console-message" data-testid="determination-row">
                      <div className="console-message__meta">
                        {dateTime(d.determinedAt)} · {d.determinedByName} · {role(d.determinedByRole)}
                      </div>
                      <ToneTag tone={d.major ? 'danger' : 'muted'}>{d.major ? tx('重大火灾隐患', 'Major') : tx('不构成', 'Not major')}</ToneTag>{' '}
                      {label(ruleLabel(GB35181_RULE_TABLES[d.ruleVersion], d.decidedByRule))}
                      <div className="console-muted">
                        {dec.kind === 'expert_group' ? tx('专家组论证', 'Expert group') : tx('集体讨论', 'Collective discussion')} · {tx(`${dec.participants?.length ?? 0}人参加，${dec.votesFor ?? 0}人同意`, `${dec.votesFor ?? 0} of ${dec.participants?.length ?? 0} agreed`)} · GB 35181-{d.ruleVersion}
                        {d.computedMajor !== d.major ? tx('（专家组论证意见不同于计数结果）', ' (expert override)') : ''}
                      </div>
                    </div>
                  );
                })}
              </div>
            )}
          </Card>
        </div>
      </div>
      <Modal
        open={proposeOpen}
        title={tx('提请挂牌督办', 'Propose listed supervision')}
        onCancel={() => setProposeOpen(false)}
        onOk={() => proposeForm.submit()}
        okText={tx('提请', 'Propose')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={propose.isPending}
        forceRender
      >
        {propose.isError ? <Alert type="error" showIcon role="alert" title={errorText(propose.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={proposeForm} layout="vertical" onFinish={(v) => propose.mutate(v.reason)}>
          <Form.Item name="reason" label={tx('提请理由', 'Reason')} rules={[{ required: true, message: tx('请填写提请理由', 'Give the reason') }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
