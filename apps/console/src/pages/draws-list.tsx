import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Alert, Button, Card, Table } from 'antd';
import { Link, useLocation } from 'wouter';
import { useAccess } from '../lib/access';
import { DRAW_STAGE_TEXT, DRAW_STAGE_TONES } from '../lib/draws';
import { useText } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

const PAGE = 20;

/** 双随机抽查: the draws of the caller's area, newest first. */
export default function DrawsList() {
  const trpc = useTRPC();
  const access = useAccess();
  const [, navigate] = useLocation();
  const { tx, label, dateTime, errorText } = useText();
  const [offset, setOffset] = useState(0);
  // One row more than a page tells whether a next page exists.
  const list = useQuery(trpc.draws.list.queryOptions({ limit: PAGE + 1, offset }, { placeholderData: keepPreviousData }));
  const rows = (list.data ?? []).slice(0, PAGE);
  const more = (list.data?.length ?? 0) > PAGE;
  return (
    <>
      <PageHead
        title={tx('双随机抽查', 'Random draws')}
        extra={
          access.can('draw.run') ? (
            <Button type="primary" onClick={() => navigate('/draws/new')}>
              {tx('新建抽查', 'New draw')}
            </Button>
          ) : null
        }
      >
        <span className="console-muted">
          {tx('随机抽取检查对象、随机选派检查人员、抽查情况及查处结果及时向社会公开。先公布名单摘要，再取随机数抽取。', 'Units and inspectors drawn at random, results made public. The lists’ digests are published before the random value exists.')}
        </span>
      </PageHead>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          data-testid="draws-table"
          pagination={{
            current: offset / PAGE + 1,
            pageSize: PAGE,
            total: offset + rows.length + (more ? 1 : 0),
            showSizeChanger: false,
            onChange: (page) => setOffset((page - 1) * PAGE),
          }}
          columns={[
            { title: tx('公布承诺', 'Committed'), dataIndex: 'committedAt', width: 160, render: (v: string | null, r) => <Link href={`/draws/${r.id}`}>{dateTime(v ?? r.createdAt)}</Link> },
            { title: tx('随机数来源', 'Random source'), dataIndex: 'randomSource', render: (v: string | null) => v ?? '—' },
            { title: tx('单位库', 'Library'), dataIndex: 'unitCount', width: 100, render: (v: number | null) => v ?? '—' },
            { title: tx('抽中', 'Drawn'), dataIndex: 'selections', width: 90 },
            { title: tx('状态', 'Stage'), dataIndex: 'stage', width: 170, render: (v: keyof typeof DRAW_STAGE_TEXT) => <ToneTag tone={DRAW_STAGE_TONES[v]}>{label(DRAW_STAGE_TEXT[v])}</ToneTag> },
            { title: tx('公开时间', 'Published'), dataIndex: 'publishedAt', width: 160, render: (v: string | null) => dateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
