import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useLocation } from 'wouter';
import { useAccess } from '../lib/access';
import { CAMPAIGN_STATUS_TEXT } from '../lib/campaign-labels';
import { useText } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

interface CreateValues {
  name: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
}

/** 专项行动: the campaigns of the caller's jurisdiction, and dispatching a new one. */
export default function CampaignsList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const access = useAccess();
  const [, navigate] = useLocation();
  const { tx, label, errorText } = useText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const list = useQuery(trpc.campaigns.list.queryOptions({ limit: 200, offset: 0 }));
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      client.campaigns.create.mutate({
        name: v.name,
        jurisdictionId: access.me.jurisdictionId!,
        ...(access.me.departmentId ? { leadDepartmentId: access.me.departmentId } : {}),
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        ...(v.endsOn ? { endsOn: v.endsOn.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
      setOpen(false);
      navigate(`/campaigns/${c.id}`);
    },
  });
  const canManage = access.can('campaign.manage') && access.me.jurisdictionId !== null;
  return (
    <>
      <PageHead
        title={tx('专项行动', 'Campaigns')}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              {tx('部署专项行动', 'New campaign')}
            </Button>
          ) : null
        }
      >
        <span className="console-muted">
          {tx('任务清单、进展清单、隐患清单、措施清单“四个清单”，逐项分解到牵头部门，按周分析、半月小结、月调度、季报告。', 'Four lists (tasks, progress, hazards, measures), each task to a lead department; weekly, semi-monthly, monthly and quarterly reports.')}
        </span>
      </PageHead>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          data-testid="campaigns-table"
          pagination={{ pageSize: 20, showTotal: (n) => tx(`共 ${n} 项`, `${n} in all`) }}
          columns={[
            { title: tx('专项行动', 'Campaign'), dataIndex: 'name', render: (v: string, r) => <Link href={`/campaigns/${r.id}`}>{v}</Link> },
            { title: tx('开始', 'Starts'), dataIndex: 'startsOn', width: 130 },
            { title: tx('结束', 'Ends'), dataIndex: 'endsOn', width: 130, render: (v: string | null) => v ?? '—' },
            {
              title: tx('状态', 'Status'),
              dataIndex: 'status',
              width: 120,
              render: (v: 'planned' | 'active' | 'closed') => <ToneTag tone={v === 'closed' ? 'muted' : v === 'active' ? 'teal' : 'info'}>{label(CAMPAIGN_STATUS_TEXT[v])}</ToneTag>,
            },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={tx('部署专项行动', 'New campaign')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={tx('部署', 'Create')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={create.isPending}
        forceRender
      >
        {create.isError ? <Alert type="error" showIcon role="alert" title={errorText(create.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="campaign-form">
          <Form.Item name="name" label={tx('行动名称', 'Name')} rules={[{ required: true, whitespace: true, message: tx('请填写行动名称', 'Enter a name') }, { max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="startsOn" label={tx('开始日期', 'Starts on')} rules={[{ required: true, message: tx('请选择开始日期', 'Choose the start date') }]}>
            <DatePicker style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={tx('结束日期', 'Ends on')}
            dependencies={['startsOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | null | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(tx('结束日期不能早于开始日期', 'The end is before the start')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: 220 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
