import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC, useTRPCClient, type RouterOutputs } from '@firebreak/client';
import { Alert, Button, Card, Descriptions, Empty, Modal, Table } from 'antd';
import { DISCLOSURE_STATUS_LABELS, Status, useRiskLabel } from '../lib/rewards';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

type Opened = RouterOutputs['disclosures']['readIdentity'];

const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'Name' },
  phone: { zh: '手机号', en: 'Phone' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  email: { zh: '电子邮箱', en: 'Email' },
  address: { zh: '联系地址', en: 'Address' },
  employer: { zh: '工作单位', en: 'Employer' },
};

function IdentityFields({ value }: { value: unknown }) {
  const { tx, label } = useText();
  if (value === null || value === undefined) return <span className="console-muted">{tx('未留存身份信息（匿名）', 'No identity kept (anonymous)')}</span>;
  if (typeof value !== 'object') return <span>{JSON.stringify(value)}</span>;
  return (
    <Descriptions column={1} size="small" bordered>
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <Descriptions.Item key={k} label={label(FIELD_LABELS[k]) || k}>
          {typeof v === 'string' ? v : JSON.stringify(v)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * A reward officer's own disclosure requests. An approved one opens the sealed
 * identity on demand: each opening is one audited read, and what it showed is
 * dropped when the dialog closes, so seeing it again is another read.
 */
export default function DisclosuresMine() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { tx, role, dateTime, errorText } = useText();
  const risk = useRiskLabel();
  const [paging, setPaging] = useState({ limit: 20, offset: 0 });
  const list = useQuery(trpc.disclosures.mine.queryOptions(paging, { placeholderData: keepPreviousData }));
  const [opened, setOpened] = useState<Opened | null>(null);
  const read = useMutation({
    mutationFn: (disclosureId: string) => client.disclosures.readIdentity.mutate({ disclosureId }),
    onSuccess: (data) => setOpened(data),
  });

  return (
    <>
      <PageHead title={tx('我的身份查阅申请', 'My identity requests')}>
        <span className="console-muted">{tx('经身份保管人批准后方可查阅；每次查阅都会记入审计日志。', 'You can read an identity once a custodian approves; every read is audited.')}</span>
      </PageHead>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      {read.isError ? <Alert type="error" showIcon role="alert" title={errorText(read.error)} style={{ marginBottom: 12 }} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="my-disclosures"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('暂无申请：在奖励页面可申请查阅举报人身份', 'No requests yet: ask from a reward’s page')} /> }}
          pagination={{
            current: paging.offset / paging.limit + 1,
            pageSize: paging.limit,
            total: list.data?.total ?? 0,
            showTotal: (n) => tx(`共 ${n} 条`, `${n} in all`),
            onChange: (page, size) => setPaging({ limit: size, offset: (page - 1) * size }),
          }}
          columns={[
            { title: tx('申请时间', 'Requested'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('所涉举报', 'Report'), key: 'report', width: 220, render: (_, r) => `${risk(r.report?.riskCategory)}${r.report?.venueName ? ` · ${r.report.venueName}` : ''}` },
            { title: tx('查阅理由', 'Reason'), dataIndex: 'reason' },
            { title: tx('状态', 'Status'), dataIndex: 'status', width: 110, render: (v: string) => <Status status={v} labels={DISCLOSURE_STATUS_LABELS} /> },
            {
              title: tx('审批', 'Decision'),
              key: 'decision',
              width: 200,
              render: (_, r) => (r.decision ? `${r.decision.by.name} · ${role(r.decision.by.role)}${r.decision.note ? `：${r.decision.note}` : ''}` : '—'),
            },
            {
              title: tx('查阅', 'Read'),
              key: 'read',
              width: 150,
              render: (_, r) =>
                r.status === 'approved' ? (
                  <Button size="small" type="primary" loading={read.isPending && read.variables === r.id} onClick={() => read.mutate(r.id)}>
                    {tx('查阅身份（记入审计）', 'Read (audited)')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={opened !== null}
        title={tx('举报人身份（本次查阅已记入审计日志）', 'Reporter identity (this read is in the audit log)')}
        onCancel={() => {
          setOpened(null);
          read.reset();
        }}
        footer={
          <Button
            type="primary"
            onClick={() => {
              setOpened(null);
              read.reset();
            }}
          >
            {tx('关闭（再次查看将重新记录）', 'Close (reading again is logged again)')}
          </Button>
        }
        destroyOnHidden
      >
        {opened ? (
          <div data-testid="identity">
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={tx(`查阅时间 ${dateTime(opened.accessLoggedAt)}，审计序号 ${opened.auditSeq ?? '—'}。仅限申请理由所述用途。`, `Read at ${dateTime(opened.accessLoggedAt)}, audit entry ${opened.auditSeq ?? '—'}. Use it only for the stated reason.`)}
            />
            <h3>{tx('举报时留存的身份', 'Identity given with the report')}</h3>
            <IdentityFields value={opened.reporterIdentity} />
            {opened.claimIdentities.length > 0 ? (
              <>
                <h3 style={{ marginTop: 12 }}>{tx('领奖时提交的身份', 'Identity given with the claim')}</h3>
                {opened.claimIdentities.map((c) => (
                  <IdentityFields key={c.claimId} value={c.identity} />
                ))}
              </>
            ) : null}
          </div>
        ) : null}
      </Modal>
    </>
  );
}
