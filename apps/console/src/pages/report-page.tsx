import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { REPORT_REJECT_REASONS, REPORT_REJECT_REASON_LABELS, REPORT_STATUS_LABELS, RISK_CATEGORIES, reportLifecycle } from '@firebreak/domain';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Modal, Radio, Result, Select, Spin, Timeline } from 'antd';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
import { isStale, useText } from '../lib/text';
import { allowedCommands, Clock, PageHead, StaleNotice, StatusTag, ToneTag, type Step } from '../lib/ui';

type Dialog = 'reject' | 'substantiate' | 'unfounded' | 'reply' | null;

export default function ReportPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id!;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const { tx, label, role, dateTime, errorText } = useText();
  const query = useQuery(trpc.reports.get.queryOptions({ id }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [stale, setStale] = useState(false);
  const [form] = Form.useForm();
  const [chat, setChat] = useState('');

  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ id }) });
    await qc.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
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
  const send = useMutation(
    trpc.reports.sendMessage.mutationOptions({
      onSuccess: async () => {
        setChat('');
        await reload();
      },
    }),
  );

  if (query.isPending) return <Spin />;
  if (query.isError) return <Result status="warning" title={errorText(query.error)} extra={<Link href="/reports">{tx('返回列表', 'Back to the list')}</Link>} />;
  const { report, version, deadline, duplicateCandidates, messages } = query.data;
  const status = report.status;
  const category = RISK_CATEGORIES.find((c) => c.code === report.riskCategory);
  const commands = access.readOnly ? [] : allowedCommands(reportLifecycle, status, access.me.role);
  const can = (cmd: string, cap: Parameters<typeof access.can>[0]) => commands.includes(cmd) && access.can(cap);

  const steps: Step[] = [
    { what: tx('收到举报', 'Received'), who: report.filedBy?.name ?? tx('举报人（身份不显示）', 'Reporter (identity not shown)'), role: report.filedBy?.role, at: report.receivedAt },
    ...(report.acceptedBy ? [{ what: tx('受理', 'Accepted'), who: report.acceptedBy.name, role: report.acceptedBy.role, at: report.acceptedBy.at }] : []),
    ...(report.rejectedBy ? [{ what: tx('不予受理', 'Rejected'), who: report.rejectedBy.name, role: report.rejectedBy.role, at: report.rejectedBy.at, note: report.rejectReason ? label(REPORT_REJECT_REASON_LABELS[report.rejectReason]) : null }] : []),
    ...(report.assignedBy ? [{ what: tx(`指派核查：${report.assignee?.name ?? ''}`, `Assigned to ${report.assignee?.name ?? ''}`), who: report.assignedBy.name, role: report.assignedBy.role, at: report.assignedBy.at }] : []),
    ...(report.verifiedBy ? [{ what: status === 'unfounded' || (status === 'replied' && report.hazardIds.length === 0) ? tx('核查不属实', 'Found unfounded') : tx('核查属实', 'Substantiated'), who: report.verifiedBy.name, role: report.verifiedBy.role, at: report.verifiedBy.at }] : []),
    ...(report.repliedBy ? [{ what: tx('答复举报人', 'Replied'), who: report.repliedBy.name, role: report.repliedBy.role, at: report.repliedBy.at, note: report.reply }] : []),
  ];

  const submit = (values: Record<string, string>) => {
    const base = { id, version };
    if (dialog === 'reject') {
      run.mutate(() => client.reports.reject.mutate({ ...base, reason: values.reason as (typeof REPORT_REJECT_REASONS)[number], explanation: values.explanation ?? '', ...(values.duplicateOf ? { duplicateOf: values.duplicateOf } : {}) }));
    } else if (dialog === 'unfounded') {
      run.mutate(() => client.reports.findUnfounded.mutate({ ...base, reason: values.reason ?? '' }));
    } else if (dialog === 'reply') {
      run.mutate(() => client.reports.reply.mutate({ ...base, text: values.text ?? '' }));
    } else if (dialog === 'substantiate') {
      // 核查属实 creates the hazard on the ledger first, then links it to the report.
      run.mutate(async () => {
        const hazard = await client.hazards.register.mutate({
          source: 'report',
          sourceRef: id,
          riskCategory: report.riskCategory as (typeof RISK_CATEGORIES)[number]['code'],
          description: values.description ?? report.description,
          ...(report.venueId ? { venueId: report.venueId } : { jurisdictionId: report.jurisdictionId }),
        });
        return client.reports.substantiate.mutate({ ...base, hazardIds: [hazard.id] });
      });
    }
  };

  return (
    <>
      <PageHead
        title={
          <>
            {tx('举报', 'Report')} · {label(category) || report.riskCategory}{' '}
            <StatusTag status={status} text={label(REPORT_STATUS_LABELS[status])} />
            {report.urgent ? <ToneTag tone="danger">{tx('紧急', 'Urgent')}</ToneTag> : null}
          </>
        }
        extra={
          commands.length > 0 ? (
            <div className="console-actions" data-testid="report-actions">
              {can('accept', 'report.triage') ? (
                <Button type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.reports.accept.mutate({ id, version }))}>
                  {tx('受理', 'Accept')}
                </Button>
              ) : null}
              {can('reject', 'report.triage') ? <Button onClick={() => setDialog('reject')}>{tx('不予受理', 'Reject')}</Button> : null}
              {can('assign', 'report.verify') && status === 'accepted' ? (
                <Button type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.reports.startVerification.mutate({ id, version }))}>
                  {tx('开始核查（本人）', 'Verify it myself')}
                </Button>
              ) : null}
              {can('substantiate', 'report.verify') ? <Button type="primary" onClick={() => setDialog('substantiate')}>{tx('核查属实', 'Substantiate')}</Button> : null}
              {can('mark_unfounded', 'report.verify') ? <Button onClick={() => setDialog('unfounded')}>{tx('核查不属实', 'Unfounded')}</Button> : null}
              {can('reply', 'report.reply') ? <Button type="primary" onClick={() => setDialog('reply')}>{tx('答复举报人', 'Reply to the reporter')}</Button> : null}
            </div>
          ) : null
        }
      />
      {stale && !dialog ? <StaleNotice onReload={() => void reload()} /> : null}
      {run.isError && !dialog && !stale ? <Alert type="error" showIcon role="alert" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
      <div className="console-grid">
        <div className="console-stack">
          <Card title={tx('举报事实', 'Facts')} size="small">
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={tx('收到时间', 'Received')}>{dateTime(report.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={tx('时限', 'Time limit')}>
                <Clock deadline={deadline.nextDeadline} overdue={deadline.overdue} />
              </Descriptions.Item>
              <Descriptions.Item label={tx('核查期限', 'Verify by')}>{dateTime(report.verificationDue)}</Descriptions.Item>
              <Descriptions.Item label={tx('答复期限', 'Reply by')}>{dateTime(report.replyDue)}</Descriptions.Item>
              <Descriptions.Item label={tx('举报人', 'Reporter')}>{report.anonymous ? tx('匿名', 'Anonymous') : tx('实名（身份密封，不显示）', 'Named (identity sealed, not shown)')}</Descriptions.Item>
              <Descriptions.Item label={tx('核查人', 'Verifier')}>{report.assignee ? `${report.assignee.name} · ${role(report.assignee.role)}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('举报内容', 'Description')} span={2}>
                {report.description}
              </Descriptions.Item>
              {report.hazardIds.length > 0 ? (
                <Descriptions.Item label={tx('关联隐患', 'Hazards')} span={2}>
                  {report.hazardIds.map((h) => (
                    <Link key={h} href={`/hazards/${h}`} className="console-link-gap">
                      {tx('隐患', 'Hazard')} {h.slice(0, 8)}
                    </Link>
                  ))}
                </Descriptions.Item>
              ) : null}
              {report.reply ? (
                <Descriptions.Item label={tx('答复内容', 'Reply')} span={2}>
                  {report.reply}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card title={tx('与举报人沟通', 'Messages with the reporter')} size="small">
            {messages.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('暂无消息', 'No messages yet')} /> : null}
            {messages.map((m) => (
              <div key={m.id} className={`console-message ${m.direction === 'handler' ? 'console-message--staff' : ''}`}>
                <div className="console-message__meta">
                  {m.direction === 'handler' ? tx('办理人员', 'Handler') : tx('举报人', 'Reporter')} · {dateTime(m.createdAt)}
                </div>
                <div>{m.body}</div>
              </div>
            ))}
            {access.can('report.reply') ? (
              <div style={{ marginTop: 8 }}>
                <Input.TextArea aria-label={tx('发给举报人的消息', 'Message to the reporter')} rows={2} value={chat} maxLength={4000} onChange={(e) => setChat(e.target.value)} placeholder={tx('消息将通过回执发送给举报人，不会显示办理人员姓名', 'Sent through the receipt; your name is not shown')} />
                {send.isError ? <Alert type="error" showIcon title={errorText(send.error)} style={{ marginTop: 8 }} /> : null}
                <Button style={{ marginTop: 8 }} disabled={!chat.trim()} loading={send.isPending} onClick={() => send.mutate({ id, body: chat })}>
                  {tx('发送', 'Send')}
                </Button>
              </div>
            ) : null}
          </Card>
        </div>
        <div className="console-stack">
          <Card title={tx('办理过程', 'Timeline')} size="small">
            <Timeline items={steps.map((s) => ({ content: <StepView step={s} /> }))} />
            {access.capabilities.has('audit.read') ? <Link href={`/audit?entity=report&entityId=${id}`}>{tx('查看审计记录', 'Audit entries')}</Link> : null}
          </Card>
          {duplicateCandidates.length > 0 ? (
            <Card title={tx('疑似重复举报', 'Possible duplicates')} size="small">
              <List
                size="small"
                dataSource={duplicateCandidates}
                renderItem={(c) => (
                  <List.Item>
                    <Link href={`/reports/${c.reportId}`}>{c.reportId.slice(0, 8)}</Link>
                    <span className="console-muted">{c.status ? label(REPORT_STATUS_LABELS[c.status]) : ''}</span>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
        </div>
      </div>
      <Modal
        open={dialog !== null}
        title={dialog === 'reject' ? tx('不予受理', 'Reject') : dialog === 'substantiate' ? tx('核查属实并登记隐患', 'Substantiate and register the hazard') : dialog === 'unfounded' ? tx('核查不属实', 'Unfounded') : tx('答复举报人', 'Reply to the reporter')}
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
          {dialog === 'reject' ? (
            <>
              <Form.Item name="reason" label={tx('理由', 'Reason')} rules={[{ required: true }]}>
                <Radio.Group options={REPORT_REJECT_REASONS.map((r) => ({ value: r, label: label(REPORT_REJECT_REASON_LABELS[r]) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue('reason') === 'duplicate' ? (
                    <Form.Item name="duplicateOf" label={tx('与之重复的举报', 'Duplicate of')} rules={[{ required: true }]}>
                      <Select options={duplicateCandidates.map((c) => ({ value: c.reportId, label: `${c.reportId.slice(0, 8)} · ${c.status ?? ''}` }))} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item name="explanation" label={tx('说明（告知举报人）', 'Explanation (the reporter reads it)')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'substantiate' ? (
            <Form.Item name="description" label={tx('隐患描述', 'Hazard description')} initialValue={report.description} rules={[{ required: true }]}>
              <Input.TextArea rows={4} maxLength={2000} />
            </Form.Item>
          ) : null}
          {dialog === 'unfounded' ? (
            <Form.Item name="reason" label={tx('核查情况', 'What verification found')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : null}
          {dialog === 'reply' ? (
            <Form.Item name="text" label={tx('答复内容（举报人通过回执查看）', 'Reply (the reporter reads it on the receipt)')} rules={[{ required: true }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}

export function StepView({ step }: { step: Step }) {
  const { role, dateTime } = useText();
  return (
    <div>
      <strong>{step.what}</strong>
      <div className="console-muted">
        {[step.who, role(step.role), step.department].filter(Boolean).join(' · ')} · {dateTime(step.at)}
      </div>
      {step.note ? <div>{step.note}</div> : null}
    </div>
  );
}
