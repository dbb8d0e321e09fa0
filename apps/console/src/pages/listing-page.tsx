import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { listingLifecycle, type Capability, type ListingStatus } from '@firebreak/domain';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Result, Select, Spin, Steps, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'wouter';
import { useAccess } from '../lib/access';
import { isStale, useText } from '../lib/text';
import { allowedCommands, Clock, PageHead, StaleNotice, ToneTag } from '../lib/ui';
import { ListingStatusTag } from './listing-list';

type Command = 'list' | 'decline' | 'start_rectification' | 'report_progress' | 'request_acceptance' | 'fail_acceptance' | 'delist' | 'publish' | 'expose';

/** The capability the API gates each command with (listings router). */
const COMMAND_CAPABILITY: Record<Command, Capability> = {
  list: 'listing.manage',
  decline: 'listing.manage',
  start_rectification: 'listing.propose',
  report_progress: 'listing.propose',
  request_acceptance: 'listing.propose',
  fail_acceptance: 'listing.manage',
  delist: 'listing.manage',
  publish: 'listing.manage',
  expose: 'exposure.publish',
};

const STEP_OF: Record<ListingStatus, number> = { proposed: 0, declined: 0, listed: 1, rectifying: 2, acceptance_requested: 3, delisted: 4 };

const refs = (v: unknown): string[] => (typeof v === 'string' ? v.split(/[,，、\s]+/).map((s) => s.trim()).filter((s) => s !== '') : []);

export default function ListingPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id!;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const { tx, role, dateTime, errorText } = useText();
  const query = useQuery(trpc.listings.get.queryOptions({ id }));
  const [dialog, setDialog] = useState<Command | null>(null);
  const [stale, setStale] = useState(false);
  const [form] = Form.useForm();

  const reload = async () => {
    setStale(false);
    await qc.invalidateQueries({ queryKey: trpc.listings.get.queryKey({ id }) });
    await qc.invalidateQueries({ queryKey: trpc.listings.all.queryKey() });
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
  if (query.isError) return <Result status="warning" title={errorText(query.error)} extra={<Link href="/listings">{tx('返回挂牌督办', 'Back to listings')}</Link>} />;
  const { listing, version, venue } = query.data;
  const status = listing.status;
  const commands = (access.readOnly ? [] : allowedCommands(listingLifecycle, status, access.me.role)).filter(
    (c): c is Command => c in COMMAND_CAPABILITY && access.can(COMMAND_CAPABILITY[c as Command]),
  );
  const available = commands.filter((c) => !(c === 'publish' && listing.published) && !(c === 'expose' && listing.exposed));

  const titles: Record<Command, string> = {
    list: tx('挂牌督办', 'List'),
    decline: tx('不予挂牌', 'Decline'),
    start_rectification: tx('报送整改方案', 'Rectification plan'),
    report_progress: tx('报送整改进展', 'Report progress'),
    request_acceptance: tx('申请验收', 'Request acceptance'),
    fail_acceptance: tx('现场验收不合格', 'Acceptance failed'),
    delist: tx('验收合格，摘牌销案', 'Accept and de-list'),
    publish: tx('公布', 'Publish'),
    expose: tx('曝光', 'Expose'),
  };

  const submit = (v: Record<string, unknown>) => {
    const base = { id, version };
    const s = (k: string) => (typeof v[k] === 'string' ? v[k] : '');
    const acceptance = () => ({
      onSiteAt: (v.onSiteAt as Dayjs).toISOString(),
      participants: (v.participants as string[] | undefined) ?? [],
      recordRef: s('recordRef'),
      ...(s('note') ? { note: s('note') } : {}),
    });
    if (dialog === 'list') run.mutate(() => client.listings.list.mutate({ ...base, listingRef: s('listingRef'), rectificationDueDate: (v.due as Dayjs).format('YYYY-MM-DD') }));
    else if (dialog === 'decline') run.mutate(() => client.listings.decline.mutate({ ...base, reason: s('reason') }));
    else if (dialog === 'start_rectification') run.mutate(() => client.listings.startRectifying.mutate({ ...base, planRef: s('planRef') }));
    else if (dialog === 'report_progress') run.mutate(() => client.listings.reportProgress.mutate({ ...base, note: s('note'), evidenceRefs: refs(v.evidenceRefs) }));
    else if (dialog === 'request_acceptance') run.mutate(() => client.listings.requestAcceptance.mutate({ ...base, evidenceRefs: refs(v.evidenceRefs) }));
    else if (dialog === 'fail_acceptance') run.mutate(() => client.listings.failAcceptance.mutate({ ...base, acceptance: acceptance() }));
    else if (dialog === 'delist') run.mutate(() => client.listings.delist.mutate({ ...base, acceptance: acceptance() }));
    else if (dialog === 'publish') run.mutate(() => client.listings.publish.mutate(base));
    else if (dialog === 'expose') run.mutate(() => client.listings.expose.mutate({ ...base, ...(s('mediaRef') ? { mediaRef: s('mediaRef') } : {}) }));
  };

  const progress = listing.progressReports ?? [];
  return (
    <>
      <PageHead
        title={
          <>
            {tx('挂牌督办', 'Listed supervision')} · {venue?.name ?? listing.venueId} <ListingStatusTag status={status} />
            {listing.published ? <ToneTag tone="info">{tx('已公布', 'Published')}</ToneTag> : null}
            {listing.exposed ? <ToneTag tone="danger">{tx('已曝光', 'Exposed')}</ToneTag> : null}
          </>
        }
        extra={
          <div className="console-actions" data-testid="listing-actions">
            <Link href="/listings">{tx('全部挂牌督办', 'All listings')}</Link>
            {available.map((c) => (
              <Button key={c} type={c === 'list' || c === 'delist' ? 'primary' : 'default'} danger={c === 'expose'} onClick={() => setDialog(c)}>
                {titles[c]}
              </Button>
            ))}
          </div>
        }
      />
      {stale && !dialog ? <StaleNotice onReload={() => void reload()} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={STEP_OF[status]}
          status={status === 'declined' ? 'error' : status === 'delisted' ? 'finish' : 'process'}
          items={[
            { title: tx('提请挂牌', 'Proposed') },
            { title: tx('政府挂牌督办', 'Listed') },
            { title: tx('整改及进展报告', 'Rectifying') },
            { title: tx('申请现场验收', 'Acceptance') },
            { title: tx('摘牌销案', 'De-listed') },
          ]}
        />
      </Card>
      <div className="console-grid">
        <div className="console-stack">
          <Card title={tx('督办事项', 'The listing')} size="small">
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={tx('单位', 'Unit')}>{venue?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('提请人', 'Proposed by')}>{`${listing.proposedBy.name} · ${role(listing.proposedBy.role)} · ${dateTime(listing.proposedBy.at)}`}</Descriptions.Item>
              <Descriptions.Item label={tx('提请理由', 'Reason')} span={2}>
                {listing.reason}
              </Descriptions.Item>
              <Descriptions.Item label={tx('重大火灾隐患', 'Major hazards')} span={2}>
                {listing.hazardIds.map((h, i) => (
                  <span key={h}>
                    {i > 0 ? '、' : ''}
                    <Link href={`/hazards/${h}/major`}>{tx(`隐患 ${i + 1}`, `Hazard ${i + 1}`)}</Link>
                  </span>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={tx('督办文号', 'Reference')}>{listing.listingRef ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('挂牌', 'Listed')}>{listing.listedBy ? `${listing.listedBy.name} · ${dateTime(listing.listedBy.at)}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('整改期限', 'Rectify by')}>
                {listing.rectificationDue ? status === 'delisted' ? dateTime(listing.rectificationDue) : <Clock deadline={listing.rectificationDue} /> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={tx('整改方案', 'Plan')}>{listing.planRef ?? '—'}</Descriptions.Item>
              {listing.decline ? (
                <Descriptions.Item label={tx('不予挂牌理由', 'Declined because')} span={2}>
                  {listing.decline.reason}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={tx('摘牌销案', 'De-listed')}>{listing.delistedBy ? `${listing.delistedBy.name} · ${dateTime(listing.delistedBy.at)}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={tx('曝光', 'Exposure')}>{listing.exposed ? `${listing.exposed.by.name} · ${dateTime(listing.exposed.by.at)}${listing.exposed.mediaRef ? ` · ${listing.exposed.mediaRef}` : ''}` : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={tx('现场验收记录', 'On-site acceptance')} size="small">
            {listing.acceptances.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚未现场验收', 'No acceptance yet')} /> : null}
            {listing.acceptances.map((a) => (
              <div key={`${a.recordRef}-${a.onSiteAt}`} className="console-message">
                <div className="console-message__meta">
                  {dateTime(a.onSiteAt)} · {a.recordRef} · {tx('记录人', 'recorded by')} {a.recordedBy.name}
                </div>
                <ToneTag tone={a.result === 'pass' ? 'ok' : 'danger'}>{a.result === 'pass' ? tx('合格', 'Passed') : tx('不合格', 'Failed')}</ToneTag> {tx('参加人员：', 'Present: ')}
                {a.participants.join('、')} {a.note}
              </div>
            ))}
          </Card>
        </div>
        <div className="console-stack">
          <Card title={tx('整改进展报告', 'Progress reports')} size="small" data-testid="progress-reports">
            {progress.length === 0 && listing.acceptanceRequests.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('尚无进展报告', 'No progress reported yet')} /> : null}
            <Timeline
              items={[
                ...progress.map((p) => ({ key: `p-${p.by.at}`, at: p.by.at, content: `${dateTime(p.by.at)} ${p.by.name}（${role(p.by.role)}）：${p.note}${p.evidenceRefs.length ? tx(`，附材料${p.evidenceRefs.length}份`, `, ${p.evidenceRefs.length} file(s)`) : ''}` })),
                ...listing.acceptanceRequests.map((r) => ({ key: `r-${r.by.at}`, at: r.by.at, content: `${dateTime(r.by.at)} ${r.by.name}：${tx('申请现场验收', 'asked for acceptance')}（${r.evidenceRefs.join('、')}）` })),
              ]
                .sort((a, b) => a.at.localeCompare(b.at))
                .map(({ key, content }) => ({ key, content }))}
            />
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
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {dialog === 'list' ? (
            <>
              <Form.Item name="listingRef" label={tx('挂牌督办通知书文号', 'Supervision notice number')} rules={[{ required: true, message: tx('请填写文号', 'Required') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="due" label={tx('整改期限', 'Rectify by')} rules={[{ required: true, message: tx('请选择整改期限', 'Required') }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'decline' ? (
            <Form.Item name="reason" label={tx('理由', 'Reason')} rules={[{ required: true, message: tx('请填写理由', 'Required') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          ) : null}
          {dialog === 'start_rectification' ? (
            <Form.Item name="planRef" label={tx('整改方案（文件编号）', 'Plan (document reference)')} rules={[{ required: true, message: tx('请填写整改方案', 'Required') }]}>
              <Input maxLength={500} />
            </Form.Item>
          ) : null}
          {dialog === 'report_progress' ? (
            <>
              <Form.Item name="note" label={tx('整改进展', 'Progress')} rules={[{ required: true, message: tx('请填写整改进展', 'Required') }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="evidenceRefs" label={tx('佐证材料编号（可多个，用逗号分隔）', 'Evidence references (comma separated)')}>
                <Input maxLength={2000} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'request_acceptance' ? (
            <Form.Item name="evidenceRefs" label={tx('整改完成佐证材料编号（用逗号分隔）', 'Evidence references (comma separated)')} rules={[{ required: true, message: tx('请填写佐证材料', 'Required') }]}>
              <Input maxLength={2000} />
            </Form.Item>
          ) : null}
          {dialog === 'fail_acceptance' || dialog === 'delist' ? (
            <>
              <Form.Item name="onSiteAt" label={tx('现场验收时间', 'On site at')} rules={[{ required: true, message: tx('请选择验收时间', 'Required') }]}>
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="participants" label={tx('参加验收人员（输入姓名后回车）', 'Present (type a name, press Enter)')} rules={[{ required: true, message: tx('请填写参加人员', 'Required') }]}>
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} />
              </Form.Item>
              <Form.Item name="recordRef" label={tx('验收记录编号', 'Record number')} rules={[{ required: true, message: tx('请填写记录编号', 'Required') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="note" label={tx('验收意见', 'Findings')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          ) : null}
          {dialog === 'publish' ? <p>{tx('公布后，该督办事项将在公众曝光台展示（经本页审批）。', 'Once published, the public exposure board shows it.')}</p> : null}
          {dialog === 'expose' ? (
            <Form.Item name="mediaRef" label={tx('媒体报道或曝光文号（可选）', 'Media reference (optional)')}>
              <Input maxLength={500} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
