import { useMemo } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { VENUE_CATEGORIES } from '@firebreak/domain';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Switch, Table } from 'antd';
import { useLocation } from 'wouter';
import { useAccess } from '../lib/access';
import { monthlyKeyUnitRatios } from '../lib/draws';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

interface Stratum {
  category: string;
  percent: number;
}
interface SetupValues {
  strata: Stratum[];
  penalisedWeight: number;
  reportedWeight: number;
  crossRegion: boolean;
  randomSource: string;
}

/**
 * 双随机 setup: the unit library filter (the caller's area, the categories) and each stratum's
 * ratio, the priority weights, the inspector pool and its conflict rules, and the public random
 * value that will be used. Committing freezes both lists and publishes their digests.
 */
export default function DrawSetup() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const access = useAccess();
  const [, navigate] = useLocation();
  const { tx, label, dateTime, errorText } = useText();
  const [form] = Form.useForm<SetupValues>();
  const jurisdictionId = access.me.jurisdictionId ?? '';
  const strata = Form.useWatch('strata', form) as Stratum[] | undefined;
  const categories = useMemo(() => [...new Set((strata ?? []).map((s) => s?.category).filter((c): c is string => Boolean(c)))], [strata]);
  const preview = useQuery(trpc.draws.preview.queryOptions({ jurisdictionId, categories }, { enabled: jurisdictionId !== '' && categories.length > 0 }));
  const commit = useMutation({
    mutationFn: (v: SetupValues) =>
      client.draws.commit.mutate({
        jurisdictionId,
        randomSource: v.randomSource,
        ratios: v.strata.map((s) => ({ category: s.category, ratio: Math.round(s.percent * 100) / 10_000 })),
        priorityWeights: { penalisedLastYear: v.penalisedWeight, reported: v.reportedWeight },
        crossRegion: v.crossRegion,
      }),
    onSuccess: (d) => navigate(`/draws/${d.id}`),
  });
  const countOf = new Map((preview.data?.byCategory ?? []).map((c) => [c.category, c]));
  return (
    <>
      <PageHead title={tx('新建双随机抽查', 'New random draw')}>
        <span className="console-muted">
          {tx('第一步：确定单位库、分层比例和检查人员名单并公布其摘要（承诺）；随机数在承诺公布之后取得，第二步才能抽取。', 'Step 1: fix the unit library, the strata and the inspector pool and publish their digests (the commitment); the random value comes after it, in step 2.')}
        </span>
      </PageHead>
      {commit.isError ? <Alert type="error" showIcon role="alert" title={errorText(commit.error)} style={{ marginBottom: 16 }} /> : null}
      <Form<SetupValues>
        form={form}
        layout="vertical"
        data-testid="draw-setup"
        initialValues={{ strata: [{ category: 'market', percent: 10 }], penalisedWeight: 2, reportedWeight: 2, crossRegion: false, randomSource: '' }}
        onFinish={(v) => commit.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title={tx('单位库与分层比例', 'Unit library and strata')} style={{ marginBottom: 16 }}>
              <p className="console-muted" style={{ marginTop: 0 }}>
                {tx('单位库：本辖区内在册的下列类别单位；每个类别在每个区县为一层，按比例向上取整抽取。', 'Library: active units of these categories in your area; each category in each district is one stratum, drawn at its ratio, rounded up.')}
              </p>
              <Form.List name="strata">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => {
                      const code = strata?.[field.name]?.category;
                      const c = code ? countOf.get(code) : undefined;
                      return (
                        <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                          <Form.Item name={[field.name, 'category']} rules={[{ required: true, message: tx('请选择类别', 'Choose a category') }]} style={{ marginBottom: 8 }}>
                            <Select
                              aria-label={tx('场所类别', 'Venue category')}
                              style={{ width: 260 }}
                              showSearch={{ optionFilterProp: 'label' }}
                              options={VENUE_CATEGORIES.map((v) => ({ value: v.code, label: label(v) }))}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'percent']}
                            rules={[{ required: true, message: tx('请填写比例', 'Enter a ratio') }, { type: 'number', min: 0.01, max: 100, message: tx('比例须在 0.01% 至 100% 之间', 'Between 0.01 % and 100 %') }]}
                            style={{ marginBottom: 8 }}
                          >
                            <InputNumber aria-label={tx('抽取比例（%）', 'Ratio (%)')} min={0.01} max={100} step={1} precision={2} suffix="%" style={{ width: 130 }} />
                          </Form.Item>
                          <span className="console-muted" data-testid="stratum-count">
                            {c ? tx(`库内 ${c.units} 家（上年受罚 ${c.penalised}，被举报 ${c.reported}）`, `${c.units} in library (${c.penalised} penalised, ${c.reported} reported)`) : '—'}
                          </span>
                          {fields.length > 1 ? (
                            <Button type="link" onClick={() => remove(field.name)}>
                              {tx('删除', 'Remove')}
                            </Button>
                          ) : null}
                        </Space>
                      );
                    })}
                    <Space wrap>
                      <Button onClick={() => add({ percent: 5 })}>{tx('添加类别', 'Add a category')}</Button>
                      <Button onClick={() => form.setFieldValue('strata', monthlyKeyUnitRatios())}>
                        {tx('按月度要求填入：人员密集场所重点单位 10%，其他重点单位 5%', 'Monthly rule: crowded key units 10 %, other key units 5 %')}
                      </Button>
                    </Space>
                  </>
                )}
              </Form.List>
            </Card>
            <Card size="small" title={tx('优先权重', 'Priority weights')} style={{ marginBottom: 16 }}>
              <Space wrap size="large">
                <Form.Item name="penalisedWeight" label={tx('上一年度受过行政处罚', 'Penalised in the past year')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={10} precision={0} />
                </Form.Item>
                <Form.Item name="reportedWeight" label={tx('上一年度被举报', 'Reported in the past year')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={10} precision={0} />
                </Form.Item>
              </Space>
              <p className="console-muted" style={{ margin: 0 }}>
                {tx('权重为整数，1 表示不加权；单位的权重为其各项标记权重之积。', 'Whole numbers, 1 for none; a unit’s weight is the product of its flags’ weights.')}
              </p>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={tx('检查人员名单与回避规则', 'Inspector pool and conflict rules')} style={{ marginBottom: 16 }}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                loading={preview.isFetching}
                data-testid="inspector-pool"
                dataSource={preview.data?.inspectors ?? []}
                columns={[{ title: tx('检查人员', 'Inspector'), dataIndex: 'name' }]}
                locale={{ emptyText: categories.length ? tx('辖区内没有可派检查人员', 'No inspector in your area') : tx('先选择类别', 'Choose a category first') }}
              />
              <Checkbox checked disabled style={{ marginTop: 12 }}>
                {tx('回避：上一年度检查过该单位的人员不再派往该单位（始终启用）', 'Whoever inspected a unit in the past year is never sent there again (always on)')}
              </Checkbox>
              <Form.Item name="crossRegion" valuePropName="checked" label={tx('异地交叉检查（不派本区县人员）', 'Cross-region (no inspector from the unit’s district)')} style={{ marginTop: 12, marginBottom: 0 }}>
                <Switch />
              </Form.Item>
              {preview.data ? <p className="console-muted">{tx(`受罚、被举报与检查记录统计自 ${dateTime(preview.data.flagsSince)}`, `Penalties, reports and inspections counted since ${dateTime(preview.data.flagsSince)}`)}</p> : null}
            </Card>
            <Card size="small" title={tx('公开随机数', 'Public random value')} style={{ marginBottom: 16 }}>
              <Form.Item
                name="randomSource"
                label={tx('随机数来源（承诺公布之后才产生，例如某日福彩3D开奖号码）', 'Its source (produced after the commitment, e.g. a later lottery draw)')}
                rules={[{ required: true, whitespace: true, message: tx('请写明随机数来源', 'Name the random source') }]}
              >
                <Input maxLength={200} placeholder={tx('例：2026年12月8日 福彩3D 开奖号码', 'e.g. Welfare lottery 3D, 8 Dec 2026')} />
              </Form.Item>
              <Descriptions size="small" column={1} items={[{ key: 'seed', label: tx('服务器种子', 'Server seed'), children: tx('承诺时生成，仅公布其摘要，抽取时揭示', 'Made at commit, only its hash published, revealed by the run') }]} />
            </Card>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={commit.isPending} data-testid="commit-draw">
            {tx('冻结名单并公布承诺', 'Freeze the lists and publish the commitment')}
          </Button>
          <Button onClick={() => navigate('/draws')}>{tx('取消', 'Cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
