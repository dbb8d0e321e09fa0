import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient, type RouterOutputs } from '@firebreak/client';
import { rewardLifecycle } from '@firebreak/domain';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Modal, Result, Space, Spin, Steps, Table, Timeline } from 'antd';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
import { CLAIM_STATUS_LABELS, DISCLOSURE_STATUS_LABELS, REWARD_STATUS_LABELS, Status, useRiskLabel, yuan } from '../lib/rewards';
import { isStale, useText } from '../lib/text';
import { allowedCommands, PageHead, StaleNotice, type Step } from '../lib/ui';

type Reward = RouterOutputs['rewards']['get'];
type Dialog = 'ineligible' | 'send_back' | 'withhold' | 'verify' | 'reject_claim' | 'disclosure' | null;
type Judgement = {
  isFireAgencyStaffOrRelative?: boolean;
  isUnitResponsiblePerson?: boolean;
  hazardAlreadyKnown?: boolean;
  underInspection?: boolean;
  maliciousOrFalse?: boolean;
  jointReporters?: number;
  alreadyPaidThisYearYuan?: number;
};

// The main path as steps; a recorded claim waits for the payout, so 'claimed' sits on the last step.
const PATH = ['candidate', 'eligible', 'determined', 'approved', 'notified', 'claimed'] as const;
const EXCLUSIONS = [
  ['isFireAgencyStaffOrRelative', '举报人系消防救援机构工作人员或其近亲属', 'The reporter is fire-agency staff or a close relative'],
  ['isUnitResponsiblePerson', '举报人系被举报单位的消防安全责任人、管理人', "The reporter is the unit's responsible person or manager"],
  ['hazardAlreadyKnown', '隐患已被掌握（举报前已发现）', 'The hazard was already known before the report'],
  ['underInspection', '举报时已在检查、处理中', 'Already under inspection when reported'],
  ['maliciousOrFalse', '恶意或虚假举报', 'Malicious or false report'],
] as const;

export default function RewardPage({ params }: { params: Record<string, string | undefined> }) {
  const rewardId = params.id!;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const { tx, role, dateTime, errorText } = useText();
  const risk = useRiskLabel();
  const query = useQuery(trpc.rewards.get.queryOptions({ rewardId }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [claimId, setClaimId] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [judgement, setJudgement] = useState<Judgement>({});
  const [paymentReference, setPaymentReference] = useState('');
  const [form] = Form.useForm();

  const status = query.data?.status ?? '';
  const commands = access.readOnly || !query.data ? [] : allowedCommands(rewardLifecycle, status, access.me.role);
  const can = (cmd: string, cap: Parameters<typeof access.can>[0]) => commands.includes(cmd) && access.can(cap);
  const judgementInput = {
    ...Object.fromEntries(EXCLUSIONS.map(([k]) => [k, judgement[k] ?? false])),
    jointReporters: judgement.jointReporters ?? 1,
    alreadyPaidThisYearFen: Math.round((judgement.alreadyPaidThisYearYuan ?? 0) * 100),
  };
  const preview = useQuery(trpc.rewards.preview.queryOptions({ rewardId, judgement: judgementInput }, { enabled: can('determine', 'reward.determine') }));

  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.rewards.get.queryKey({ rewardId }) });
    await qc.invalidateQueries({ queryKey: trpc.rewards.list.queryKey() });
  };
  const run = useMutation({
    mutationFn: async (fn: () => Promise<unknown>) => fn(),
    onSuccess: async () => {
      setDialog(null);
      form.resetFields();
      setPaymentReference('');
      message.success(tx('已办理', 'Done'));
      await reload();
    },
    onError: async (e) => {
      if (isStale(e)) setStale(true);
      // Refused because the record moved on (paid elsewhere ...): show where it is now, beside the refusal.
      else if (!dialog) await qc.invalidateQueries({ queryKey: trpc.rewards.get.queryKey({ rewardId }) });
    },
  });

  if (query.isPending) return <Spin />;
  if (query.isError) return <Result status="warning" title={errorText(query.error)} extra={<Link href="/rewards">{tx('返回列表', 'Back to the list')}</Link>} />;
  const r: Reward = query.data;
  const s = r.state;
  const why = r.why;
  const current = status === 'paid' ? PATH.length - 1 : PATH.indexOf(status as (typeof PATH)[number]);
  const terminalOff = ['ineligible', 'expired', 'withheld'].includes(status);

  const steps: Step[] = [
    { what: tx('进入奖励程序', 'Opened'), who: s.createdBy.name, role: s.createdBy.role, at: s.createdBy.at },
    ...(s.assessment ? [{ what: s.assessment.eligible ? tx('认定符合奖励条件', 'Found eligible') : tx('认定不予奖励', 'Found ineligible'), who: s.assessment.by.name, role: s.assessment.by.role, at: s.assessment.by.at, note: s.assessment.reasons.join('；') || null }] : []),
    ...(s.sentBack ? [{ what: tx('退回重新核定', 'Sent back'), who: s.sentBack.by.name, role: s.sentBack.by.role, at: s.sentBack.by.at, note: s.sentBack.reason }] : []),
    ...(s.determination ? [{ what: tx(`核定金额 ${yuan(s.determination.amountFen)}`, `Determined ${yuan(s.determination.amountFen)}`), who: s.determination.by.name, role: s.determination.by.role, at: s.determination.by.at }] : []),
    ...(s.approval ? [{ what: tx('审批同意', 'Approved'), who: s.approval.name, role: s.approval.role, at: s.approval.at }] : []),
    ...(s.notification ? [{ what: tx('通过回执告知举报人', 'Reporter told through the receipt'), who: s.notification.name, role: s.notification.role, at: s.notification.at }] : []),
    ...(s.claim ? [{ what: tx('登记领奖申请', 'Claim recorded'), who: s.claim.by.name, role: s.claim.by.role, at: s.claim.by.at }] : []),
    ...(s.payment ? [{ what: tx(`发放奖金，支付凭证 ${s.payment.reference}`, `Paid, payment reference ${s.payment.reference}`), who: s.payment.by.name, role: s.payment.by.role, at: s.payment.by.at }] : []),
    ...(s.expiredBy ? [{ what: tx('逾期未领', 'Expired unclaimed'), who: s.expiredBy.name, role: s.expiredBy.role, at: s.expiredBy.at }] : []),
    ...(s.withholding ? [{ what: tx('不予发放', 'Withheld'), who: s.withholding.by.name, role: s.withholding.by.role, at: s.withholding.by.at, note: s.withholding.reason }] : []),
  ];

  const submit = (values: Record<string, string>) => {
    if (dialog === 'ineligible') run.mutate(() => client.rewards.assessIneligible.mutate({ rewardId, reasons: [values.reason ?? ''] }));
    else if (dialog === 'send_back') run.mutate(() => client.rewards.sendBack.mutate({ rewardId, reason: values.reason ?? '' }));
    else if (dialog === 'withhold') run.mutate(() => client.rewards.withhold.mutate({ rewardId, reason: values.reason ?? '' }));
    else if (dialog === 'verify' && claimId) run.mutate(() => client.rewards.claims.verifyIdentity.mutate({ claimId, method: values.method ?? '' }));
    else if (dialog === 'reject_claim' && claimId) run.mutate(() => client.rewards.claims.reject.mutate({ claimId, reason: values.reason ?? '' }));
    else if (dialog === 'disclosure') run.mutate(() => client.disclosures.request.mutate({ reportId: r.reportId, reason: values.reason ?? '' }));
  };
  const dialogTitle: Record<Exclude<Dialog, null>, string> = {
    ineligible: tx('认定不予奖励', 'Find ineligible'),
    send_back: tx('退回重新核定', 'Send back for redetermination'),
    withhold: tx('不予发放', 'Withhold'),
    verify: tx('核验领奖人身份', 'Verify the claimant’s identity'),
    reject_claim: tx('驳回领奖申请', 'Reject the claim'),
    disclosure: tx('申请查阅举报人身份', 'Request the reporter’s identity'),
  };

  return (
    <>
      <PageHead
        title={
          <>
            {tx('奖励', 'Reward')} · {risk(r.report?.riskCategory)} <Status status={status} labels={REWARD_STATUS_LABELS} />
          </>
        }
        extra={
          commands.length > 0 ? (
            <div className="console-actions" data-testid="reward-actions">
              {can('assess_eligible', 'reward.determine') ? (
                <Button type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.rewards.assessEligible.mutate({ rewardId }))}>
                  {tx('认定符合奖励条件', 'Find eligible')}
                </Button>
              ) : null}
              {can('assess_ineligible', 'reward.determine') ? <Button onClick={() => setDialog('ineligible')}>{tx('认定不予奖励', 'Find ineligible')}</Button> : null}
              {can('approve', 'reward.approve') ? (
                <Button type="primary" loading={run.isPending} data-testid="approve" onClick={() => run.mutate(() => client.rewards.approve.mutate({ rewardId }))}>
                  {tx('审批同意', 'Approve')}
                </Button>
              ) : null}
              {can('send_back', 'reward.approve') ? <Button onClick={() => setDialog('send_back')}>{tx('退回重新核定', 'Send back')}</Button> : null}
              {can('notify', 'reward.determine') ? (
                <Button type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.rewards.notify.mutate({ rewardId }))}>
                  {tx('告知举报人领奖', 'Notify the reporter')}
                </Button>
              ) : null}
              {can('expire', 'reward.determine') && r.claimDeadline && new Date(r.claimDeadline) < new Date() ? (
                <Button loading={run.isPending} onClick={() => run.mutate(() => client.rewards.expire.mutate({ rewardId }))}>
                  {tx('逾期未领', 'Expire')}
                </Button>
              ) : null}
              {can('withhold', 'reward.approve') ? (
                <Button danger onClick={() => setDialog('withhold')}>
                  {tx('不予发放', 'Withhold')}
                </Button>
              ) : null}
            </div>
          ) : null
        }
      />
      {stale && !dialog ? <StaleNotice onReload={() => void reload()} /> : null}
      {run.isError && !dialog && !stale ? <Alert type="error" showIcon role="alert" data-testid="action-error" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        {terminalOff ? (
          <Alert
            type={status === 'withheld' ? 'warning' : 'info'}
            showIcon
            data-testid="reward-closed"
            title={status === 'withheld' ? tx('不予发放', 'Withheld') : status === 'expired' ? tx('领取期限届满，逾期未领', 'The claim window closed unclaimed') : tx('认定不予奖励', 'Found ineligible')}
            description={s.withholding?.reason ?? (s.assessment && !s.assessment.eligible ? s.assessment.reasons.join('；') : s.claimWindowEnd ? tx(`领取期限：${dateTime(s.claimWindowEnd)}`, `Claim window: ${dateTime(s.claimWindowEnd)}`) : null)}
          />
        ) : (
          <Steps
            size="small"
            current={Math.max(0, current)}
            status={status === 'paid' ? 'finish' : 'process'}
            items={[
              { title: tx('认定', 'Assess') },
              { title: tx('核定金额', 'Determine') },
              { title: tx('他人审批', 'Approve') },
              { title: tx('告知', 'Notify') },
              { title: tx('凭回执领取', 'Claim') },
              { title: tx('发放（仅一次）', 'Pay (once)') },
            ]}
          />
        )}
      </Card>
      <div className="console-grid">
        <div className="console-stack">
          <Card title={tx('核定依据', 'How the amount was set')} size="small" data-testid="determination">
            {why ? (
              <>
                <Descriptions column={2} size="small" bordered>
                  <Descriptions.Item label={tx('奖励金额', 'Amount')}>
                    <strong data-testid="amount">{yuan(why.amountFen)}</strong>
                  </Descriptions.Item>
                  <Descriptions.Item label={tx('奖励规则版本', 'Rule set version')}>
                    <span data-testid="rules-version">{why.rulesVersion}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={tx('核定人', 'Determined by')}>{`${why.determinedBy.name} · ${role(why.determinedBy.role)}`}</Descriptions.Item>
                  <Descriptions.Item label={tx('核定时间', 'Determined at')}>{dateTime(why.determinedBy.at)}</Descriptions.Item>
                  <Descriptions.Item label={tx('审批人', 'Approved by')} span={2}>
                    {s.approval ? `${s.approval.name} · ${role(s.approval.role)} · ${dateTime(s.approval.at)}` : tx('待另一人审批（核定人不能审批）', 'Awaiting another person (the determiner may not approve)')}
                  </Descriptions.Item>
                </Descriptions>
                <FactorTable factors={why.factors} />
              </>
            ) : can('determine', 'reward.determine') ? (
              <DeterminePanel
                judgement={judgement}
                onChange={setJudgement}
                preview={preview.data?.computation}
                previewError={preview.isError ? errorText(preview.error) : null}
                loading={preview.isFetching}
                busy={run.isPending}
                onDetermine={() => run.mutate(() => client.rewards.determine.mutate({ rewardId, judgement: judgementInput }))}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚未核定金额', 'No amount determined yet')} />
            )}
            {s.sentBack && !why ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={tx(`已退回：${s.sentBack.reason}`, `Sent back: ${s.sentBack.reason}`)} /> : null}
          </Card>
          <Card title={tx('领奖与发放', 'Claim and payout')} size="small" data-testid="payout">
            <Descriptions column={2} size="small" bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={tx('领取期限', 'Claim by')}>{dateTime(r.claimDeadline)}</Descriptions.Item>
              <Descriptions.Item label={tx('支付凭证号', 'Payment reference')}>
                <span data-testid="payment-reference">{s.payment?.reference ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={tx('发放时间', 'Paid at')} span={2}>
                {dateTime(r.paidAt)}
              </Descriptions.Item>
            </Descriptions>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.claims}
              locale={{ emptyText: <span className="console-muted">{tx('举报人尚未凭回执提交领奖申请', 'The reporter has not claimed through the receipt yet')}</span> }}
              columns={[
                { title: tx('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (v: string) => dateTime(v) },
                { title: tx('状态', 'Status'), dataIndex: 'status', render: (v: string) => <Status status={v} labels={CLAIM_STATUS_LABELS} /> },
                {
                  title: tx('办理', 'Action'),
                  key: 'act',
                  render: (_, c) =>
                    access.can('reward.pay') ? (
                      <Space size="small" wrap>
                        {c.status === 'submitted' ? (
                          <Button size="small" onClick={() => { setClaimId(c.id); setDialog('verify'); }}>
                            {tx('核验身份', 'Verify identity')}
                          </Button>
                        ) : null}
                        {c.status === 'identity_verified' ? (
                          <Button size="small" type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.rewards.claims.accept.mutate({ claimId: c.id }))}>
                            {tx('受理', 'Accept')}
                          </Button>
                        ) : null}
                        {['submitted', 'identity_verified', 'accepted'].includes(c.status) ? (
                          <Button size="small" onClick={() => { setClaimId(c.id); setDialog('reject_claim'); }}>
                            {tx('驳回', 'Reject')}
                          </Button>
                        ) : null}
                      </Space>
                    ) : null,
                },
              ]}
            />
            {can('pay', 'reward.pay') ? (
              <Form layout="inline" style={{ marginTop: 12 }} onFinish={() => run.mutate(() => client.rewards.pay.mutate({ rewardId, paymentReference }))} data-testid="pay-form">
                <Form.Item label={tx('支付凭证号', 'Payment reference')} htmlFor="payment-reference" required>
                  <Input id="payment-reference" value={paymentReference} maxLength={100} onChange={(e) => setPaymentReference(e.target.value)} placeholder={tx('银行转账流水号等', 'Bank transfer number, etc.')} />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit" disabled={!paymentReference.trim()} loading={run.isPending} data-testid="pay">
                    {tx(`发放 ${yuan(r.amountFen)}`, `Pay ${yuan(r.amountFen)}`)}
                  </Button>
                </Form.Item>
              </Form>
            ) : null}
            {status === 'paid' ? <p className="console-muted" style={{ marginTop: 8 }}>{tx('每笔奖励只发放一次：再次发放会被拒绝。', 'Each reward is paid exactly once: a second payment is refused.')}</p> : null}
          </Card>
        </div>
        <div className="console-stack">
          <Card title={tx('举报', 'Report')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={tx('隐患类别', 'Risk category')}>{risk(r.report?.riskCategory)}</Descriptions.Item>
              <Descriptions.Item label={tx('场所', 'Venue')}>{r.report?.venueName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('收到时间', 'Received')}>{dateTime(r.report?.submittedAt ? String(r.report.submittedAt) : null)}</Descriptions.Item>
              <Descriptions.Item label={tx('举报人', 'Reporter')}>
                {s.channel === 'whistleblower' ? tx('内部吹哨人', 'Internal whistleblower') : tx('群众', 'Member of the public')} · {s.anonymous ? tx('匿名', 'anonymous') : tx('实名（身份密封）', 'named (identity sealed)')}
              </Descriptions.Item>
              <Descriptions.Item label={tx('关联隐患', 'Hazards')}>{s.hazardIds.length}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={tx('办理过程', 'Timeline')} size="small">
            <Timeline items={steps.map((st) => ({ content: <StepLine step={st} /> }))} />
            {access.capabilities.has('audit.read') ? <Link href={`/audit?entity=reward&entityId=${rewardId}`}>{tx('查看审计记录', 'Audit entries')}</Link> : null}
          </Card>
          <Card
            title={tx('身份信息披露', 'Identity disclosure')}
            size="small"
            data-testid="disclosures"
            extra={access.can('identity.request') ? <Button size="small" onClick={() => setDialog('disclosure')} data-testid="request-disclosure">{tx('申请查阅身份', 'Request identity')}</Button> : null}
          >
            <p className="console-muted">{tx('举报人身份密封保存。查阅须说明理由，由身份保管人审批；每次查阅均记入审计日志。', 'The identity is sealed. Access needs a reason and a custodian’s approval; every read is audited.')}</p>
            {r.disclosures.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('无查阅申请', 'No requests')} /> : null}
            {r.disclosures.map((d) => (
              <div key={d.id} className="console-message">
                <div className="console-message__meta">
                  <Status status={d.status} labels={DISCLOSURE_STATUS_LABELS} /> {d.requestedBy.name} · {dateTime(d.requestedBy.at)}
                </div>
                <div>{d.reason}</div>
                {d.decision ? <div className="console-muted">{`${d.decision.by.name}：${d.decision.note ?? (d.decision.approved ? tx('批准', 'approved') : '')}`}</div> : null}
              </div>
            ))}
            {access.can('identity.request') ? <Link href="/disclosures/mine">{tx('我的查阅申请', 'My requests')}</Link> : null}
          </Card>
        </div>
      </div>
      <Modal
        open={dialog !== null}
        title={dialog ? dialogTitle[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={tx('确定', 'Confirm')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={run.isPending}
        forceRender
      >
        {stale ? <StaleNotice onReload={() => void reload()} /> : null}
        {run.isError && !stale ? <Alert type="error" showIcon role="alert" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {dialog === 'verify' ? (
            <Form.Item name="method" label={tx('核验方式', 'How the identity was checked')} rules={[{ required: true, whitespace: true }]} initialValue={tx('现场核验身份证原件', 'ID card checked in person')}>
              <Input maxLength={200} />
            </Form.Item>
          ) : dialog ? (
            <Form.Item name="reason" label={dialog === 'disclosure' ? tx('查阅理由（保管人据此审批）', 'Reason (the custodian decides on it)') : tx('理由', 'Reason')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={dialog === 'disclosure' ? 2000 : 1000} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}

function StepLine({ step }: { step: Step }) {
  const { role, dateTime } = useText();
  return (
    <div>
      <div>{step.what}</div>
      <div className="console-muted">
        {[step.who, role(step.role)].filter(Boolean).join(' · ')} · {dateTime(step.at)}
      </div>
      {step.note ? <div className="console-muted">{step.note}</div> : null}
    </div>
  );
}

function FactorTable({ factors }: { factors: readonly { code: string; zh: string; en: string; effectFen: number | null }[] }) {
  const { tx, en } = useText();
  return (
    <Table
      rowKey={(f) => `${f.code}-${f.zh}`}
      size="small"
      pagination={false}
      style={{ marginTop: 12 }}
      data-testid="factors"
      dataSource={[...factors]}
      columns={[
        { title: tx('计算因素及理由', 'Factor and its reason'), key: 'why', render: (_, f) => (en ? f.en : f.zh) },
        { title: tx('对金额的影响', 'Effect on the amount'), dataIndex: 'effectFen', width: 150, align: 'right', render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${yuan(v)}`) },
      ]}
    />
  );
}

function DeterminePanel(props: {
  judgement: Judgement;
  onChange: (j: Judgement) => void;
  preview: { eligible: boolean; amountFen: number; rulesVersion: string; factors: readonly { code: string; zh: string; en: string; effectFen: number | null }[] } | undefined;
  previewError: string | null;
  loading: boolean;
  busy: boolean;
  onDetermine: () => void;
}) {
  const { tx } = useText();
  const { judgement: j, onChange, preview } = props;
  return (
    <div data-testid="determine-panel">
      <p className="console-muted">{tx('记录无法说明的情形由经办人判断并随核定一并记录；金额由适用的奖励规则计算。', 'What the records cannot tell is your judgement, recorded with the determination; the rules compute the amount.')}</p>
      <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
        {EXCLUSIONS.map(([key, zh, english]) => (
          <Checkbox key={key} checked={j[key] ?? false} onChange={(e) => onChange({ ...j, [key]: e.target.checked })}>
            {tx(zh, english)}
          </Checkbox>
        ))}
      </Space>
      <Space wrap size="middle" style={{ marginBottom: 12 }}>
        <label>
          {tx('联名举报人数', 'Joint reporters')}{' '}
          <InputNumber aria-label={tx('联名举报人数', 'Joint reporters')} min={1} max={1000} value={j.jointReporters ?? 1} onChange={(v) => onChange({ ...j, jointReporters: v ?? 1 })} />
        </label>
        <label>
          {tx('该举报人本年已获奖励（元）', 'Already paid to this reporter this year (yuan)')}{' '}
          <InputNumber aria-label={tx('该举报人本年已获奖励（元）', 'Already paid this year (yuan)')} min={0} max={1_000_000_000} value={j.alreadyPaidThisYearYuan ?? 0} onChange={(v) => onChange({ ...j, alreadyPaidThisYearYuan: v ?? 0 })} />
        </label>
      </Space>
      {props.previewError ? <Alert type="error" showIcon title={props.previewError} /> : null}
      {preview ? (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={tx('试算金额', 'Computed amount')}>
              <strong data-testid="preview-amount">{yuan(preview.amountFen)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={tx('奖励规则版本', 'Rule set version')}>{preview.rulesVersion}</Descriptions.Item>
          </Descriptions>
          <FactorTable factors={preview.factors} />
          {!preview.eligible || preview.amountFen <= 0 ? (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={tx('按规则不予奖励：请认定不予发放，或核对上述情形。', 'The rules give no reward: withhold it, or check the answers above.')} />
          ) : null}
          <Button type="primary" style={{ marginTop: 12 }} loading={props.busy} disabled={props.loading || !preview.eligible || preview.amountFen <= 0} onClick={props.onDetermine} data-testid="determine">
            {tx(`核定奖励金额 ${yuan(preview.amountFen)}`, `Determine ${yuan(preview.amountFen)}`)}
          </Button>
        </>
      ) : props.loading ? (
        <Spin />
      ) : null}
    </div>
  );
}
