import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Space, Steps, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'wouter';
import { categoryLabel, DRAW_STAGE_TEXT, DRAW_STAGE_TONES } from '../lib/draws';
import { useText } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all' as const };

/** One draw: its published commitment, the run, the drawn units with their pairs, their inspections, publication. */
export default function DrawPage({ params }: { params: Record<string, string | undefined> }) {
  const id = params.id ?? '';
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { tx, label, dateTime, errorText } = useText();
  const draw = useQuery(trpc.draws.get.queryOptions({ drawId: id }));
  const [publicRandom, setPublicRandom] = useState('');
  const [plannedFor, setPlannedFor] = useState<Dayjs>(dayjs().add(1, 'day'));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.draws.get.queryKey({ drawId: id }) });
  const run = useMutation({ mutationFn: () => client.draws.run.mutate({ drawId: id, publicRandom }), onSuccess: refresh });
  const plan = useMutation({ mutationFn: () => client.draws.planInspections.mutate({ drawId: id, plannedFor: plannedFor.format('YYYY-MM-DD') }), onSuccess: refresh });
  const publish = useMutation({ mutationFn: () => client.draws.publish.mutate({ drawId: id }), onSuccess: refresh });

  if (draw.isPending) return <Card loading />;
  if (draw.isError) return <Alert type="error" showIcon title={errorText(draw.error)} />;
  const d = draw.data;
  const c = d.commitment;
  const selections = d.output?.selections ?? [];
  const inspectionOf = new Map(d.inspections.map((i) => [i.venueId, i]));
  const planned = d.inspections.length > 0;
  const current = d.stage === 'committed' ? 1 : d.stage === 'published' ? 4 : planned ? 3 : 2;
  const failure = run.error ?? plan.error ?? publish.error;
  const portalUrl = `${window.location.origin}/draws/${d.id}`;
  const inspectorName = (i: string) => d.names.inspectors[i] ?? i.slice(0, 8);

  return (
    <>
      <PageHead title={tx('双随机抽查', 'Random draw')} extra={<ToneTag tone={DRAW_STAGE_TONES[d.stage]}>{label(DRAW_STAGE_TEXT[d.stage])}</ToneTag>}>
        <span className="console-muted">{c ? c.randomSource : tx('承诺制之前的抽查', 'A draw from before commitments')}</span>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          items={[
            { title: tx('公布承诺', 'Commit'), content: dateTime(d.committedAt) },
            { title: tx('取随机数抽取', 'Draw'), content: dateTime(d.drawnAt) },
            { title: tx('生成检查任务', 'Plan inspections'), content: planned ? tx(`${d.inspections.length} 项`, `${d.inspections.length}`) : '—' },
            { title: tx('向社会公开', 'Publish'), content: dateTime(d.publishedAt) },
          ]}
        />
      </Card>
      {failure ? <Alert type="error" showIcon role="alert" title={errorText(failure)} style={{ marginBottom: 16 }} /> : null}
      {c ? (
        <Card size="small" title={tx('已公布的承诺', 'Published commitment')} style={{ marginBottom: 16 }} data-testid="draw-commitment">
          <Descriptions
            size="small"
            column={{ xs: 1, lg: 2 }}
            items={[
              { key: 'at', label: tx('公布时间', 'Committed at'), children: dateTime(c.committedAt) },
              { key: 'source', label: tx('随机数来源', 'Random source'), children: c.randomSource },
              { key: 'units', label: tx('单位库', 'Unit library'), children: tx(`${c.unitCount} 家`, `${c.unitCount} units`) },
              { key: 'inspectors', label: tx('检查人员名单', 'Inspector pool'), children: tx(`${c.inspectorCount} 人`, `${c.inspectorCount} people`) },
              {
                key: 'strata',
                label: tx('分层比例', 'Strata'),
                span: 'filled',
                children: (
                  <Space wrap size={4}>
                    {c.parameters.ratios.map((r) => (
                      <ToneTag key={r.category} tone="info">{`${label(categoryLabel(r.category))} ${(r.ratio * 100).toFixed(2).replace(/\.?0+$/, '')}%`}</ToneTag>
                    ))}
                  </Space>
                ),
              },
              {
                key: 'rules',
                label: tx('回避规则', 'Conflict rules'),
                span: 'filled',
                children: c.parameters.inspectorConflicts.crossRegion ? tx('回避上一年度检查人员；异地交叉检查', 'No previous inspector; cross-region') : tx('回避上一年度检查人员', 'No previous inspector'),
              },
              { key: 'ud', label: tx('单位库摘要', 'Units digest'), span: 'filled', children: <span style={mono}>{c.unitsDigest}</span> },
              { key: 'id', label: tx('人员名单摘要', 'Inspectors digest'), span: 'filled', children: <span style={mono}>{c.inspectorsDigest}</span> },
              { key: 'sh', label: tx('服务器种子摘要', 'Server seed hash'), span: 'filled', children: <span style={mono}>{c.serverSeedHash}</span> },
              { key: 'cd', label: tx('承诺摘要', 'Commitment digest'), span: 'filled', children: <span style={mono} data-testid="commitment-digest">{c.commitmentDigest}</span> },
            ]}
          />
        </Card>
      ) : null}

      {d.stage === 'committed' ? (
        <Card size="small" title={tx('取随机数抽取', 'Run the draw')} style={{ marginBottom: 16 }}>
          <p className="console-muted" style={{ marginTop: 0 }}>
            {tx(`请在承诺公布之后，填写“${c?.randomSource ?? ''}”的值。抽取时服务器种子一并揭示，任何人都可复核。`, `After the commitment, enter the value of “${c?.randomSource ?? ''}”. The server seed is revealed with the run; anyone can check it.`)}
          </p>
          <Form layout="inline" onFinish={() => run.mutate()}>
            <Form.Item label={tx('公开随机数', 'Public random value')} htmlFor="draw-public-random" required>
              <Input id="draw-public-random" value={publicRandom} onChange={(e) => setPublicRandom(e.target.value)} maxLength={200} style={{ width: 320 }} data-testid="public-random" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={run.isPending} disabled={publicRandom.trim() === ''} data-testid="run-draw">
              {tx('抽取', 'Draw')}
            </Button>
          </Form>
        </Card>
      ) : null}

      {d.output ? (
        <Card
          size="small"
          title={tx(`抽取结果：${selections.length} 家单位`, `Result: ${selections.length} units`)}
          style={{ marginBottom: 16 }}
          extra={<Typography.Text type="secondary">{tx('随机种子', 'Seed')} <span style={mono}>{d.output.seed.slice(0, 16)}…</span></Typography.Text>}
        >
          <Table
            size="small"
            rowKey="unitId"
            data-testid="draw-result"
            dataSource={selections}
            pagination={selections.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: tx('类别', 'Category'), dataIndex: 'category', width: 160, render: (v: string) => label(categoryLabel(v)) },
              { title: tx('顺位', 'Rank'), dataIndex: 'rank', width: 70 },
              {
                title: tx('被检查单位', 'Unit'),
                dataIndex: 'unitId',
                render: (v: string) => {
                  const venue = d.names.venues[v];
                  return venue ? (
                    <>
                      {venue.name}
                      <div className="console-muted">{venue.address}</div>
                    </>
                  ) : (
                    v.slice(0, 8)
                  );
                },
              },
              { title: tx('检查人员（主办 / 协办）', 'Inspectors (lead / second)'), dataIndex: 'inspectorIds', render: (v: readonly string[]) => v.map(inspectorName).join(' / ') },
              {
                title: tx('检查任务', 'Inspection'),
                key: 'inspection',
                width: 120,
                render: (_: unknown, s) => {
                  const i = inspectionOf.get(s.unitId);
                  return i ? <Link href={`/inspections/${i.id}`}>{tx('查看', 'Open')}</Link> : '—';
                },
              },
            ]}
          />
          <Space wrap style={{ marginTop: 12 }}>
            {!planned ? (
              <>
                <DatePicker aria-label={tx('计划检查日期', 'Planned for')} value={plannedFor} onChange={(v) => v && setPlannedFor(v)} allowClear={false} />
                <Button onClick={() => plan.mutate()} loading={plan.isPending} data-testid="plan-inspections">
                  {tx('按抽取结果生成检查任务', 'Create the inspections')}
                </Button>
              </>
            ) : (
              <Typography.Text>{tx(`已生成 ${d.inspections.length} 项检查任务`, `${d.inspections.length} inspections planned`)}</Typography.Text>
            )}
            {d.stage === 'drawn' ? (
              <Popconfirm title={tx('公开后名单与结果不可再改，确定公开？', 'Once public, the lists and result are frozen. Publish?')} okText={tx('公开', 'Publish')} cancelText={tx('取消', 'Cancel')} onConfirm={() => publish.mutate()}>
                <Button type="primary" loading={publish.isPending} data-testid="publish-draw">
                  {tx('向社会公开', 'Publish')}
                </Button>
              </Popconfirm>
            ) : null}
            {d.stage === 'published' ? (
              <a href={portalUrl} target="_blank" rel="noreferrer" data-testid="portal-link">
                {tx('在公众门户复核', 'Verify on the public portal')}
              </a>
            ) : null}
          </Space>
        </Card>
      ) : null}
    </>
  );
}
