import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient, type RouterOutputs } from '@firebreak/client';
import {
  CADENCE_REPORT_LABELS,
  CAMPAIGN_FIGURES,
  CAMPAIGN_TASK_MAX_DEPTH,
  ENFORCEMENT_ACTIONS,
  HAZARD_STATUS_LABELS,
  RISK_CATEGORIES,
  allowedCampaignCommands,
  campaignFigureLabel,
  type CadenceReportKind,
  type CampaignTaskStatus,
  type EnforcementActionKind,
  type HazardStatus,
} from '@firebreak/domain';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Progress, Result, Select, Space, Spin, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useLocation } from 'wouter';
import { useAccess } from '../lib/access';
import { CAMPAIGN_STATUS_TEXT, TASK_STATUS_TEXT, TASK_TONES } from '../lib/campaign-labels';
import { isStale, useText } from '../lib/text';
import { Clock, PageHead, StaleNotice, StatusTag, ToneTag } from '../lib/ui';

type View = RouterOutputs['campaigns']['get'];
type Node = View['tasks'][number];
/** A tree row: leaves carry no `children`, so the table draws no expand button on them. */
type Task = Omit<Node, 'children'> & { readonly children?: Task[] };
type Dialog = { kind: 'add'; parent: Task | null } | { kind: 'assign' | 'report' | 'send_back'; task: Task } | null;

interface DialogValues {
  title?: string;
  leadDepartmentId?: string;
  supportingDepartmentIds?: string[];
  deadline?: Dayjs;
  figures?: Record<string, number | null | undefined>;
  summary?: string;
  reason?: string;
}

/** One campaign: the task tree with its roll-up, and the progress, hazard and measures lists, and the issued reports. */
export default function CampaignPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id!;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const [, navigate] = useLocation();
  const { tx, label, dateTime, errorText } = useText();
  const query = useQuery(trpc.campaigns.get.queryOptions({ campaignId: id }));
  const reports = useQuery(trpc.campaigns.reports.queryOptions({ campaignId: id }));
  const canManage = access.can('campaign.manage');
  const departments = useQuery({ ...trpc.campaigns.departments.queryOptions({}), enabled: canManage });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [stale, setStale] = useState(false);
  // Every item starts open, new ones too; the user folds what they do not need.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [form] = Form.useForm<DialogValues>();
  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey({ campaignId: id }) });
  };
  const run = useMutation({
    mutationFn: async (fn: () => Promise<unknown>) => fn(),
    onSuccess: async () => {
      message.success(tx('已办理', 'Done'));
      setDialog(null);
      form.resetFields();
      await reload();
    },
    onError: (e) => {
      if (isStale(e)) setStale(true);
    },
  });

  if (query.isPending) return <Spin />;
  if (query.isError) return <Result status="warning" title={errorText(query.error)} extra={<Link href="/campaigns">{tx('返回专项行动', 'Back to campaigns')}</Link>} />;
  const view = query.data;
  const { campaign, progressTotal } = view;
  const me = access.me;
  const open = (d: Dialog) => {
    form.resetFields();
    run.reset();
    setDialog(d);
  };

  const submit = (v: DialogValues) => {
    if (!dialog) return;
    if (dialog.kind === 'add') {
      run.mutate(() => client.campaigns.addTask.mutate({ campaignId: id, title: v.title ?? '', ...(dialog.parent ? { parentId: dialog.parent.id } : {}) }));
    } else if (dialog.kind === 'assign') {
      run.mutate(() =>
        client.campaigns.assign.mutate({
          taskId: dialog.task.id,
          leadDepartmentId: v.leadDepartmentId!,
          ...(v.supportingDepartmentIds?.length ? { supportingDepartmentIds: v.supportingDepartmentIds } : {}),
          // The plan's deadline is the end of the chosen day, China time.
          deadline: `${v.deadline!.format('YYYY-MM-DD')}T23:59:59+08:00`,
        }),
      );
    } else if (dialog.kind === 'report') {
      const figures = Object.fromEntries(Object.entries(v.figures ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
      run.mutate(() => client.campaigns.reportProgress.mutate({ taskId: dialog.task.id, figures, summary: v.summary ?? '' }));
    } else {
      run.mutate(() => client.campaigns.sendBack.mutate({ taskId: dialog.task.id, reason: v.reason ?? '' }));
    }
  };

  const actions = (t: Task) => {
    const commands = access.readOnly ? [] : allowedCampaignCommands(t, me, t.overdue);
    const buttons: React.ReactNode[] = [];
    const name = `${t.code} ${t.title}`;
    if (canManage && me.departmentId === t.ownerDepartmentId && t.status !== 'completed' && t.code.split('.').length < CAMPAIGN_TASK_MAX_DEPTH)
      buttons.push(
        <Button key="add" size="small" type="link" onClick={() => open({ kind: 'add', parent: t })} aria-label={tx(`为 ${name} 添加子项`, `Add a sub-item to ${name}`)}>
          {tx('添加子项', 'Sub-item')}
        </Button>,
      );
    if (commands.includes('assign'))
      buttons.push(
        <Button key="assign" size="small" type="primary" onClick={() => open({ kind: 'assign', task: t })} aria-label={tx(`下达 ${name}`, `Assign ${name}`)}>
          {tx('分解下达', 'Assign')}
        </Button>,
      );
    if (commands.includes('start'))
      buttons.push(
        <Button key="start" size="small" type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.campaigns.start.mutate({ taskId: t.id }))} aria-label={tx(`开始推进 ${name}`, `Start ${name}`)}>
          {tx('开始推进', 'Start')}
        </Button>,
      );
    if (commands.includes('report_progress'))
      buttons.push(
        <Button key="report" size="small" type="primary" onClick={() => open({ kind: 'report', task: t })} aria-label={tx(`报送进展 ${name}`, `Report progress on ${name}`)}>
          {tx('报送进展', 'Report')}
        </Button>,
      );
    if (commands.includes('accept'))
      buttons.push(
        <Button key="accept" size="small" type="primary" loading={run.isPending} onClick={() => run.mutate(() => client.campaigns.accept.mutate({ taskId: t.id }))} aria-label={tx(`验收 ${name}`, `Accept ${name}`)}>
          {tx('验收完成', 'Accept')}
        </Button>,
      );
    if (commands.includes('send_back'))
      buttons.push(
        <Button key="back" size="small" onClick={() => open({ kind: 'send_back', task: t })} aria-label={tx(`退回 ${name}`, `Send back ${name}`)}>
          {tx('退回', 'Send back')}
        </Button>,
      );
    if (commands.includes('mark_overdue'))
      buttons.push(
        <Button key="overdue" size="small" danger loading={run.isPending} onClick={() => run.mutate(() => client.campaigns.markOverdue.mutate({ taskId: t.id }))} aria-label={tx(`标记逾期 ${name}`, `Mark ${name} overdue`)}>
          {tx('标记逾期', 'Mark overdue')}
        </Button>,
      );
    return buttons.length ? <Space wrap size={4}>{buttons}</Space> : null;
  };

  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const titles = { add: tx('添加任务', 'Add a task'), assign: tx('分解下达', 'Assign'), report: tx('报送进展', 'Report progress'), send_back: tx('退回继续推进', 'Send back') };

  return (
    <>
      <PageHead
        title={
          <>
            {campaign.name} <ToneTag tone={campaign.status === 'closed' ? 'muted' : 'teal'}>{label(CAMPAIGN_STATUS_TEXT[campaign.status])}</ToneTag>
          </>
        }
        extra={
          canManage ? (
            <Button type="primary" onClick={() => navigate(`/campaigns/${id}/report`)}>
              {tx('出具调度报告', 'Issue a report')}
            </Button>
          ) : null
        }
      />
      {stale ? <StaleNotice onReload={() => void reload()} /> : null}
      {run.isError && !stale && dialog === null ? <Alert type="error" showIcon role="alert" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(220px, 1fr)', gap: 16, alignItems: 'center' }}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={tx('起止日期', 'Dates')}>{`${campaign.startsOn} — ${campaign.endsOn ?? tx('未定', 'open')}`}</Descriptions.Item>
            <Descriptions.Item label={tx('牵头部署部门', 'Dispatched by')}>{campaign.leadDepartmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={tx('末级任务', 'Leaf tasks')}>{tx(`${progressTotal.completed} / ${progressTotal.leaves} 项已验收`, `${progressTotal.completed} of ${progressTotal.leaves} accepted`)}</Descriptions.Item>
          </Descriptions>
          <div data-testid="campaign-progress">
            <Progress percent={progressTotal.percent} size="small" showInfo={false} aria-label={tx('总体完成率', 'Overall completion')} />
            <div>
              <strong>{tx(`总体完成率 ${progressTotal.percent}%`, `${progressTotal.percent}% done`)}</strong>
            </div>
            {progressTotal.overdueTasks > 0 ? (
              <span className="console-overdue" data-testid="campaign-overdue">
                {tx(`${progressTotal.overdueTasks} 项任务逾期`, `${progressTotal.overdueTasks} task(s) overdue`)}
              </span>
            ) : (
              <span className="console-muted">{tx('无逾期任务', 'Nothing overdue')}</span>
            )}
          </div>
        </div>
      </Card>
      <Tabs
        defaultActiveKey="tasks"
        items={[
          {
            key: 'tasks',
            label: tx('任务清单', 'Tasks'),
            children: (
              <Card
                size="small"
                title={tx('任务清单（大项 / 子项 / 细项）', 'Task list (items / sub-items / sub-sub-items)')}
                extra={
                  canManage && me.departmentId === campaign.leadDepartmentId ? (
                    <Button size="small" onClick={() => open({ kind: 'add', parent: null })}>
                      {tx('添加大项', 'Add an item')}
                    </Button>
                  ) : null
                }
              >
                <Table<Task>
                  rowKey="id"
                  size="small"
                  data-testid="campaign-tasks"
                  dataSource={treeRows(view.tasks)}
                  pagination={false}
                  expandable={{
                    childrenColumnName: 'children',
                    indentSize: 12,
                    expandedRowKeys: allIds(view.tasks).filter((k) => !collapsed.has(k)),
                    onExpand: (expanded, t) =>
                      setCollapsed((c) => {
                        const next = new Set(c);
                        if (expanded) next.delete(t.id);
                        else next.add(t.id);
                        return next;
                      }),
                  }}
                  rowClassName={(t) => (t.overdue ? 'console-row-overdue' : '')}
                  onRow={(t) => ({ 'data-code': t.code, 'data-overdue': t.overdue ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚未分解任务', 'No tasks yet')} /> }}
                  columns={[
                    { title: tx('编号', 'No.'), dataIndex: 'code', width: 120, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
                    {
                      title: tx('任务', 'Task'),
                      dataIndex: 'title',
                      render: (v: string, t) => (
                        <>
                          <div>{v}</div>
                          {t.sentBackReason ? <div className="console-overdue">{tx(`退回：${t.sentBackReason}`, `Sent back: ${t.sentBackReason}`)}</div> : null}
                        </>
                      ),
                    },
                    {
                      title: tx('牵头部门 / 完成时限', 'Lead / deadline'),
                      key: 'lead',
                      width: 170,
                      render: (_: unknown, t) => (
                        <>
                          <div>{t.leadDepartmentName ?? <span className="console-muted">{tx('未指定', 'None yet')}</span>}</div>
                          <div>{t.status === 'completed' || t.status === 'reported' ? <span className="console-muted">{t.deadline ? dateTime(t.deadline).slice(0, 10) : ''}</span> : t.deadline ? <Clock deadline={t.deadline} overdue={t.overdue} /> : null}</div>
                        </>
                      ),
                    },
                    {
                      title: tx('状态', 'Status'),
                      dataIndex: 'status',
                      width: 120,
                      render: (v: CampaignTaskStatus, t) => (
                        <span data-status={v}>
                          <ToneTag tone={TASK_TONES[v]}>{label(TASK_STATUS_TEXT[v])}</ToneTag>
                          {t.overdue && v !== 'overdue' ? <ToneTag tone="danger">{tx('逾期', 'Late')}</ToneTag> : null}
                        </span>
                      ),
                    },
                    {
                      title: tx('完成率', 'Done'),
                      key: 'rollup',
                      width: 110,
                      render: (_: unknown, t) => (
                        <span data-testid={`rollup-${t.code}`} data-percent={t.rollup.percent}>
                          <Progress percent={t.rollup.percent} size="small" showInfo={false} status={t.rollup.overdueLeaves > 0 ? 'exception' : 'normal'} aria-label={tx(`${t.code} 完成率 ${t.rollup.percent}%`, `${t.code} ${t.rollup.percent}% done`)} />
                          <span className="console-muted">{`${t.rollup.percent}%（${t.rollup.completed}/${t.rollup.leaves}）`}</span>
                        </span>
                      ),
                    },
                    { title: tx('操作', 'Actions'), key: 'actions', width: 190, render: (_: unknown, t) => actions(t) },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'progress',
            label: tx(`进展清单（${view.progress.length}）`, `Progress (${view.progress.length})`),
            children: (
              <Card size="small">
                <Table
                  rowKey={(p) => `${p.taskId}-${p.by.at}`}
                  size="small"
                  dataSource={[...view.progress].reverse()}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: tx('报送时间', 'Reported'), key: 'at', width: 150, render: (_: unknown, p) => dateTime(p.by.at) },
                    { title: tx('任务', 'Task'), key: 'task', render: (_: unknown, p) => `${p.code} ${p.title}` },
                    { title: tx('牵头部门', 'Lead department'), dataIndex: 'leadDepartmentName', width: 160, render: (v: string | null) => v ?? '—' },
                    {
                      title: tx('统计数据', 'Figures'),
                      key: 'figures',
                      render: (_: unknown, p) =>
                        Object.entries(p.figures)
                          .map(([k, n]) => {
                            const f = campaignFigureLabel(k);
                            return `${label(f)} ${n}${f.unit && label({ zh: f.unit, en: '' })}`;
                          })
                          .join('；'),
                    },
                    { title: tx('进展说明', 'Summary'), dataIndex: 'summary' },
                    { title: tx('报送人', 'By'), key: 'by', width: 100, render: (_: unknown, p) => p.by.name },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'hazards',
            label: tx(`隐患清单（${view.hazards.length}）`, `Hazards (${view.hazards.length})`),
            children: (
              <Card size="small">
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={view.hazards}
                  pagination={{ pageSize: 20 }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('本行动的专项检查尚未发现隐患', "This campaign's inspections found no hazards yet")} /> }}
                  columns={[
                    { title: tx('场所', 'Venue'), dataIndex: 'venueName', render: (v: string | null, h) => <Link href={`/hazards/${h.id}`}>{v ?? '—'}</Link> },
                    { title: tx('隐患类别', 'Risk'), dataIndex: 'riskCategory', render: (v: string) => label(RISK_CATEGORIES.find((c) => c.code === v)) || v },
                    { title: tx('等级', 'Severity'), dataIndex: 'severity', width: 110, render: (v: string | null) => (v === 'major' ? <ToneTag tone="danger">{tx('重大', 'Major')}</ToneTag> : tx('一般', 'General')) },
                    { title: tx('整改期限', 'Due'), dataIndex: 'dueAt', width: 160, render: (v: string | null, h) => (h.closedAt ? '—' : <Clock deadline={v} />) },
                    { title: tx('状态', 'Status'), dataIndex: 'status', width: 130, render: (v: string) => <StatusTag status={v} text={label(HAZARD_STATUS_LABELS[v as HazardStatus]) || v} /> },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'measures',
            label: tx(`措施清单（${view.measures.length}）`, `Measures (${view.measures.length})`),
            children: (
              <Card size="small">
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={view.measures}
                  pagination={{ pageSize: 20 }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚未对本行动的隐患采取执法措施', 'No enforcement on these hazards yet')} /> }}
                  columns={[
                    { title: tx('措施', 'Measure'), dataIndex: 'kind', render: (v: string) => label(ENFORCEMENT_ACTIONS[v as EnforcementActionKind]?.label) || v },
                    { title: tx('金额（元）', 'Amount (yuan)'), dataIndex: 'amountFen', width: 130, render: (v: number | null) => (v === null ? '—' : (v / 100).toLocaleString()) },
                    { title: tx('执法部门', 'Department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
                    { title: tx('决定时间', 'Decided'), dataIndex: 'decidedAt', width: 150, render: (v: string | null) => dateTime(v) },
                    { title: tx('状态', 'Status'), dataIndex: 'status', width: 120 },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'reports',
            label: tx(`调度报告（${reports.data?.length ?? 0}）`, `Reports (${reports.data?.length ?? 0})`),
            children: (
              <Card size="small">
                <Table
                  rowKey="id"
                  size="small"
                  data-testid="campaign-reports"
                  loading={reports.isFetching}
                  dataSource={reports.data ?? []}
                  pagination={{ pageSize: 20 }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚未出具报告', 'No report issued yet')} /> }}
                  columns={[
                    { title: tx('期号', 'Issue'), dataIndex: 'issueNumber', width: 220 },
                    { title: tx('报告', 'Report'), dataIndex: 'title', render: (v: string, r) => <Link href={`/print/campaign-report/${r.id}`}>{v}</Link> },
                    { title: tx('类型', 'Kind'), dataIndex: 'kind', width: 140, render: (v: CadenceReportKind) => label(CADENCE_REPORT_LABELS[v]) },
                    { title: tx('报告期', 'Period'), key: 'period', width: 200, render: (_: unknown, r) => `${r.periodFrom} — ${r.periodTo}` },
                    { title: tx('出具', 'Issued'), key: 'issued', width: 200, render: (_: unknown, r) => `${dateTime(r.issuedAt)} · ${r.issuedByName}` },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog ? `${titles[dialog.kind]}${dialog.kind === 'add' ? (dialog.parent ? ` · ${dialog.parent.code} ${dialog.parent.title}` : '') : ` · ${dialog.task.code} ${dialog.task.title}`}` : ''}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={tx('确定', 'Confirm')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={run.isPending}
        forceRender
      >
        {run.isError && !stale ? <Alert type="error" showIcon role="alert" title={errorText(run.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} data-testid="task-dialog">
          {dialog?.kind === 'add' ? (
            <Form.Item name="title" label={tx('任务名称', 'Task')} rules={[{ required: true, whitespace: true, message: tx('请填写任务名称', 'Enter the task') }, { max: 500 }]}>
              <Input />
            </Form.Item>
          ) : null}
          {dialog?.kind === 'assign' ? (
            <>
              <Form.Item name="leadDepartmentId" label={tx('牵头部门', 'Lead department')} rules={[{ required: true, message: tx('请选择牵头部门', 'Choose the lead department') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={deptOptions} loading={departments.isFetching} />
              </Form.Item>
              <Form.Item name="supportingDepartmentIds" label={tx('配合部门', 'Supporting departments')}>
                <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={deptOptions} />
              </Form.Item>
              <Form.Item name="deadline" label={tx('完成时限', 'Deadline')} rules={[{ required: true, message: tx('请选择完成时限', 'Choose the deadline') }]}>
                <DatePicker style={{ width: 220 }} />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === 'report' ? (
            <>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: 12 }}>
                {CAMPAIGN_FIGURES.map((f) => (
                  <Form.Item key={f.key} name={['figures', f.key]} label={`${label(f)}（${f.unit}）`}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ))}
              </div>
              <Form.Item name="summary" label={tx('进展说明', 'Summary')} rules={[{ required: true, whitespace: true, message: tx('请填写进展说明', 'Describe the progress') }, { max: 5000 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {dialog?.kind === 'send_back' ? (
            <Form.Item name="reason" label={tx('退回理由', 'Reason')} rules={[{ required: true, whitespace: true, message: tx('请填写退回理由', 'Give the reason') }, { max: 2000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}

function allIds(tasks: readonly Node[]): string[] {
  return tasks.flatMap((t) => [t.id, ...allIds(t.children)]);
}

function treeRows(tasks: readonly Node[]): Task[] {
  return tasks.map(({ children, ...t }) => (children.length ? { ...t, children: treeRows(children) } : t));
}
