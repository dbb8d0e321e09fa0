import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient, type RouterOutputs } from '@firebreak/client';
import { CADENCE_REPORT_KINDS, CADENCE_REPORT_LABELS, type CadenceReportKind } from '@firebreak/domain';
import { Alert, Button, Card, DatePicker, Descriptions, Input, Radio, Result, Space, Spin, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useLocation } from 'wouter';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

type Draft = RouterOutputs['campaigns']['draftReport'];

/**
 * A cadence report drafted from the campaign's lists for a period: the officer words each
 * section, then issues it (stored once for the period and never changed) and prints it.
 */
export default function CampaignReportEdit({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id!;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const { tx, label, errorText } = useText();
  const [kind, setKind] = useState<CadenceReportKind>('weekly_analysis');
  const [on, setOn] = useState<Dayjs>(dayjs());
  const campaign = useQuery(trpc.campaigns.get.queryOptions({ campaignId: id }));
  const draft = useQuery(trpc.campaigns.draftReport.queryOptions({ campaignId: id, kind, on: on.format('YYYY-MM-DD') }));
  const [title, setTitle] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  // A new draft (another kind or period) replaces what was typed for the old one.
  useEffect(() => {
    if (!draft.data) return;
    setTitle(draft.data.title);
    setTexts(Object.fromEntries(draft.data.sections.map((s) => [s.key, s.text])));
  }, [draft.data]);
  const issue = useMutation({
    mutationFn: (d: Draft) =>
      client.campaigns.issueReport.mutate({ campaignId: id, kind, on: d.period.from, title, sections: d.sections.map((s) => ({ key: s.key, text: texts[s.key] ?? s.text })) }),
    onSuccess: async (row) => {
      await qc.invalidateQueries({ queryKey: trpc.campaigns.reports.queryKey({ campaignId: id }) });
      navigate(`/print/campaign-report/${row.id}`);
    },
  });

  if (campaign.isError) return <Result status="warning" title={errorText(campaign.error)} extra={<Link href="/campaigns">{tx('返回专项行动', 'Back to campaigns')}</Link>} />;
  const d = draft.data;
  return (
    <>
      <PageHead title={tx('出具调度报告', 'Issue a cadence report')} extra={<Link href={`/campaigns/${id}`}>{tx('返回专项行动', 'Back to the campaign')}</Link>}>
        <span className="console-muted">{campaign.data?.campaign.name ?? ''}</span>
      </PageHead>
      <Card size="small" className="console-filters">
        <Space wrap size="middle">
          <Radio.Group
            aria-label={tx('报告类型', 'Kind')}
            optionType="button"
            value={kind}
            onChange={(e) => setKind(e.target.value as CadenceReportKind)}
            options={CADENCE_REPORT_KINDS.map((k) => ({ value: k, label: label(CADENCE_REPORT_LABELS[k]) }))}
          />
          <label>
            <span className="console-muted" style={{ marginInlineEnd: 8 }}>
              {tx('报告期内任一日', 'A day in the period')}
            </span>
            <DatePicker value={on} allowClear={false} onChange={(v) => v && setOn(v)} aria-label={tx('报告期内任一日', 'A day in the period')} />
          </label>
        </Space>
      </Card>
      {draft.isError ? <Alert type="error" showIcon role="alert" title={errorText(draft.error)} style={{ marginBottom: 12 }} /> : null}
      {issue.isError ? <Alert type="error" showIcon role="alert" title={errorText(issue.error)} style={{ marginBottom: 12 }} /> : null}
      {draft.isPending ? <Spin /> : null}
      {d ? (
        <div className="console-stack" data-testid="report-draft">
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label={tx('报告期', 'Period')}>{`${d.period.from} — ${d.period.to}`}</Descriptions.Item>
              <Descriptions.Item label={tx('完成率', 'Completion')}>{`${d.figures.percent}%（${d.figures.completed}/${d.figures.leaves}）`}</Descriptions.Item>
              <Descriptions.Item label={tx('逾期任务', 'Overdue')}>{d.figures.overdueTasks}</Descriptions.Item>
              <Descriptions.Item label={tx('本期发现隐患', 'Hazards found')}>{d.figures.hazardsFoundInPeriod}</Descriptions.Item>
              <Descriptions.Item label={tx('本期整改销号', 'Hazards closed')}>{d.figures.hazardsClosedInPeriod}</Descriptions.Item>
              <Descriptions.Item label={tx('本期执法措施', 'Measures')}>{d.figures.measuresInPeriod}</Descriptions.Item>
            </Descriptions>
            <label htmlFor="report-title" style={{ display: 'block', margin: '8px 0 4px', fontWeight: 600 }}>
              {tx('报告标题', 'Title')}
            </label>
            <Input id="report-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </Card>
          {d.sections.map((s) => (
            <Card key={s.key} size="small" title={<span id={`section-${s.key}`}>{s.heading}</span>} data-testid={`section-${s.key}`}>
              <Input.TextArea aria-labelledby={`section-${s.key}`} autoSize={{ minRows: 2, maxRows: 12 }} value={texts[s.key] ?? ''} onChange={(e) => setTexts((t) => ({ ...t, [s.key]: e.target.value }))} />
              {s.table ? (
                <Table
                  style={{ marginTop: 12 }}
                  size="small"
                  pagination={false}
                  rowKey={(r) => r.join('|')}
                  dataSource={s.table.rows.map((r) => [...r])}
                  columns={s.table.columns.map((c, i) => ({ title: c, key: String(i), render: (_: unknown, r: string[]) => r[i] }))}
                />
              ) : null}
            </Card>
          ))}
          <div>
            <Button type="primary" size="large" loading={issue.isPending} onClick={() => issue.mutate(d)}>
              {tx('出具报告', 'Issue the report')}
            </Button>
            <span className="console-muted" style={{ marginInlineStart: 12 }}>
              {tx('出具后不可修改；表格和数据以出具时系统数据为准。', 'Final once issued; tables and figures are the data at the time of issue.')}
            </span>
          </div>
        </div>
      ) : null}
    </>
  );
}
