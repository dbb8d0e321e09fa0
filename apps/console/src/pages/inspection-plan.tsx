import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '@firebreak/client';
import { INSPECTION_SOURCES, MIN_INSPECTORS, type InspectionSource } from '@firebreak/domain';
import { Alert, Button, Card, DatePicker, Form, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocation, useSearch } from 'wouter';
import { INSPECTION_SOURCE_TEXT } from '../lib/inspection-labels';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

interface PlanValues {
  source: InspectionSource;
  venueId: string;
  plannedFor: Dayjs;
  team: string[];
  experts?: string[];
}

/** 制定检查计划: source, venue, date and a team of at least two inspectors from the staff in scope. */
export default function InspectionPlan() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [, navigate] = useLocation();
  const { tx, label, role, errorText } = useText();
  const search = new URLSearchParams(useSearch());
  const sourceRef = search.get('sourceRef') ?? undefined;
  const [form] = Form.useForm<PlanValues>();
  const [venueQuery, setVenueQuery] = useState('');
  const source = Form.useWatch('source', form);
  const venues = useQuery(trpc.inspections.venues.queryOptions({ query: venueQuery, limit: 20 }, { enabled: venueQuery.trim().length > 0 }));
  const staff = useQuery(trpc.inspections.staff.queryOptions({}));
  const experts = useQuery(trpc.inspections.staff.queryOptions({ experts: true }, { enabled: source === 'expert_check' }));
  const plan = useMutation({
    mutationFn: (v: PlanValues) =>
      client.inspections.plan.mutate({
        source: v.source,
        venueId: v.venueId,
        plannedFor: v.plannedFor.format('YYYY-MM-DD'),
        team: v.team,
        ...(v.experts?.length ? { experts: v.experts } : {}),
        ...(sourceRef ? { sourceRef } : {}),
      }),
    onSuccess: (r) => navigate(`/inspections/${r.id}`),
  });
  const person = (p: { id: string; name: string; role: string; departmentName: string | null }) => ({
    value: p.id,
    label: `${p.name} · ${role(p.role)}${p.departmentName ? ` · ${p.departmentName}` : ''}`,
  });
  return (
    <>
      <PageHead title={tx('制定检查计划', 'Plan an inspection')}>
        <span className="console-muted">{tx(`检查人员不得少于${MIN_INSPECTORS}人；检查表取自被检查单位所属场所类别现行的整治标准。`, `At least ${MIN_INSPECTORS} inspectors; the checklist comes from the standards in force for the venue's categories.`)}</span>
      </PageHead>
      <Card size="small" style={{ maxWidth: 880 }}>
        {plan.isError ? <Alert type="error" showIcon role="alert" title={errorText(plan.error)} style={{ marginBottom: 16 }} /> : null}
        <Form<PlanValues>
          form={form}
          layout="vertical"
          data-testid="plan-form"
          initialValues={{ source: (search.get('source') as InspectionSource | null) ?? 'double_random', plannedFor: dayjs(), team: [] }}
          onFinish={(v) => plan.mutate(v)}
        >
          <Form.Item name="source" label={tx('检查来源', 'Source')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={INSPECTION_SOURCES.map((s) => ({ value: s, label: label(INSPECTION_SOURCE_TEXT[s]) }))} />
          </Form.Item>
          <Form.Item name="venueId" label={tx('被检查单位', 'Venue')} rules={[{ required: true, message: tx('请选择被检查单位', 'Choose the venue') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setVenueQuery }}
              placeholder={tx('输入单位名称或地址搜索', 'Type a name or an address')}
              loading={venues.isFetching}
              notFoundContent={venueQuery ? tx('辖区内没有匹配的单位', 'No venue in your area matches') : tx('请输入关键字', 'Type to search')}
              options={(venues.data ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.address}）` }))}
            />
          </Form.Item>
          <Form.Item name="plannedFor" label={tx('计划检查日期', 'Planned for')} rules={[{ required: true }]}>
            <DatePicker style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="team"
            label={tx('检查人员（第一位为主办人）', 'Inspectors (the first leads)')}
            rules={[
              { required: true, message: tx('请选择检查人员', 'Choose the inspectors') },
              { validator: (_, v: string[] | undefined) => ((v?.length ?? 0) >= MIN_INSPECTORS ? Promise.resolve() : Promise.reject(new Error(tx(`检查人员不得少于${MIN_INSPECTORS}人`, `At least ${MIN_INSPECTORS} inspectors`)))) },
            ]}
          >
            <Select mode="multiple" loading={staff.isPending} placeholder={tx('从辖区内的监督员、民警中选择', 'Inspectors and police officers in your area')} options={(staff.data ?? []).map(person)} optionFilterProp="label" />
          </Form.Item>
          {source === 'expert_check' ? (
            <Form.Item name="experts" label={tx('专家', 'Experts')} rules={[{ required: true, message: tx('专家查隐患须至少有一名专家', 'An expert check needs an expert') }]}>
              <Select mode="multiple" loading={experts.isPending} options={(experts.data ?? []).map(person)} optionFilterProp="label" />
            </Form.Item>
          ) : null}
          <Space>
            <Button type="primary" htmlType="submit" loading={plan.isPending}>
              {tx('保存计划', 'Save the plan')}
            </Button>
            <Button onClick={() => navigate('/inspections')}>{tx('取消', 'Cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
