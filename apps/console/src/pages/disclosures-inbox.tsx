import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient, type RouterOutputs } from '@firebreak/client';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tabs } from 'antd';
import { DISCLOSURE_STATUS_LABELS, Status, useRiskLabel } from '../lib/rewards';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

type Row = RouterOutputs['disclosures']['list']['items'][number];
type Decision = { row: Row; approve: boolean } | null;

/** The custodian's inbox: requests to see a reporter's identity, each decided once (approval is final). */
export default function DisclosuresInbox() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { tx, role, dateTime, errorText } = useText();
  const risk = useRiskLabel();
  const [tab, setTab] = useState<'requested' | 'decided'>('requested');
  const [paging, setPaging] = useState({ limit: 20, offset: 0 });
  const [decision, setDecision] = useState<Decision>(null);
  const [form] = Form.useForm<{ text?: string }>();
  const list = useQuery(trpc.disclosures.list.queryOptions({ ...paging, ...(tab === 'requested' ? { status: 'requested' as const } : {}) }, { placeholderData: keepPreviousData }));
  const decide = useMutation({
    mutationFn: async ({ row, approve, text }: { row: Row; approve: boolean; text: string }) =>
      approve ? client.disclosures.approve.mutate({ disclosureId: row.id, ...(text.trim() ? { note: text } : {}) }) : client.disclosures.deny.mutate({ disclosureId: row.id, reason: text }),
    onSuccess: async (_, v) => {
      setDecision(null);
      form.resetFields();
      message.success(v.approve ? tx('已批准查阅', 'Approved') : tx('已不予批准', 'Denied'));
      await qc.invalidateQueries({ queryKey: trpc.disclosures.list.queryKey() });
    },
  });

  const rows = list.data?.items ?? [];
  return (
    <>
      <PageHead title={tx('身份披露审批', 'Identity disclosure inbox')}>
        <span className="console-muted">
          {tx('奖励经办人查阅举报人身份须经您批准。批准或不予批准后不可更改；申请人每次查阅都会记入审计日志，纪检监察可查看。', 'A reward officer sees a reporter’s identity only with your approval. Decisions are final; each read by the requester is audited and visible to the discipline inspector.')}
        </span>
      </PageHead>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as 'requested' | 'decided');
          setPaging((p) => ({ ...p, offset: 0 }));
        }}
        items={[
          { key: 'requested', label: tx('待审批', 'To decide') },
          { key: 'decided', label: tx('全部申请', 'All requests') },
        ]}
      />
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          data-testid="disclosures-table"
          pagination={{
            current: paging.offset / paging.limit + 1,
            pageSize: paging.limit,
            total: list.data?.total ?? 0,
            showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
            onChange: (page, size) => setPaging({ limit: size, offset: (page - 1) * size }),
          }}
          columns={[
            { title: tx('申请时间', 'Requested'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('申请人', 'Requester'), key: 'who', width: 170, render: (_, r) => `${r.requestedBy.name} · ${role(r.requestedBy.role)}` },
            { title: tx('所涉举报', 'Report'), key: 'report', width: 220, render: (_, r) => `${risk(r.report?.riskCategory)}${r.report?.venueName ? ` · ${r.report.venueName}` : ''}` },
            { title: tx('查阅理由', 'Reason'), dataIndex: 'reason' },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 110, render: (v: string) => <Status status={v} labels={DISCLOSURE_STATUS_LABELS} /> },
            {
              title: tx('审批', 'Decision'),
              key: 'act',
              width: 190,
              render: (_, r) =>
                r.status === 'requested' ? (
                  <Space size="small">
                    <Button size="small" type="primary" onClick={() => setDecision({ row: r, approve: true })}>
                      {tx('批准', 'Approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDecision({ row: r, approve: false })}>
                      {tx('不予批准', 'Deny')}
                    </Button>
                  </Space>
                ) : r.decision ? (
                  <span className="console-muted">{`${r.decision.by.name} · ${dateTime(r.decision.by.at)}`}</span>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={decision !== null}
        title={decision?.approve ? tx('批准查阅举报人身份', 'Approve access to the identity') : tx('不予批准', 'Deny the request')}
        onCancel={() => setDecision(null)}
        onOk={() => form.submit()}
        okText={decision?.approve ? tx('批准（不可撤销）', 'Approve (final)') : tx('不予批准', 'Deny')}
        okButtonProps={decision?.approve ? {} : { danger: true }}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={decide.isPending}
        forceRender
      >
        {decision ? (
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={tx('申请人', 'Requester')}>{`${decision.row.requestedBy.name} · ${role(decision.row.requestedBy.role)}`}</Descriptions.Item>
            <Descriptions.Item label={tx('查阅理由', 'Reason')}>{decision.row.reason}</Descriptions.Item>
          </Descriptions>
        ) : null}
        {decide.isError ? <Alert type="error" showIcon role="alert" title={errorText(decide.error)} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => decision && decide.mutate({ row: decision.row, approve: decision.approve, text: v.text ?? '' })}>
          <Form.Item
            name="text"
            label={decision?.approve ? tx('批注（可选，例如用途限制）', 'Note (optional, e.g. limits on use)') : tx('不予批准的理由', 'Reason for denying')}
            rules={decision?.approve ? [] : [{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
