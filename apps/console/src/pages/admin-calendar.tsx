import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Row, Segmented, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

type Day = RouterOutputs['admin']['calendar']['getYear'][number];
type Kind = 'holiday' | 'workday';

/**
 * The working-day calendar (工作日历, issue 11 §10): per year the public holidays and the adjusted
 * working days (调休), seeded from the State Council notices and editable here. Every legal time
 * limit counts on it; the server validates the whole year (validateCalendarConfig) on each save.
 */
export default function AdminCalendar() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { tx, errorText } = useText();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const q = useQuery(trpc.admin.calendar.getYear.queryOptions({ year }));
  const days = q.data ?? [];
  const setYearM = useMutation(
    trpc.admin.calendar.setYear.mutationOptions({
      onSuccess: () => {
        void message.success(tx('工作日历已保存', 'Calendar saved'));
        void client.invalidateQueries({ queryKey: trpc.admin.calendar.getYear.queryKey({ year }) });
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const save = (next: readonly Pick<Day, 'date' | 'kind' | 'name'>[]) =>
    setYearM.mutate({
      year,
      holidays: next.filter((d) => d.kind === 'holiday').map((d) => ({ date: d.date, ...(d.name ? { name: d.name } : {}) })),
      adjustedWorkdays: next.filter((d) => d.kind === 'workday').map((d) => ({ date: d.date, ...(d.name ? { name: d.name } : {}) })),
    });

  return (
    <>
      <PageHead title={tx('工作日历', 'Working-day calendar')}>
        <span className="console-muted">{tx('法定期限按此日历计算工作日；依国务院办公厅放假安排通知预置，可修改', 'Legal time limits count working days on this calendar; seeded from the State Council notices, editable')}</span>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Segmented<number> aria-label={tx('年份', 'Year')} value={year} onChange={setYear} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))} />
      </Card>
      {q.isError ? <Alert type="error" showIcon title={errorText(q.error)} /> : null}
      <Row gutter={16}>
        {(['holiday', 'workday'] as const).map((kind) => (
          <Col xs={24} lg={12} key={kind}>
            <DayList year={year} kind={kind} days={days.filter((d) => d.kind === kind)} loading={q.isFetching || setYearM.isPending} onAdd={(d) => save([...days, d])} onRemove={(date) => save(days.filter((d) => d.date !== date))} taken={new Set(days.map((d) => d.date))} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function DayList({
  year,
  kind,
  days,
  loading,
  taken,
  onAdd,
  onRemove,
}: {
  year: number;
  kind: Kind;
  days: Day[];
  loading: boolean;
  taken: ReadonlySet<string>;
  onAdd: (d: { date: string; kind: Kind; name: string | null }) => void;
  onRemove: (date: string) => void;
}) {
  const { tx } = useText();
  const [form] = Form.useForm<{ date: Dayjs; name?: string }>();
  const title = kind === 'holiday' ? tx('放假日', 'Holidays') : tx('调休上班日', 'Adjusted working days');
  return (
    <Card size="small" title={`${title}（${days.length}）`} style={{ marginBottom: 16 }} data-testid={`calendar-${kind}`}>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12 }}
        onFinish={(v) => {
          onAdd({ date: v.date.format('YYYY-MM-DD'), kind, name: v.name?.trim() || null });
          form.resetFields();
        }}
      >
        <Form.Item name="date" rules={[{ required: true, message: tx('请选择日期', 'Pick a date') }]}>
          <DatePicker
            aria-label={kind === 'holiday' ? tx('新增放假日期', 'New holiday date') : tx('新增调休上班日期', 'New adjusted working day')}
            placeholder={tx('选择日期', 'Pick a date')}
            disabledDate={(d) => d.year() !== year || taken.has(d.format('YYYY-MM-DD'))}
            defaultPickerValue={dayjs(`${year}-01-01`)}
          />
        </Form.Item>
        <Form.Item name="name">
          <Input aria-label={tx('名称', 'Name')} placeholder={kind === 'holiday' ? tx('如 春节', 'e.g. Spring Festival') : tx('如 春节调休', 'e.g. Spring Festival make-up')} maxLength={40} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={loading}>
            {kind === 'holiday' ? tx('添加放假日', 'Add holiday') : tx('添加调休日', 'Add working day')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Day>
        rowKey="date"
        size="small"
        loading={loading}
        dataSource={days}
        pagination={false}
        scroll={{ y: 420 }}
        locale={{ emptyText: <span className="console-muted">{tx('本年尚无记录', 'None this year')}</span> }}
        columns={[
          { title: tx('日期', 'Date'), dataIndex: 'date', width: 130 },
          { title: tx('星期', 'Weekday'), key: 'weekday', width: 80, render: (_, r) => tx('日一二三四五六'.charAt(dayjs(r.date).day()), dayjs(r.date).format('ddd')) },
          { title: tx('名称', 'Name'), dataIndex: 'name', render: (v: string | null) => v ?? '' },
          {
            title: tx('操作', 'Action'),
            key: 'action',
            width: 90,
            render: (_, r) => (
              <Popconfirm title={tx(`删除 ${r.date}？`, `Remove ${r.date}?`)} okText={tx('删除', 'Remove')} cancelText={tx('取消', 'Cancel')} onConfirm={() => onRemove(r.date)}>
                <Button size="small" danger aria-label={tx(`删除 ${r.date}`, `Remove ${r.date}`)}>
                  {tx('删除', 'Remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
