import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Alert, App, Button, Card, Result, Space, Statistic, Table, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { VENUE_SHEET_COLUMNS } from '@firebreak/domain';
import { useText } from '../lib/text';
import { PageHead } from '../lib/ui';

interface Issue {
  readonly row: number;
  readonly column: string | null;
  readonly letter: string | null;
  readonly message: string;
  readonly messageZh: string;
}
type Outcome =
  | { kind: 'imported'; inserted: number; fileName: string }
  | { kind: 'refused'; message: string; issues: Issue[]; fileName: string };

/**
 * Unit library import and export (单位库导入导出, issue 11 §11): download the template, upload an
 * XLSX of venues with their responsible person and manager; the server checks every row and
 * either imports all of them or none, listing every bad row here in the reader's language.
 */
export default function AdminImport() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { tx, en, errorText } = useText();
  const summary = useQuery(trpc.admin.venues.summary.queryOptions({}));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const res = await fetch('/api/imports/venues.xlsx', { method: 'POST', body, credentials: 'same-origin', headers: { 'accept-language': en ? 'en' : 'zh-CN' } });
      const json = (await res.json()) as { inserted?: number; error?: { message: string; messageEn?: string; messageZh?: string }; issues?: Issue[] };
      if (res.ok && typeof json.inserted === 'number') {
        setOutcome({ kind: 'imported', inserted: json.inserted, fileName: file.name });
        void message.success(tx(`已导入 ${json.inserted} 家单位`, `${json.inserted} units imported`));
        void client.invalidateQueries({ queryKey: trpc.admin.venues.summary.queryKey() });
      } else {
        const e = json.error;
        setOutcome({ kind: 'refused', message: (en ? e?.messageEn : e?.messageZh) ?? e?.message ?? String(res.status), issues: json.issues ?? [], fileName: file.name });
      }
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const columnName = (key: string | null) => {
    const c = VENUE_SHEET_COLUMNS.find((x) => x.key === key);
    return c ? tx(c.zh, c.en) : '—';
  };
  const fileList: UploadFile[] = file ? [{ uid: 'venues', name: file.name, status: 'done' }] : [];

  return (
    <>
      <PageHead
        title={tx('单位库导入', 'Unit library import')}
        extra={
          <Space>
            <Button href="/api/exports/venues-template.xlsx" download data-testid="venues-template">
              {tx('下载导入模板', 'Download the template')}
            </Button>
            <Button href="/api/exports/venues.xlsx" download data-testid="venues-export">
              {tx('导出单位库', 'Export the library')}
            </Button>
          </Space>
        }
      >
        <span className="console-muted">{tx('逐行校验，全部正确才导入；有任何错误则不导入任何数据', 'Every row is checked; the file is imported only when all rows are valid, otherwise nothing is')}</span>
      </PageHead>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space align="start" size={48} wrap>
          <Statistic title={tx('本辖区单位数', 'Units in your jurisdiction')} value={summary.data?.venues ?? '—'} loading={summary.isLoading} />
          <div>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(f) => {
                setFile(f);
                setOutcome(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setOutcome(null);
              }}
            >
              <Button data-testid="choose-file">{tx('选择 XLSX 文件', 'Choose an XLSX file')}</Button>
            </Upload>
            <Button type="primary" style={{ marginTop: 12 }} disabled={!file} loading={busy} onClick={() => void upload()} data-testid="start-import">
              {tx('校验并导入', 'Check and import')}
            </Button>
          </div>
          <div className="console-muted" style={{ maxWidth: 420 }}>
            {tx(
              '必填：单位名称、地址、场所类别（目录名称或代码，多个用“、”分隔）、所属辖区（名称或代码）、消防安全责任人及电话、消防安全管理人及电话。同名同地址的单位不可重复导入。',
              'Required: unit name, address, venue categories (catalog names or codes, several separated by 、), jurisdiction (name or code), the responsible person and the manager with their phones. A unit with the same name and address cannot be imported twice.',
            )}
          </div>
        </Space>
      </Card>
      {outcome?.kind === 'imported' ? (
        <Result status="success" title={tx(`导入成功：${outcome.inserted} 家单位`, `Imported: ${outcome.inserted} units`)} subTitle={outcome.fileName} data-testid="import-success" />
      ) : null}
      {outcome?.kind === 'refused' ? (
        <Card size="small" data-testid="import-report" title={tx(`校验报告：${outcome.fileName}`, `Check report: ${outcome.fileName}`)}>
          <Alert type="error" showIcon title={outcome.message} style={{ marginBottom: 12 }} />
          {outcome.issues.length > 0 ? (
            <Table<Issue>
              rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.messageZh}`}
              size="small"
              dataSource={outcome.issues}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { title: tx('行号', 'Row'), dataIndex: 'row', width: 80, render: (v: number) => (v === 0 ? '—' : v) },
                { title: tx('列', 'Column'), key: 'column', width: 200, render: (_, r) => (r.letter ? `${r.letter} · ${columnName(r.column)}` : columnName(r.column)) },
                { title: tx('问题', 'Problem'), key: 'message', render: (_, r) => (en ? r.message : r.messageZh) },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
