import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table, Typography } from 'antd';
import { useText } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

type Key = RouterOutputs['admin']['apiKeys']['list'][number];

/**
 * Open311 api keys (接口密钥, issue 11 §10) for hotline integrators (12345, 96119) and third-party
 * apps: issued here and shown exactly once (only the SHA-256 is stored), revoked at once.
 */
export default function AdminApiKeys() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { tx, dateTime, errorText } = useText();
  const [form] = Form.useForm<{ name: string }>();
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const q = useQuery(trpc.admin.apiKeys.list.queryOptions({}));
  const refresh = () => client.invalidateQueries({ queryKey: trpc.admin.apiKeys.list.queryKey() });
  const issue = useMutation(
    trpc.admin.apiKeys.issue.mutationOptions({
      onSuccess: (k) => {
        setIssued({ name: k.name, key: k.key });
        form.resetFields();
        void refresh();
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const revoke = useMutation(
    trpc.admin.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        void message.success(tx('密钥已吊销', 'Key revoked'));
        void refresh();
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  return (
    <>
      <PageHead title={tx('接口密钥', 'API keys')}>
        <span className="console-muted">{tx('Open311 接口（12345 热线、96119 等）使用；密钥只在签发时显示一次，系统仅保存其摘要', 'For Open311 integrators (12345, 96119 hotlines …); a key is shown once when issued, only its digest is kept')}</span>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={(v) => issue.mutate({ name: v.name, jurisdictionId: null })}>
          <Form.Item name="name" label={tx('接入方名称', 'Integrator')} rules={[{ required: true, whitespace: true, message: tx('请填写接入方名称', 'Name the integrator') }]}>
            <Input maxLength={100} style={{ width: 280 }} placeholder={tx('如 12345 市民热线', 'e.g. 12345 citizen hotline')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              {tx('签发密钥', 'Issue a key')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <Card size="small">
        <Table<Key>
          rowKey="id"
          size="small"
          data-testid="api-keys"
          loading={q.isFetching}
          dataSource={q.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <span className="console-muted">{tx('尚未签发密钥', 'No keys issued')}</span> }}
          columns={[
            { title: tx('接入方', 'Integrator'), dataIndex: 'name' },
            { title: tx('状态', 'Status'), dataIndex: 'active', width: 100, render: (v: boolean) => (v ? <ToneTag tone="ok">{tx('有效', 'Active')}</ToneTag> : <ToneTag tone="muted">{tx('已吊销', 'Revoked')}</ToneTag>) },
            { title: tx('签发时间', 'Issued'), dataIndex: 'createdAt', width: 160, render: (v: string) => dateTime(v) },
            { title: tx('最近使用', 'Last used'), dataIndex: 'lastUsedAt', width: 160, render: (v: string | null) => dateTime(v) },
            {
              title: tx('操作', 'Action'),
              key: 'action',
              width: 100,
              render: (_, r) =>
                r.active ? (
                  <Popconfirm title={tx(`吊销“${r.name}”的密钥？接入方将立即无法调用。`, `Revoke the key of “${r.name}”? It stops working at once.`)} okText={tx('吊销', 'Revoke')} cancelText={tx('取消', 'Cancel')} onConfirm={() => revoke.mutate({ keyId: r.id })}>
                    <Button size="small" danger aria-label={tx(`吊销 ${r.name}`, `Revoke ${r.name}`)}>
                      {tx('吊销', 'Revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal open={issued !== null} title={tx('新密钥（仅显示这一次）', 'New key (shown this once)')} onCancel={() => setIssued(null)} footer={<Button type="primary" onClick={() => setIssued(null)}>{tx('我已妥善保存', 'I have stored it')}</Button>}>
        <p>{tx(`请将以下密钥交给“${issued?.name ?? ''}”。关闭后无法再次查看，遗失只能吊销后重新签发。`, `Hand this key to “${issued?.name ?? ''}”. It cannot be shown again; a lost key is revoked and a new one issued.`)}</p>
        <Typography.Paragraph copyable={{ text: issued?.key ?? '' }} code data-testid="issued-key">
          {issued?.key}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
