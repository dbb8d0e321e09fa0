import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient, type RouterOutputs } from '@firebreak/client';
import { HAZARD_STATUS_LABELS, RISK_CATEGORIES, inspectionLifecycle, missingSignatures, type CheckResult, type HazardStatus, type InspectionStatus } from '@firebreak/domain';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Radio, Result, Spin, Steps, Tabs } from 'antd';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
import { INSPECTION_STATUS_TEXT, INSPECTION_TONES, INSPECTION_SOURCE_TEXT } from '../lib/inspection-labels';
import { isStale, useText } from '../lib/text';
import { allowedCommands, PageHead, StaleNotice, StatusTag, ToneTag } from '../lib/ui';

type View = RouterOutputs['inspections']['get'];
type Item = View['checklist'][number];
interface Row {
  result?: CheckResult;
  note?: string;
}

const STEP_OF: Record<InspectionStatus, number> = { planned: 0, in_progress: 1, recorded: 2, confirmed: 3, refusal_recorded: 3, completed: 4, cancelled: 0 };

export default function InspectionPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id!;
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const { tx, label, role, dateTime, errorText } = useText();
  const query = useQuery(trpc.inspections.get.queryOptions({ id }));
  const [stale, setStale] = useState(false);
  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.inspections.get.queryKey({ id }) });
    await qc.invalidateQueries({ queryKey: trpc.inspections.list.queryKey() });
  };
  const run = useMutation({
    mutationFn: async (fn: () => Promise<unknown>) => fn(),
    onSuccess: async () => {
      message.success(tx('已办理', 'Done'));
      await reload();
    },
    onError: (e) => {
      if (isStale(e)) setStale(true);
    },
  });

  if (query.isPending) return <Spin />;
  if (query.isError) return <Result status="warning" title={errorText(query.error)} extra={<Link href="/inspections">{tx('返回检查列表', 'Back to inspections')}</Link>} />;
  const view = query.data;
  const s = view.inspection;
  const me = access.me.userId;
  const commands = access.readOnly ? [] : allowedCommands(inspectionLifecycle, s.status, access.me.role).filter(() => access.can('inspection.conduct'));
  const onTeam = s.team.some((p) => p.userId === me);
  const present = s.presentInspectorIds.includes(me);
  const missing = missingSignatures(s);
  const nameOf = (userId: string) => [...s.team, ...s.experts].find((p) => p.userId === userId)?.name ?? userId;
  const version = view.version;
  const cat = (code: string) => label(RISK_CATEGORIES.find((c) => c.code === code)) || code;
  // While the inspector on site goes through the checklist, the read-only copy below would repeat it.
  const conducting = s.status === 'in_progress' && present && commands.includes('record');

  return (
    <>
      <PageHead
        title={
          <>
            {tx('监督检查', 'Inspection')} · {view.venue?.name ?? '—'}{' '}
            <span data-status={s.status}>
              <ToneTag tone={INSPECTION_TONES[s.status]}>{label(INSPECTION_STATUS_TEXT[s.status])}</ToneTag>
            </span>
          </>
        }
        extra={
          <Link href={`/print/inspection-record/${id}`} data-testid="print-inspection-record">
            {tx('打印检查记录', 'Print the record')}
          </Link>
        }
      />
      {stale ? <StaleNotice onReload={() => void reload()} /> : null}
      {run.isError && !stale ? <Alert type="error" showIcon role="alert" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          responsive={false}
          current={STEP_OF[s.status]}
          status={s.status === 'cancelled' ? 'error' : s.status === 'completed' ? 'finish' : 'process'}
          items={[
            { title: tx('计划', 'Planned') },
            { title: tx('现场检查', 'On site') },
            { title: tx('检查人员签名', 'Inspectors sign') },
            { title: s.status === 'refusal_recorded' ? tx('拒签记录', 'Refusal') : tx('单位确认', 'Unit confirms') },
            { title: tx('办结', 'Completed') },
          ]}
        />
      </Card>
      <div className="console-grid">
        <div className="console-stack">
          {commands.length > 0 ? (
            <Conduct key={`${s.status}-${version}`} view={view} commands={commands} onTeam={onTeam} present={present} missing={missing} run={run} />
          ) : null}
          {conducting ? null : (
            <Card title={tx('检查表', 'Checklist')} size="small">
              <ResultsList view={view} />
            </Card>
          )}
          <Card title={tx('检查发现的问题', 'Findings')} size="small">
            {s.findings.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.recordedBy ? tx('未发现问题', 'Nothing found') : tx('尚未制作检查记录', 'Not recorded yet')} /> : null}
            {s.findings.map((f, i) => (
              <div key={f.id} className="console-message">
                <div className="console-message__meta">
                  {i + 1}. {cat(f.riskCategory)}
                </div>
                <div>{f.description}</div>
              </div>
            ))}
          </Card>
          {view.hazards.length > 0 ? (
            <Card title={tx('进入隐患台账', 'On the ledger')} size="small" data-testid="inspection-hazards">
              {view.hazards.map((h) => (
                <div key={h.id}>
                  <Link href={`/hazards/${h.id}`}>{cat(h.riskCategory)}</Link> <StatusTag status={h.status} text={label(HAZARD_STATUS_LABELS[h.status as HazardStatus])} />
                </div>
              ))}
            </Card>
          ) : null}
        </div>
        <div className="console-stack">
          <Card title={tx('检查信息', 'Details')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={tx('来源', 'Source')}>{label(INSPECTION_SOURCE_TEXT[s.source])}</Descriptions.Item>
              <Descriptions.Item label={tx('计划日期', 'Planned for')}>{s.plannedFor}</Descriptions.Item>
              <Descriptions.Item label={tx('被检查单位', 'Venue')}>{view.parties.venue?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('地址', 'Address')}>{view.parties.venue?.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('消防安全责任人', 'Responsible person')}>{view.parties.responsiblePerson ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('检查组', 'Team')}>{s.team.map((p, i) => `${p.name}${i === 0 ? tx('（主办）', ' (lead)') : ''}`).join('、')}</Descriptions.Item>
              {s.experts.length > 0 ? <Descriptions.Item label={tx('专家', 'Experts')}>{s.experts.map((p) => p.name).join('、')}</Descriptions.Item> : null}
              <Descriptions.Item label={tx('计划人', 'Planned by')}>{`${s.plannedBy.name} · ${role(s.plannedBy.role)}`}</Descriptions.Item>
              <Descriptions.Item label={tx('开始检查', 'Started')}>{s.startedBy ? `${dateTime(s.startedBy.at)} · ${s.startedBy.name}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('办结', 'Completed')}>{s.completedBy ? `${dateTime(s.completedBy.at)} · ${s.completedBy.name}` : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={tx('签名', 'Signatures')} size="small" data-testid="inspection-signatures">
            {s.presentInspectorIds.length === 0 ? <span className="console-muted">{tx('开始检查后记录在场人员', 'Recorded once the inspection starts')}</span> : null}
            {s.presentInspectorIds.map((uid) => {
              const sig = s.signatures.find((x) => x.userId === uid);
              return (
                <div key={uid} className="console-sign-row">
                  <span>{nameOf(uid)}</span>
                  {sig ? <ToneTag tone="ok">{tx(`已签名 ${dateTime(sig.at)}`, `Signed ${dateTime(sig.at)}`)}</ToneTag> : <ToneTag tone="warn">{tx('待签名', 'To sign')}</ToneTag>}
                </div>
              );
            })}
            {s.unitConfirmation ? (
              <div className="console-sign-row">
                <span>
                  {tx('被检查单位', 'Unit')}：{s.unitConfirmation.signerName}
                </span>
                <ToneTag tone="ok">{tx(`已签字确认 ${dateTime(s.unitConfirmation.at)}`, `Confirmed ${dateTime(s.unitConfirmation.at)}`)}</ToneTag>
              </div>
            ) : null}
            {s.refusal ? (
              <div className="console-message">
                <div className="console-message__meta">{tx(`拒绝签字 · 见证人 ${s.refusal.witness.name}`, `Refused · witness ${s.refusal.witness.name}`)}</div>
                {s.refusal.reason}
              </div>
            ) : null}
            {s.unitRefusal && !s.refusal ? <Alert type="warning" showIcon title={tx(`单位陈述拒签：${s.unitRefusal.reason}`, `The unit says it will not sign: ${s.unitRefusal.reason}`)} /> : null}
          </Card>
          {access.capabilities.has('audit.read') ? <Link href={`/audit?entity=inspection&entityId=${id}`}>{tx('查看审计记录', 'Audit entries')}</Link> : null}
        </div>
      </div>
    </>
  );
}

/** The checklist with what was found at each item (read view). */
function ResultsList({ view }: { view: View }) {
  const { tx, en } = useText();
  const results = new Map((view.inspection.itemResults ?? []).map((r) => [r.checkItemId, r]));
  if (view.checklist.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('该场所类别没有现行整治标准', 'No standard in force for this category')} />;
  const text: Record<CheckResult, [string, 'ok' | 'danger' | 'muted']> = {
    pass: [tx('合格', 'Pass'), 'ok'],
    fail: [tx('不合格', 'Fail'), 'danger'],
    not_applicable: [tx('不适用', 'N/A'), 'muted'],
  };
  return (
    <ol className="console-checklist" data-testid="checklist-results">
      {view.checklist.map((item) => {
        const r = results.get(item.id);
        return (
          <li key={item.id}>
            <div>
              {en ? item.text.en : item.text.zh}
              {r ? <ToneTag tone={text[r.result][1]}>{text[r.result][0]}</ToneTag> : null}
            </div>
            {r?.note ? <div className="console-muted">{r.note}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}

interface ConductProps {
  readonly view: View;
  readonly commands: string[];
  readonly onTeam: boolean;
  readonly present: boolean;
  readonly missing: string[];
  readonly run: { mutate: (fn: () => Promise<unknown>) => void; isPending: boolean };
}

/** What the inspector on site does next, by status: start, check item by item, sign, the unit's signature or a witnessed refusal, complete. */
function Conduct({ view, commands, onTeam, present, missing, run }: ConductProps) {
  const client = useTRPCClient();
  const access = useAccess();
  const { tx, en } = useText();
  const s = view.inspection;
  const { id, version } = view;
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [presentIds, setPresentIds] = useState<string[]>(s.team.map((p) => p.userId));
  const [signature, setSignature] = useState(access.me.name);
  const [unitForm] = Form.useForm();
  const [refusalForm] = Form.useForm();

  if (s.status === 'planned' && commands.includes('start')) {
    if (!onTeam) return <Alert type="info" showIcon title={tx('仅检查组成员可以开始检查', 'Only team members start the inspection')} />;
    return (
      <Card title={tx('开始检查', 'Start the inspection')} size="small" data-testid="inspection-actions">
        <p className="console-muted">{tx('勾选实际在场的检查人员（不少于两人），他们都须在检查记录上签名。', 'Tick the inspectors on site (at least two); each of them signs the record.')}</p>
        <Checkbox.Group value={presentIds} onChange={(v) => setPresentIds(v)} options={s.team.map((p) => ({ value: p.userId, label: p.name }))} />
        <div style={{ marginTop: 12 }}>
          <Button
            type="primary"
            loading={run.isPending}
            onClick={() => run.mutate(() => client.inspections.start.mutate({ id, version, presentInspectorIds: presentIds, ...(s.experts.length ? { presentExpertIds: s.experts.map((e) => e.userId) } : {}) }))}
          >
            {tx('开始检查', 'Start')}
          </Button>
        </div>
      </Card>
    );
  }

  if (s.status === 'in_progress' && commands.includes('record')) {
    if (!present) return <Alert type="info" showIcon title={tx('仅在场检查人员可以制作检查记录', 'Only inspectors on site record the findings')} />;
    const done = view.checklist.filter((i) => rows[i.id]?.result).length;
    const incomplete = view.checklist.some((i) => !rows[i.id]?.result || (rows[i.id]?.result === 'fail' && !rows[i.id]?.note?.trim()));
    const submit = () =>
      run.mutate(() =>
        client.inspections.record.mutate({
          id,
          version,
          itemResults: view.checklist.map((i) => ({ checkItemId: i.id, result: rows[i.id]!.result!, ...(rows[i.id]?.note?.trim() ? { note: rows[i.id]!.note!.trim() } : {}) })),
          findings: view.checklist
            .filter((i) => rows[i.id]?.result === 'fail')
            .map((i) => ({ checkItemId: i.id, riskCategory: i.riskCategory, description: `${i.text.zh.replace(/[。；;.]$/, '')}：${rows[i.id]!.note!.trim()}` })),
          signatureRef: signature.trim(),
        }),
      );
    return (
      <Card title={tx(`逐项检查（${done}/${view.checklist.length}）`, `Check item by item (${done}/${view.checklist.length})`)} size="small" data-testid="inspection-actions">
        <ol className="console-checklist console-checklist--conduct" data-testid="checklist" aria-label={tx('检查表', 'Checklist')}>
          {view.checklist.map((item: Item, n) => {
            const row = rows[item.id] ?? {};
            const set = (patch: Row) => setRows((r) => ({ ...r, [item.id]: { ...r[item.id], ...patch } }));
            return (
              <li key={item.id} data-testid={`check-item-${n + 1}`} data-result={row.result ?? ''}>
                <div className="console-checklist__text">
                  {n + 1}. {en ? item.text.en : item.text.zh}
                </div>
                {item.basis.length > 0 ? <div className="console-muted">{tx('依据：', 'Basis: ')}{item.basis.map((b) => `${b.law}${b.article ? ` ${b.article}` : ''}`).join('；')}</div> : null}
                <Radio.Group
                  aria-label={tx(`第${n + 1}项检查结果`, `Result of item ${n + 1}`)}
                  optionType="button"
                  buttonStyle="solid"
                  value={row.result}
                  onChange={(e) => set({ result: e.target.value as CheckResult })}
                  options={[
                    { value: 'pass', label: tx('合格', 'Pass') },
                    { value: 'fail', label: tx('不合格', 'Fail') },
                    { value: 'not_applicable', label: tx('不适用', 'N/A') },
                  ]}
                />
                {row.result ? (
                  <Input.TextArea
                    aria-label={tx(`第${n + 1}项情况说明`, `Note on item ${n + 1}`)}
                    placeholder={row.result === 'fail' ? tx('必填：现场发现的问题', 'Required: what was found') : tx('备注（可选）', 'Note (optional)')}
                    status={row.result === 'fail' && !row.note?.trim() ? 'warning' : undefined}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    value={row.note}
                    onChange={(e) => set({ note: e.target.value })}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
        <Form layout="vertical">
          <Form.Item label={tx('记录人签名（姓名）', 'Your signature (name)')} required>
            <Input aria-label={tx('记录人签名（姓名）', 'Your signature (name)')} value={signature} onChange={(e) => setSignature(e.target.value)} maxLength={100} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Button type="primary" disabled={incomplete || !signature.trim()} loading={run.isPending} onClick={submit} data-testid="record-submit">
            {tx('提交检查记录并签名', 'Record and sign')}
          </Button>
          {incomplete ? <span className="console-muted" style={{ marginInlineStart: 12 }}>{tx('每项须选择结果，不合格项须说明问题', 'Give every item a result; describe each failure')}</span> : null}
        </Form>
      </Card>
    );
  }

  if (s.status === 'recorded') {
    const mine = present && !s.signatures.some((x) => x.userId === access.me.userId);
    if (mine && commands.includes('sign')) {
      return (
        <Card title={tx('检查人员签名', 'Sign the record')} size="small" data-testid="inspection-actions">
          <p className="console-muted">{tx('请核对检查表和发现的问题后签名。', 'Read the checklist and the findings, then sign.')}</p>
          <Input aria-label={tx('签名（姓名）', 'Signature (name)')} value={signature} onChange={(e) => setSignature(e.target.value)} maxLength={100} style={{ maxWidth: 320, marginInlineEnd: 8 }} />
          <Button type="primary" disabled={!signature.trim()} loading={run.isPending} onClick={() => run.mutate(() => client.inspections.sign.mutate({ id, version, signatureRef: signature.trim() }))}>
            {tx('本人签名', 'Sign')}
          </Button>
        </Card>
      );
    }
    if (missing.length > 0) {
      return <Alert type="info" showIcon data-testid="awaiting-signatures" title={tx(`等待在场检查人员签名（还差 ${missing.length} 人）`, `Waiting for ${missing.length} inspector(s) on site to sign`)} />;
    }
    if (!present) return null;
    return (
      <Card title={tx('被检查单位签字确认', "The unit's signature")} size="small" data-testid="inspection-actions">
        <Tabs
          items={[
            {
              key: 'confirm',
              label: tx('签字确认', 'Confirms'),
              children: (
                <Form
                  form={unitForm}
                  layout="vertical"
                  initialValues={{ signerName: view.parties.responsiblePerson ?? '', capacity: 'responsible_person' }}
                  onFinish={(v: { signerName: string; capacity: 'responsible_person' | 'manager'; signatureRef: string }) =>
                    run.mutate(() => client.inspections.confirm.mutate({ id, version, signerName: v.signerName.trim(), capacity: v.capacity, signatureRef: v.signatureRef.trim() }))
                  }
                >
                  <Form.Item name="capacity" label={tx('签字人身份', 'Signs as')} rules={[{ required: true }]}>
                    <Radio.Group options={[{ value: 'responsible_person', label: tx('消防安全责任人', 'Responsible person') }, { value: 'manager', label: tx('消防安全管理人', 'Manager') }]} />
                  </Form.Item>
                  <Form.Item name="signerName" label={tx('签字人姓名', "Signer's name")} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name="signatureRef" label={tx('签名（由签字人本人书写姓名）', 'Signature (the signer writes their name)')} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={run.isPending}>
                    {tx('确认签字', 'Record the signature')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'refuse',
              label: tx('拒绝签字', 'Refuses'),
              children: (
                <Form
                  form={refusalForm}
                  layout="vertical"
                  onFinish={(v: { reason: string; witness: string; witnessSignature?: string }) =>
                    run.mutate(() =>
                      client.inspections.recordRefusal.mutate({ id, version, reason: v.reason.trim(), witness: { name: v.witness.trim(), ...(v.witnessSignature?.trim() ? { signatureRef: v.witnessSignature.trim() } : {}) } }),
                    )
                  }
                >
                  <Form.Item name="reason" label={tx('拒绝签字情况', 'What the unit refused')} rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name="witness" label={tx('见证人姓名（非检查组成员）', 'Witness (not on the team)')} rules={[{ required: true, whitespace: true }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name="witnessSignature" label={tx('见证人签名', "Witness's signature")}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Button danger htmlType="submit" loading={run.isPending}>
                    {tx('记录拒签', 'Record the refusal')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      </Card>
    );
  }

  if ((s.status === 'confirmed' || s.status === 'refusal_recorded') && commands.includes('complete') && (onTeam || access.me.role === 'fire_supervisor')) {
    return (
      <Card title={tx('检查办结', 'Complete')} size="small" data-testid="inspection-actions">
        <p className="console-muted">
          {s.findings.length > 0
            ? tx(`办结后 ${s.findings.length} 项问题将逐条登记进入隐患台账。`, `On completion the ${s.findings.length} finding(s) go on the hazard ledger one by one.`)
            : tx('未发现问题，办结后归档。', 'Nothing found; completing files the record.')}
        </p>
        <Button type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.inspections.complete.mutate({ id, version }))}>
          {tx('检查办结', 'Complete')}
        </Button>
      </Card>
    );
  }
  return null;
}
