import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { Alert, App, Button, Card, Descriptions, Modal, Select, Space, Table } from 'antd';
import { useAccess } from '../lib/access';
import { Status, useRiskLabel, yuan } from '../lib/rewards';
import { isStale, useText } from '../lib/text';
import { PageHead, StaleNotice } from '../lib/ui';

const LIST_STATUS = { draft: { zh: '待发布（草稿）', en: 'Draft, to publish' }, published: { zh: '已公示', en: 'Published' } };

type Entry = { no: number; month: string; area: string; riskCategory: string; amountFen: number; reporter: { zh: string; en: string } };

function EntriesTable({ entries, testId }: { entries: readonly Entry[]; testId: string }) {
  const { tx, label } = useText();
  const risk = useRiskLabel();
  return (
    <Table
      rowKey="no"
      size="small"
      data-testid={testId}
      dataSource={[...entries]}
      pagination={entries.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: <span className="console-muted">{tx('该年度无已发放的奖励', 'No rewards paid in this year')}</span> }}
      columns={[
        { title: tx('序号', 'No.'), dataIndex: 'no', width: 70 },
        { title: tx('发放月份', 'Month paid'), dataIndex: 'month', width: 110 },
        { title: tx('地区', 'Area'), dataIndex: 'area', width: 160 },
        { title: tx('举报事项', 'Reported hazard'), dataIndex: 'riskCategory', render: (v: string) => risk(v) },
        { title: tx('举报人', 'Reporter'), dataIndex: 'reporter', width: 190, render: (v: Entry['reporter']) => label(v) },
        { title: tx('奖励金额', 'Amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
      ]}
    />
  );
}

/**
 * 年度奖励公示: the reward officer previews the masked list of a year and prepares it;
 * a fire-agency head reads the prepared draft and publishes exactly that version,
 * which the public portal then shows and nobody can change.
 */
export default function RewardYearList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const access = useAccess();
  const { message } = App.useApp();
  const { tx, role, dateTime, errorText } = useText();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [confirming, setConfirming] = useState(false);
  const [stale, setStale] = useState(false);
  const q = useQuery(trpc.rewards.yearList.get.queryOptions({ year }));
  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.rewards.yearList.get.queryKey({ year }) });
  };
  const act = useMutation({
    mutationFn: (fn: () => Promise<unknown>) => fn(),
    onSuccess: async () => {
      setConfirming(false);
      message.success(tx('已办理', 'Done'));
      await reload();
    },
    onError: (e) => {
      if (isStale(e)) setStale(true);
    },
  });
  const stored = q.data?.stored ?? null;
  const live = q.data?.live;
  const canPrepare = access.can('reward.publish') && stored?.status !== 'published';
  const canPublish = access.me.role === 'fire_supervisor' && access.can('reward.approve') && stored?.status === 'draft';
  const changed = stored?.status === 'draft' && live && (live.totalFen !== stored.totalFen || live.entries.length !== stored.entries.length);

  return (
    <>
      <PageHead
        title={tx('年度奖励公示', 'Yearly public reward list')}
        extra={
          <Space>
            <Select
              aria-label={tx('年度', 'Year')}
              value={year}
              style={{ width: 110 }}
              onChange={(v) => setYear(v)}
              options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: tx(`${y} 年`, String(y)) }))}
            />
            {canPrepare ? (
              <Button type={stored ? 'default' : 'primary'} loading={act.isPending} data-testid="prepare" onClick={() => act.mutate(() => client.rewards.yearList.prepare.mutate({ year }))}>
                {stored ? tx('按最新发放记录重新编制', 'Prepare again from the latest payouts') : tx('编制公示名单', 'Prepare the list')}
              </Button>
            ) : null}
            {canPublish ? (
              <Button type="primary" data-testid="publish" onClick={() => setConfirming(true)}>
                {tx('发布公示', 'Publish')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <span className="console-muted">
          {tx(
            '公示内容按规则隐去身份：不含姓名、电话、证件号、回执、场所和地址，只显示发放月份；内部吹哨人的奖励只显示到市级。名单由奖励经办人编制，经另一人（消防救援机构负责人）发布后不可更改。',
            'Identities are masked by rule: no name, phone, ID number, receipt, venue or address, the month only; a whistleblower’s reward shows the city only. A reward officer prepares the list; another person, a fire-agency head, publishes it, and then it never changes.',
          )}
        </span>
      </PageHead>
      {stale ? <StaleNotice onReload={() => void reload()} /> : null}
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      {act.isError && !stale ? <Alert type="error" showIcon role="alert" data-testid="list-error" title={errorText(act.error)} style={{ marginBottom: 12 }} /> : null}
      <div className="console-stack">
        {stored ? (
          <Card
            size="small"
            data-testid="stored-list"
            title={
              <>
                {stored.status === 'published' ? tx(`${year} 年公示名单`, `${year} published list`) : tx(`${year} 年公示名单预览（待发布）`, `${year} list preview (to publish)`)}{' '}
                <Status status={stored.status} labels={LIST_STATUS} />
              </>
            }
          >
            <Descriptions column={3} size="small" bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={tx('公示单位', 'Published for')}>{stored.jurisdictionName}</Descriptions.Item>
              <Descriptions.Item label={tx('笔数', 'Rewards')}>{stored.entries.length}</Descriptions.Item>
              <Descriptions.Item label={tx('合计金额', 'Total')}>
                <strong data-testid="stored-total">{yuan(stored.totalFen)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={tx('编制', 'Prepared')}>{`${stored.preparedBy.name} · ${role(stored.preparedBy.role)} · ${dateTime(stored.preparedAt)}`}</Descriptions.Item>
              <Descriptions.Item label={tx('发布', 'Published')} span={2}>
                {stored.publishedBy ? `${stored.publishedBy.name} · ${role(stored.publishedBy.role)} · ${dateTime(stored.publishedAt)}` : tx('待消防救援机构负责人发布', 'Awaiting a fire-agency head')}
              </Descriptions.Item>
            </Descriptions>
            {changed ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tx('编制后又有奖励发放，下方“实时预览”与草稿不同；需要时请重新编制。', 'Rewards were paid since it was prepared; the live preview below differs. Prepare again if needed.')} /> : null}
            <EntriesTable entries={stored.entries} testId="stored-entries" />
          </Card>
        ) : null}
        {stored?.status !== 'published' ? (
          <Card size="small" title={tx(`实时预览：${year} 年已发放的奖励（隐去身份）`, `Live preview: rewards paid in ${year} (masked)`)} data-testid="live-preview">
            <p className="console-muted">{tx(`合计 ${live?.entries.length ?? 0} 笔，${yuan(live?.totalFen ?? 0)}。尚未保存：编制后才能发布。`, `${live?.entries.length ?? 0} rewards, ${yuan(live?.totalFen ?? 0)}. Not stored: prepare it to publish.`)}</p>
            <EntriesTable entries={live?.entries ?? []} testId="live-entries" />
          </Card>
        ) : null}
      </div>
      <Modal
        open={confirming}
        title={tx(`发布 ${year} 年奖励公示名单`, `Publish the ${year} list`)}
        onCancel={() => setConfirming(false)}
        onOk={() => stored && act.mutate(() => client.rewards.yearList.publish.mutate({ year, version: stored.version }))}
        okText={tx('确认发布（不可更改）', 'Publish (final)')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={act.isPending}
      >
        <p>{tx(`将公开您刚才预览的名单（共 ${stored?.entries.length ?? 0} 笔，合计 ${yuan(stored?.totalFen ?? 0)}）。发布后任何人都不能修改。`, `The list you previewed (${stored?.entries.length ?? 0} rewards, ${yuan(stored?.totalFen ?? 0)}) becomes public and can never change.`)}</p>
      </Modal>
    </>
  );
}
