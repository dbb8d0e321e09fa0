import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Alert, Card, Col, Row, Spin, Statistic, Table } from 'antd';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

export default function Dashboard() {
  const trpc = useTRPC();
  const { tx, dateTime, errorText } = useText();
  const q = useQuery(trpc.dashboard.figures.queryOptions({ byDistrict: true }));
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon title={errorText(q.error)} />;
  const t = q.data.total;
  const stats: [string, number][] = [
    [tx('已检查单位', 'Units inspected'), t.unitsInspected],
    [tx('发现隐患', 'Hazards found'), t.hazardsFound],
    [tx('已整改', 'Remediated'), t.hazardsRemediated],
    [tx('未整改', 'Open'), t.hazardsOpen],
    [tx('逾期未改', 'Overdue'), t.hazardsOverdue],
    [tx('挂牌督办', 'Listed'), t.majorHazardUnitsListed],
  ];
  return (
    <>
      <PageHead title={tx('统计看板', 'Dashboard')}>
        <span className="console-muted">{tx(`截至 ${dateTime(q.data.asOf)}`, `As of ${dateTime(q.data.asOf)}`)}</span>
      </PageHead>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map(([title, value]) => (
          <Col key={title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={title} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={tx('分区统计', 'By district')} size="small">
        <Table
          rowKey="jurisdictionId"
          size="small"
          pagination={false}
          dataSource={q.data.districts}
          columns={[
            { title: tx('辖区', 'District'), dataIndex: 'name' },
            { title: tx('已检查单位', 'Units inspected'), dataIndex: 'unitsInspected' },
            { title: tx('发现隐患', 'Found'), dataIndex: 'hazardsFound' },
            { title: tx('已整改', 'Remediated'), dataIndex: 'hazardsRemediated' },
            { title: tx('未整改', 'Open'), dataIndex: 'hazardsOpen' },
            { title: tx('逾期', 'Overdue'), dataIndex: 'hazardsOverdue' },
          ]}
        />
      </Card>
    </>
  );
}
