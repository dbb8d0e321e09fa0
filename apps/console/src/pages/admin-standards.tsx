import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  RISK_CATEGORIES,
  SEVERITY_NAMES,
  VENUE_CATEGORIES,
  diffStandards,
  formatLegalBasis,
  riskCategoryLabel,
  type CheckItem,
  type CheckItemField,
  type Severity,
  type StandardDiff,
} from '@firebreak/domain';
import { useText } from '../lib/text';
import { PageHead, ToneTag } from '../lib/ui';

type Version = RouterOutputs['admin']['standards']['list'][number];
type Standard = RouterOutputs['admin']['standards']['get'];

const FIELD_NAMES: Record<CheckItemField, { zh: string; en: string }> = {
  text: { zh: '检查内容', en: 'Wording' },
  riskCategory: { zh: '风险类别', en: 'Risk category' },
  severity: { zh: '严重程度', en: 'Severity' },
  basis: { zh: '法律依据', en: 'Legal basis' },
  deadline: { zh: '默认整改期限', en: 'Default deadline' },
  gbElements: { zh: 'GB 35181 要素', en: 'GB 35181 elements' },
};

interface ItemForm {
  id: string;
  textZh: string;
  textEn: string;
  riskCategory: CheckItem['riskCategory'];
  severity: Severity;
  law: string;
  article?: string;
  deadlineKind: 'immediate' | 'working_days';
  days?: number;
}

const toForm = (i: CheckItem): ItemForm => ({
  id: i.id,
  textZh: i.text.zh,
  textEn: i.text.en,
  riskCategory: i.riskCategory,
  severity: i.severity,
  law: i.basis[0]?.law ?? '',
  ...(i.basis[0]?.article ? { article: i.basis[0].article } : {}),
  deadlineKind: i.deadline.kind,
  ...(i.deadline.kind === 'working_days' ? { days: i.deadline.n } : {}),
});

const fromForm = (f: ItemForm, prior: CheckItem | undefined): CheckItem => ({
  id: f.id.trim(),
  text: { zh: f.textZh.trim(), en: f.textEn.trim() },
  riskCategory: f.riskCategory,
  severity: f.severity,
  // The form edits the first legal basis; further ones the item already had are kept.
  basis: [{ law: f.law.trim(), ...(f.article?.trim() ? { article: f.article.trim() } : {}) }, ...(prior?.basis.slice(1) ?? [])],
  deadline: f.deadlineKind === 'immediate' ? { kind: 'immediate' } : { kind: 'working_days', n: f.days ?? 1 },
  ...(prior?.gbElements ? { gbElements: prior.gbElements } : {}),
});

/** China midnight of a day, as the kernel's ISO instants with offset. */
const chinaMidnight = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T00:00:00+08:00`;
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The China calendar day of an instant, whatever the browser's time zone. */
const chinaDay = (iso: string) => CHINA_DAY.format(new Date(iso));

/**
 * Remediation standards (整治标准, issue 11 §10): each venue category's versions; a new version is a
 * draft copied from the latest, edited item by item (risk category, severity, legal basis, default
 * deadline), and published only after the diff against the version in force has been shown.
 * Published versions are frozen: the server refuses to revise them.
 */
export default function AdminStandards() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { tx, label, dateTime, errorText } = useText();
  const [category, setCategory] = useState<string>('market');
  const [editing, setEditing] = useState<number | null>(null);
  const list = useQuery(trpc.admin.standards.list.queryOptions({ category }));
  const versions = useMemo(() => [...(list.data ?? [])].sort((a, b) => b.version - a.version), [list.data]);
  const latest = versions[0];
  const draft = versions.find((v) => v.status === 'draft');
  const published = versions.find((v) => v.status === 'published');
  const refresh = () => client.invalidateQueries({ queryKey: trpc.admin.standards.pathKey() });

  const latestFull = useQuery({ ...trpc.admin.standards.get.queryOptions({ category, version: latest?.version ?? 1 }), enabled: latest !== undefined });
  const createDraft = useMutation(
    trpc.admin.standards.createDraft.mutationOptions({
      onSuccess: (d) => {
        void message.success(tx(`已创建第 ${d.version} 版草稿`, `Draft version ${d.version} created`));
        void refresh();
        setEditing(d.version);
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const startDraft = () => {
    const base = latestFull.data;
    if (!base) return;
    const tomorrow = dayjs(chinaDay(new Date().toISOString())).add(1, 'day');
    createDraft.mutate({ category, title: base.title, effectiveFrom: chinaMidnight(tomorrow), items: base.items, basedOnVersion: base.version });
  };

  return (
    <>
      <PageHead title={tx('整治标准', 'Remediation standards')}>
        <span className="console-muted">{tx('按场所类别分版本管理；已发布版本不可修改，修改即新建版本', 'Versioned per venue category; a published version is frozen, a change is a new version')}</span>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <label htmlFor="standard-category">{tx('场所类别', 'Venue category')}</label>
          <Select
            id="standard-category"
            style={{ width: 280 }}
            value={category}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v) => {
              setCategory(v);
              setEditing(null);
            }}
            options={VENUE_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
          />
          {draft ? (
            <Button type="primary" onClick={() => setEditing(draft.version)}>
              {tx(`编辑第 ${draft.version} 版草稿`, `Edit draft version ${draft.version}`)}
            </Button>
          ) : (
            <Button type="primary" disabled={!latestFull.data} loading={createDraft.isPending} onClick={startDraft}>
              {tx('新建版本（复制最新版）', 'New version (copy of the latest)')}
            </Button>
          )}
        </Space>
      </Card>
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card size="small" title={tx('版本', 'Versions')} style={{ marginBottom: 16 }}>
        <Table<Version>
          rowKey="version"
          size="small"
          data-testid="standard-versions"
          loading={list.isFetching}
          dataSource={versions}
          pagination={false}
          locale={{ emptyText: <span className="console-muted">{tx('该类别尚无整治标准', 'No standard for this category yet')}</span> }}
          columns={[
            { title: tx('版本', 'Version'), dataIndex: 'version', width: 80, render: (v: number) => `V${v}` },
            {
              title: tx('状态', 'Status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => (s === 'published' ? <ToneTag tone="ok">{tx('已发布', 'Published')}</ToneTag> : <ToneTag tone="warn">{tx('草稿', 'Draft')}</ToneTag>),
            },
            { title: tx('标题', 'Title'), key: 'title', render: (_, r) => label(r.title) },
            { title: tx('检查项', 'Items'), dataIndex: 'items', width: 80 },
            { title: tx('生效时间', 'In force from'), dataIndex: 'effectiveFrom', width: 150, render: (v: string) => dateTime(v) },
            { title: tx('发布时间', 'Published'), dataIndex: 'publishedAt', width: 150, render: (v: string | null) => dateTime(v) },
            {
              title: tx('操作', 'Action'),
              key: 'action',
              width: 110,
              render: (_, r) => (
                <Button size="small" onClick={() => setEditing(r.version)}>
                  {r.status === 'draft' ? tx('编辑', 'Edit') : tx('查看', 'View')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing !== null ? <VersionEditor key={`${category}-${editing}`} category={category} version={editing} publishedVersion={published?.version ?? null} onDone={() => void refresh()} /> : null}
    </>
  );
}

function VersionEditor({ category, version, publishedVersion, onDone }: { category: string; version: number; publishedVersion: number | null; onDone: () => void }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { tx, label, errorText } = useText();
  const q = useQuery(trpc.admin.standards.get.queryOptions({ category, version }));
  const inForce = useQuery({ ...trpc.admin.standards.get.queryOptions({ category, version: publishedVersion ?? 1 }), enabled: publishedVersion !== null && publishedVersion !== version });
  const [itemModal, setItemModal] = useState<{ index: number | null } | null>(null);
  const [diffOpen, setDiffOpen] = useState(false);
  const [form] = Form.useForm<ItemForm>();
  const invalidate = () => {
    void client.invalidateQueries({ queryKey: trpc.admin.standards.pathKey() });
    onDone();
  };
  const revise = useMutation(
    trpc.admin.standards.revise.mutationOptions({
      onSuccess: () => {
        void message.success(tx('草稿已保存', 'Draft saved'));
        setItemModal(null);
        invalidate();
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const publish = useMutation(
    trpc.admin.standards.publish.mutationOptions({
      onSuccess: (p) => {
        void message.success(tx(`第 ${p.version} 版已发布`, `Version ${p.version} published`));
        setDiffOpen(false);
        invalidate();
      },
      onError: (e) => void message.error(errorText(e)),
    }),
  );
  const s: Standard | undefined = q.data;
  if (!s) return <Card loading size="small" />;
  const isDraft = s.status === 'draft';
  const save = (items: CheckItem[], patch: Partial<Pick<Standard, 'effectiveFrom' | 'title'>> = {}) =>
    revise.mutate({
      version: s.version,
      content: { category, title: patch.title ?? s.title, effectiveFrom: patch.effectiveFrom ?? s.effectiveFrom, items: items as unknown as Record<string, unknown>[] },
    });
  const openItem = (index: number | null) => {
    form.resetFields();
    form.setFieldsValue(
      index === null
        ? { deadlineKind: 'working_days', days: 5, severity: 'general', riskCategory: 'weak_management', law: '中华人民共和国消防法' }
        : toForm(s.items[index]!),
    );
    setItemModal({ index });
  };
  const before = publishedVersion === null || publishedVersion === version ? null : (inForce.data ?? null);
  const diff = diffStandards(before, s);

  return (
    <Card
      size="small"
      data-testid="standard-editor"
      title={`${label(s.title)} · V${s.version} ${isDraft ? tx('（草稿）', '(draft)') : tx('（已发布，不可修改）', '(published, frozen)')}`}
      extra={
        isDraft ? (
          <Space>
            <Button onClick={() => openItem(null)}>{tx('添加检查项', 'Add item')}</Button>
            <Button type="primary" onClick={() => setDiffOpen(true)} disabled={publishedVersion !== null && !inForce.data}>
              {tx('预览差异并发布', 'Review changes and publish')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={tx('生效时间', 'In force from')}>
          {isDraft ? (
            <DatePicker
              aria-label={tx('生效日期', 'In force from')}
              value={dayjs(chinaDay(s.effectiveFrom))}
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM-DD') <= chinaDay(new Date().toISOString())}
              onChange={(d) => d && save([...s.items], { effectiveFrom: chinaMidnight(d) })}
            />
          ) : (
            chinaDay(s.effectiveFrom)
          )}
        </Descriptions.Item>
        <Descriptions.Item label={tx('检查项数', 'Items')}>{s.items.length}</Descriptions.Item>
      </Descriptions>
      <Table<CheckItem>
        rowKey="id"
        size="small"
        data-testid="standard-items"
        dataSource={[...s.items]}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '#', key: 'n', width: 44, render: (_, __, i) => i + 1 },
          { title: tx('检查内容', 'Check'), key: 'text', render: (_, r) => label(r.text) },
          { title: tx('风险类别', 'Risk category'), dataIndex: 'riskCategory', width: 170, render: (v: string) => label(riskCategoryLabel(v)) || v },
          { title: tx('严重程度', 'Severity'), dataIndex: 'severity', width: 130, render: (v: Severity) => label(SEVERITY_NAMES[v]) },
          { title: tx('法律依据', 'Legal basis'), key: 'basis', width: 200, render: (_, r) => r.basis.map(formatLegalBasis).join('；') },
          {
            title: tx('默认期限', 'Deadline'),
            key: 'deadline',
            width: 110,
            render: (_, r) => (r.deadline.kind === 'immediate' ? tx('当场改正', 'On the spot') : tx(`${r.deadline.n} 个工作日`, `${r.deadline.n} working days`)),
          },
          ...(isDraft
            ? [
                {
                  title: tx('操作', 'Action'),
                  key: 'action',
                  width: 130,
                  render: (_: unknown, r: CheckItem, i: number) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => openItem(i)} aria-label={tx(`编辑 ${r.id}`, `Edit ${r.id}`)}>
                        {tx('编辑', 'Edit')}
                      </Button>
                      <Popconfirm title={tx('删除该检查项？', 'Remove this item?')} onConfirm={() => save(s.items.filter((_, k) => k !== i))} okText={tx('删除', 'Remove')} cancelText={tx('取消', 'Cancel')}>
                        <Button size="small" danger aria-label={tx(`删除 ${r.id}`, `Remove ${r.id}`)}>
                          {tx('删除', 'Remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />

      <Modal
        open={itemModal !== null}
        title={itemModal?.index === null ? tx('添加检查项', 'Add check item') : tx('编辑检查项', 'Edit check item')}
        okText={tx('保存到草稿', 'Save to draft')}
        cancelText={tx('取消', 'Cancel')}
        confirmLoading={revise.isPending}
        onCancel={() => setItemModal(null)}
        onOk={() => void form.submit()}
        width={640}
        forceRender
      >
        <Form<ItemForm>
          form={form}
          layout="vertical"
          onFinish={(f) => {
            const index = itemModal?.index ?? null;
            const items: CheckItem[] = [...(s.items as readonly CheckItem[])];
            if (index === null) items.push(fromForm(f, undefined));
            else items[index] = fromForm(f, items[index]);
            save(items);
          }}
        >
          <Form.Item name="id" label={tx('检查项编号', 'Item id')} rules={[{ required: true, pattern: /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, message: tx('小写字母、数字，用 . 或 - 连接，如 market.exits-open', 'lower case, digits, joined by . or -, e.g. market.exits-open') }]}>
            <Input disabled={itemModal?.index !== null && itemModal?.index !== undefined} />
          </Form.Item>
          <Form.Item name="textZh" label={tx('检查内容（中文）', 'Check (Chinese)')} rules={[{ required: true, message: tx('请填写检查内容', 'Enter the check') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="textEn" label={tx('检查内容（英文）', 'Check (English)')} rules={[{ required: true, message: tx('请填写英文检查内容', 'Enter the English wording') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space style={{ width: '100%' }} size={12} wrap>
            <Form.Item name="riskCategory" label={tx('风险类别', 'Risk category')} rules={[{ required: true }]}>
              <Select style={{ width: 260 }} options={RISK_CATEGORIES.map((r) => ({ value: r.code, label: label(r) }))} />
            </Form.Item>
            <Form.Item name="severity" label={tx('严重程度', 'Severity')} rules={[{ required: true }]}>
              <Select style={{ width: 220 }} options={(Object.keys(SEVERITY_NAMES) as Severity[]).map((k) => ({ value: k, label: label(SEVERITY_NAMES[k]) }))} />
            </Form.Item>
          </Space>
          <Space style={{ width: '100%' }} size={12} wrap>
            <Form.Item name="law" label={tx('法律依据', 'Law')} rules={[{ required: true, message: tx('请填写法律依据', 'Enter the legal basis') }]}>
              <Input style={{ width: 300 }} />
            </Form.Item>
            <Form.Item name="article" label={tx('条款', 'Article')}>
              <Input style={{ width: 200 }} placeholder={tx('如 第二十八条', 'e.g. Art. 28')} />
            </Form.Item>
          </Space>
          <Space size={12} wrap>
            <Form.Item name="deadlineKind" label={tx('默认整改期限', 'Default deadline')}>
              <Radio.Group
                options={[
                  { value: 'immediate', label: tx('当场改正', 'On the spot') },
                  { value: 'working_days', label: tx('限期（工作日）', 'Working days') },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle dependencies={['deadlineKind']}>
              {({ getFieldValue }) =>
                getFieldValue('deadlineKind') === 'working_days' ? (
                  <Form.Item name="days" label={tx('工作日数', 'Working days')} rules={[{ required: true, type: 'integer', min: 1, max: 250, message: tx('1 至 250 个工作日', '1 to 250 working days') }]}>
                    <InputNumber min={1} max={250} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </Space>
        </Form>
      </Modal>

      <Modal
        open={diffOpen}
        title={tx(`发布第 ${s.version} 版：与${before ? `现行第 ${before.version} 版` : '空白'}相比的变化`, `Publish version ${s.version}: changes against ${before ? `version ${before.version} in force` : 'nothing'}`)}
        okText={tx('确认发布', 'Publish')}
        cancelText={tx('取消', 'Cancel')}
        okButtonProps={{ disabled: before !== null && diff.items.length === 0 && !diff.reordered && !diff.effectiveFromChanged && !diff.titleChanged }}
        confirmLoading={publish.isPending}
        onCancel={() => setDiffOpen(false)}
        onOk={() => publish.mutate({ category, version: s.version })}
        width={820}
      >
        <DiffView diff={diff} effectiveFrom={s.effectiveFrom} />
      </Modal>
    </Card>
  );
}

function DiffView({ diff, effectiveFrom }: { diff: StandardDiff; effectiveFrom: string }) {
  const { tx, label } = useText();
  const describe = (i: CheckItem, f: CheckItemField): string => {
    switch (f) {
      case 'text':
        return label(i.text);
      case 'riskCategory':
        return label(riskCategoryLabel(i.riskCategory)) || i.riskCategory;
      case 'severity':
        return label(SEVERITY_NAMES[i.severity]);
      case 'basis':
        return i.basis.map(formatLegalBasis).join('；');
      case 'deadline':
        return i.deadline.kind === 'immediate' ? tx('当场改正', 'On the spot') : tx(`${i.deadline.n} 个工作日`, `${i.deadline.n} working days`);
      case 'gbElements':
        return (i.gbElements ?? []).join('、') || '—';
    }
  };
  return (
    <div data-testid="standard-diff">
      <p>
        {tx(
          `新增 ${diff.items.filter((c) => c.kind === 'added').length} 项，修改 ${diff.items.filter((c) => c.kind === 'changed').length} 项，删除 ${diff.items.filter((c) => c.kind === 'removed').length} 项，未变 ${diff.unchanged} 项。`,
          `${diff.items.filter((c) => c.kind === 'added').length} added, ${diff.items.filter((c) => c.kind === 'changed').length} changed, ${diff.items.filter((c) => c.kind === 'removed').length} removed, ${diff.unchanged} unchanged.`,
        )}{' '}
        {tx(`生效时间：${chinaDay(effectiveFrom)}。发布后本版本不可再修改。`, `In force from ${chinaDay(effectiveFrom)}. Once published this version is frozen.`)}
        {diff.reordered ? tx(' 检查项顺序有调整。', ' Items were reordered.') : ''}
      </p>
      {diff.items.length === 0 ? <Empty description={tx('检查项没有变化', 'No item changed')} /> : null}
      {diff.items.map((c) => (
        <div key={`${c.kind}-${c.id}`} className={`standard-diff-${c.kind}`} style={{ borderLeft: `4px solid ${c.kind === 'added' ? '#389e0d' : c.kind === 'removed' ? '#cf1322' : '#d46b08'}`, padding: '4px 12px', marginBottom: 8 }}>
          <div>
            <Tag>{c.kind === 'added' ? tx('新增', 'Added') : c.kind === 'removed' ? tx('删除', 'Removed') : tx('修改', 'Changed')}</Tag>
            <code>{c.id}</code> {label(c.kind === 'removed' ? c.before.text : c.after.text)}
          </div>
          {c.kind === 'changed'
            ? c.fields.map((f) => (
                <div key={f} style={{ fontSize: 13 }}>
                  {label(FIELD_NAMES[f])}：<del style={{ color: '#a8071a' }}>{describe(c.before, f)}</del> → <ins style={{ color: '#135200', textDecoration: 'none', fontWeight: 600 }}>{describe(c.after, f)}</ins>
                </div>
              ))
            : null}
          {c.kind === 'added' ? (
            <div style={{ fontSize: 13 }}>
              {describe(c.after, 'riskCategory')} · {describe(c.after, 'severity')} · {describe(c.after, 'basis')} · {describe(c.after, 'deadline')}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
