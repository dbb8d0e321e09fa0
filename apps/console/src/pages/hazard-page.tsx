import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { HAZARD_STATUS_LABELS, RISK_CATEGORIES, hazardLifecycle, type HazardStatus } from '@firebreak/domain';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Image, Input, Modal, Radio, Result, Spin, Steps, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
import { isStale, useText } from '../lib/text';
import { allowedCommands, Clock, PageHead, StaleNotice, StatusTag, ToneTag } from '../lib/ui';
import { SOURCE_LABELS } from './hazards-list';
import { StepView } from './report-page';

type Dialog = 'order' | 'notice' | 'pass' | 'fail' | 'close' | 'dismiss' | 'escalate' | null;

const LOOP: HazardStatus[] = ['found', 'confirmed', 'ordered', 'remediation_submitted', 'verified', 'closed'];

export default function HazardPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id!;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const { tx, label, role, dateTime, errorText } = useText();
  const query = useQuery(trpc.hazards.get.queryOptions({ id }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [stale, setStale] = useState(false);
  const [form] = Form.useForm();

  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.hazards.get.queryKey({ id }) });
    await qc.invalidateQueries({ queryKey: trpc.hazards.list.queryKey() });
  };
  const run = useMutation({
    mutationFn: async (fn: () => Promise<unknown>) => fn(),
    onSuccess: async () => {
      setDialog(null);
      form.resetFields();
      message.success(tx('已办理', 'Done'));
      await reload();
    },
    onError: (e) => {
      if (isStale(e)) setStale(true);
    },
  });

  if (query.isPending) return <Spin />;
  if (query.isError) return <Result status="warning" title={errorText(query.error)} extra={<Link href="/hazards">{tx('返回台账', 'Back to the ledger')}</Link>} />;
  const { hazard, version, ledger } = query.data;
  const status = hazard.status;
  const category = RISK_CATEGORIES.find((c) => c.code === hazard.riskCategory);
  const commands = access.readOnly ? [] : allowedCommands(hazardLifecycle, status, access.me.role);
  const can = (cmd: string, cap: Parameters<typeof access.can>[0]) => commands.includes(cmd) && access.can(cap);
  const order = hazard.orders.at(-1);
  const lastPass = [...hazard.reinspections].reverse().find((r) => r.result === 'pass');
  const sameAsSigner = status === 'verified' && lastPass?.signer.userId === access.me.userId;
  const loopIndex = status === 'overdue' ? 2 : Math.max(0, LOOP.indexOf(status));

  const submit = (v: Record<string, unknown>) => {
    const base = { id, version };
    const s = (k: string) => (typeof v[k] === 'string' ? (v[k]) : '');
    if (dialog === 'order') {
      const due = v.dueDate as Dayjs | undefined;
      run.mutate(() =>
        client.hazards.order.mutate({
          ...base,
          correction: v.mode === 'immediate' ? { mode: 'immediate' } : { mode: 'deadline', dueDate: due!.format('YYYY-MM-DD') },
          ...(s('noticeRef') ? { noticeRef: s('noticeRef') } : {}),
        }),
      );
    } else if (dialog === 'notice') run.mutate(() => client.hazards.serveNotice.mutate({ ...base, noticeRef: s('noticeRef') }));
    else if (dialog === 'pass') run.mutate(() => client.hazards.reinspectPass.mutate({ ...base, signatureRef: s('signatureRef'), ...(s('note') ? { note: s('note') } : {}) }));
    else if (dialog === 'fail')
      run.mutate(() => client.hazards.reinspectFail.mutate({ ...base, signatureRef: s('signatureRef'), note: s('note'), newDueDate: (v.newDueDate as Dayjs).format('YYYY-MM-DD') }));
    else if (dialog === 'close') run.mutate(() => client.hazards.close.mutate({ ...base, ...(s('note') ? { note: s('note') } : {}) }));
    else if (dialog === 'dismiss') run.mutate(() => client.hazards.dismiss.mutate({ ...base, reason: s('reason') }));
    else if (dialog === 'escalate') run.mutate(() => client.hazards.escalate.mutate({ ...base, ...(s('note') ? { note: s('note') } : {}) }));
  };

  const titles: Record<Exclude<Dialog, null>, string> = {
    order: tx('责令改正', 'Order correction'),
    notice: tx('送达整改通知书', 'Serve the notice'),
    pass: tx('复查合格（验收）', 'Re-inspection passed'),
    fail: tx('复查不合格', 'Re-inspection failed'),
    close: tx('销号', 'Close (销号)'),
    dismiss: tx('不构成隐患', 'Dismiss'),
    escalate: tx('逾期督办', 'Escalate overdue'),
  };

  return (
    <>
      <PageHead
        title={
          <>
            {tx('隐患', 'Hazard')} · {label(category) || hazard.riskCategory} <StatusTag status={status} text={label(HAZARD_STATUS_LABELS[status])} />
            {hazard.major ? <ToneTag tone="danger">{tx('重大火灾隐患', 'Major')}</ToneTag> : null}
          </>
        }
        extra={
          commands.length > 0 ? (
            <div className="console-actions" data-testid="hazard-actions">
              {can('confirm', 'hazard.confirm') ? (
                <Button type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.hazards.confirm.mutate({ id, version }))}>
                  {tx('确认隐患', 'Confirm')}
                </Button>
              ) : null}
              {can('dismiss', 'hazard.confirm') ? <Button onClick={() => setDialog('dismiss')}>{titles.dismiss}</Button> : null}
              {can('order', 'hazard.order') ? <Button type="primary" onClick={() => setDialog('order')}>{titles.order}</Button> : null}
              {can('serve_notice', 'hazard.order') && order?.noticeDue && !order.noticeServedAt ? <Button onClick={() => setDialog('notice')}>{titles.notice}</Button> : null}
              {can('reinspect_pass', 'hazard.reinspect') ? <Button type="primary" onClick={() => setDialog('pass')}>{titles.pass}</Button> : null}
              {can('reinspect_fail', 'hazard.reinspect') ? <Button onClick={() => setDialog('fail')}>{titles.fail}</Button> : null}
              {can('escalate', 'hazard.escalate') && hazard.correctionDue && new Date(hazard.correctionDue) < new Date() ? <Button danger onClick={() => setDialog('escalate')}>{titles.escalate}</Button> : null}
              {can('close', 'hazard.close') && !sameAsSigner ? <Button type="primary" onClick={() => setDialog('close')}>{titles.close}</Button> : null}
              {can('close', 'hazard.close') && sameAsSigner ? <span className="console-muted">{tx('验收人不能本人销号', 'The re-inspection signer may not close it')}</span> : null}
            </div>
          ) : null
        }
      />
      {stale && !dialog ? <StaleNotice onReload={() => void reload()} /> : null}
      {run.isError && !dialog && !stale ? <Alert type="error" showIcon role="alert" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={loopIndex}
          status={status === 'overdue' ? 'error' : status === 'closed' ? 'finish' : 'process'}
          items={[
            { title: tx('发现', 'Found') },
            { title: tx('确认', 'Confirmed') },
            { title: tx('责令改正', 'Ordered') },
            { title: tx('单位整改', 'Evidence') },
            { title: tx('复查验收', 'Re-inspected') },
            { title: tx('销号', 'Closed') },
          ]}
        />
      </Card>
      <div style={{ marginBottom: 12 }}><Link href={`/hazards/${id}/major`} data-testid="major-determination-link">{tx('重大火灾隐患判定', 'Major hazard determination')}</Link></div>
      <div className="console-grid">
        <div className="console-stack">
          <Card title={tx('隐患事实', 'Facts')} size="small">
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={tx('来源', 'Source')}>
                {label(SOURCE_LABELS[hazard.source]) || hazard.source}
                {hazard.source === 'report' && hazard.sourceRef ? (
                  <>
                    {' '}
                    <Link href={`/reports/${hazard.sourceRef}`}>{tx('查看举报', 'Open report')}</Link>
                  </>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={tx('发现时间', 'Found')}>{dateTime(hazard.foundAt)}</Descriptions.Item>
              <Descriptions.Item label={tx('整改期限', 'Correct by')}>
                {hazard.correctionDue ? (status === 'ordered' || status === 'overdue' ? <Clock deadline={hazard.correctionDue} overdue={status === 'overdue' || undefined} /> : dateTime(hazard.correctionDue)) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={tx('复查期限', 'Re-inspect by')}>{hazard.reinspectionDue ? (status === 'remediation_submitted' ? <Clock deadline={hazard.reinspectionDue} /> : dateTime(hazard.reinspectionDue)) : '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('隐患描述', 'Description')} span={2}>
                {hazard.description}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={tx('责令改正', 'Correction order')}
            size="small"
            extra={
              order ? (
                <Link href={`/print/correction-notice/${id}`} data-testid="print-correction-notice">
                  {tx('打印责令改正通知书', 'Print the correction notice')}
                </Link>
              ) : null
            }
          >
            {order ? (
              <Descriptions column={2} size="small">
                <Descriptions.Item label={tx('方式', 'Mode')}>{order.mode === 'immediate' ? tx('当场改正', 'Immediately') : tx('限期改正', 'By a deadline')}</Descriptions.Item>
                <Descriptions.Item label={tx('期限', 'Due')}>{dateTime(order.due)}</Descriptions.Item>
                <Descriptions.Item label={tx('整改通知书', 'Notice')}>{order.noticeRef ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={tx('送达', 'Served')}>{order.noticeServedAt ? dateTime(order.noticeServedAt) : order.noticeDue ? tx(`应于 ${dateTime(order.noticeDue)} 前送达`, `Due by ${dateTime(order.noticeDue)}`) : '—'}</Descriptions.Item>
                <Descriptions.Item label={tx('责令人', 'Ordered by')}>{`${order.by.name} · ${role(order.by.role)}`}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚未责令改正', 'No order yet')} />
            )}
          </Card>
          <Card title={tx('单位整改材料', "The unit's evidence")} size="small">
            {hazard.remediations.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('单位尚未提交整改材料', 'No evidence handed in yet')} /> : null}
            {hazard.remediations.map((r) => (
              <div key={r.version} className="console-message">
                <div className="console-message__meta">
                  {r.by.name} · {role(r.by.role)} · {dateTime(r.at)}
                  {r.onBehalf ? ` · ${tx('代为上传', 'uploaded on behalf')}` : ''}
                </div>
                <div>{r.note}</div>
                <Image.PreviewGroup>
                  {r.evidenceRefs.map((ref) => (
                    <Image key={ref} src={`/uploads/${ref}`} width={96} height={72} style={{ objectFit: 'cover', marginInlineEnd: 8 }} alt={tx('整改照片', 'Evidence photo')} />
                  ))}
                </Image.PreviewGroup>
              </div>
            ))}
          </Card>
          <Card title={tx('复查', 'Re-inspections')} size="small">
            {hazard.reinspections.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚未复查', 'Not re-inspected yet')} /> : null}
            {hazard.reinspections.map((r) => (
              <div key={r.version} className="console-message">
                <div className="console-message__meta">
                  {r.signer.name} · {role(r.signer.role)} · {dateTime(r.at)}
                </div>
                <ToneTag tone={r.result === 'pass' ? 'ok' : 'danger'}>{r.result === 'pass' ? tx('合格', 'Passed') : tx('不合格', 'Failed')}</ToneTag> {r.note}
              </div>
            ))}
          </Card>
        </div>
        <div className="console-stack">
          <Card title={tx('台账记录', 'Ledger')} size="small">
            <Timeline
              items={ledger.map((e) => ({
                content: <StepView step={{ what: `${label(HAZARD_STATUS_LABELS[e.toStatus as HazardStatus]) || e.action}`, who: e.actorName, role: e.actorRole, department: e.actorDepartmentName, at: e.at }} />,
              }))}
            />
            {access.capabilities.has('audit.read') ? <Link href={`/audit?entity=hazard&entityId=${id}`}>{tx('查看审计记录', 'Audit entries')}</Link> : null}
          </Card>
        </div>
      </div>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={tx('确定', 'Confirm')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={run.isPending}
        forceRender
      >
        {stale ? <StaleNotice onReload={() => void reload()} /> : null}
        {run.isError && !stale ? <Alert type="error" showIcon role="alert" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} preserve>
          {dialog === 'order' ? (
            <>
              <Form.Item name="mode" label={tx('改正方式', 'Correction')} initialValue="deadline" rules={[{ required: true }]}>
                <Radio.Group options={[{ value: 'immediate', label: tx('当场改正', 'Immediately') }, { value: 'deadline', label: tx('限期改正', 'By a deadline') }]} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue('mode') === 'deadline' ? (
                    <Form.Item name="dueDate" label={tx('整改期限', 'Correct by')} rules={[{ required: true }]}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item name="noticeRef" label={tx('责令改正通知书文号', 'Notice number')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'notice' ? (
            <Form.Item name="noticeRef" label={tx('通知书文号', 'Notice number')} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          ) : null}
          {dialog === 'pass' || dialog === 'fail' ? (
            <>
              <Form.Item name="signatureRef" label={tx('复查人签名（姓名）', 'Re-inspector signature (name)')} initialValue={access.me.name} rules={[{ required: true }]}>
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item name="note" label={tx('复查意见', 'Findings')} rules={dialog === 'fail' ? [{ required: true }] : []}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              {dialog === 'fail' ? (
                <Form.Item name="newDueDate" label={tx('新的整改期限', 'New deadline')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              ) : null}
            </>
          ) : null}
          {dialog === 'close' || dialog === 'escalate' ? (
            <Form.Item name="note" label={tx('意见', 'Note')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : null}
          {dialog === 'dismiss' ? (
            <Form.Item name="reason" label={tx('理由', 'Reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
