import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Progress, Result, Spin, Tag, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useAccess } from '../lib/access';
import { isStale, useText } from '../lib/text';
import { Clock, PageHead, StaleNotice, StatusTag } from '../lib/ui';

/** POST /uploads with progress (XMLHttpRequest is the one browser API that reports it). */
function upload(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/uploads');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      const body = xhr.response as { id?: string; error?: { message: string; messageZh: string } } | null;
      if (xhr.status === 201 && body?.id) resolve(body.id);
      else reject(new Error(body?.error?.messageZh ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('网络异常 Network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export default function UnitHazards() {
  const trpc = useTRPC();
  const { tx, label, role, dateTime, errorText } = useText();
  const access = useAccess();
  const venue = useQuery(trpc.unit.venue.queryOptions());
  const hazards = useQuery(trpc.unit.hazards.list.queryOptions({ limit: 50, offset: 0 }));
  if (venue.isPending || hazards.isPending) return <Spin />;
  if (venue.isError) return <Result status="warning" title={errorText(venue.error)} />;
  const v = venue.data;
  const open = (hazards.data ?? []).filter((h) => h.status === 'ordered' || h.status === 'overdue');
  return (
    <>
      <PageHead title={v.name}>
        <span className="console-muted">{v.address}</span>
      </PageHead>
      <div className="console-grid">
        <div className="console-stack">
          <Card title={tx('需要本单位整改的隐患', 'Hazards to correct')} size="small" data-testid="unit-open-hazards">
            {open.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('暂无待整改隐患', 'Nothing to correct')} /> : null}
            {open.map((h) => (
              <EvidenceCard key={h.id} hazard={h} />
            ))}
          </Card>
          <Card title={tx('本单位隐患记录', 'All hazards on the venue')} size="small">
            <List
              size="small"
              dataSource={hazards.data ?? []}
              locale={{ emptyText: tx('暂无记录', 'None') }}
              renderItem={(h) => (
                <List.Item>
                  <span>
                    {label(h.riskCategory)} <span className="console-muted">· {dateTime(h.foundOn)}</span>
                  </span>
                  <StatusTag status={h.status} text={label(h.statusLabel)} />
                </List.Item>
              )}
            />
          </Card>
        </div>
        <Card title={tx('单位档案与责任人', 'Venue and responsible persons')} size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={tx('账号', 'Account')}>{access.me.name}</Descriptions.Item>
            <Descriptions.Item label={tx('地址', 'Address')}>{v.address}</Descriptions.Item>
            {v.responsiblePersons.map((p) => (
              <Descriptions.Item key={p.role} label={p.role === 'responsible' ? tx('消防安全责任人', 'Responsible person') : tx('消防安全管理人', 'Safety manager')}>
                {p.name}
                {p.position ? ` · ${p.position}` : ''}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <span className="console-muted">{role('unit')}</span>
        </Card>
      </div>
    </>
  );
}

type UnitHazard = RouterOutputs['unit']['hazards']['list'][number];

function EvidenceCard({ hazard }: { hazard: UnitHazard }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { tx, label, errorText } = useText();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [ids, setIds] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [stale, setStale] = useState(false);
  const submit = useMutation(
    trpc.unit.hazards.submitRemediation.mutationOptions({
      onSuccess: async () => {
        message.success(tx('整改材料已提交，等待复查', 'Evidence handed in; waiting for re-inspection'));
        await qc.invalidateQueries({ queryKey: trpc.unit.hazards.list.queryKey() });
      },
      onError: (e) => isStale(e) && setStale(true),
    }),
  );
  const uploading = files.some((f) => f.status === 'uploading');
  const done = files.filter((f) => f.status === 'done').map((f) => ids[f.uid]).filter((x): x is string => !!x);
  return (
    <Card type="inner" size="small" style={{ marginBottom: 12 }} title={<>{label(hazard.riskCategory)} <StatusTag status={hazard.status} text={label(hazard.statusLabel)} /></>} extra={hazard.correction ? <Clock deadline={hazard.correction.due} overdue={hazard.overdue || undefined} /> : null}>
      <p>{hazard.description}</p>
      {stale ? <StaleNotice onReload={() => { setStale(false); void qc.invalidateQueries({ queryKey: trpc.unit.hazards.list.queryKey() }); }} /> : null}
      <Upload
        accept="image/jpeg,image/png,image/webp"
        listType="picture"
        fileList={files}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const f = file as File & { uid: string };
          upload(f, (percent) => onProgress?.({ percent }))
            .then((id) => {
              setIds((m) => ({ ...m, [f.uid]: id }));
              onSuccess?.({ id });
            })
            .catch((e: Error) => onError?.(e));
        }}
        onChange={({ fileList }) => setFiles(fileList)}
      >
        <Button>{tx('上传整改照片', 'Upload evidence photos')}</Button>
      </Upload>
      {uploading ? <Progress percent={Math.round(files.reduce((s, f) => s + (f.percent ?? 0), 0) / Math.max(1, files.length))} size="small" /> : null}
      <Input.TextArea aria-label={tx('整改情况说明', 'What was done')} placeholder={tx('整改情况说明', 'What was done')} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} style={{ marginTop: 12 }} />
      {submit.isError && !stale ? <Alert type="error" showIcon title={errorText(submit.error)} style={{ marginTop: 8 }} /> : null}
      <Button type="primary" style={{ marginTop: 12 }} disabled={uploading || done.length === 0} loading={submit.isPending} onClick={() => submit.mutate({ hazardId: hazard.id, evidence: note, attachmentIds: done })}>
        {tx('提交整改材料', 'Hand in the evidence')}
      </Button>
      {done.length > 0 ? <Tag style={{ marginInlineStart: 8 }}>{tx(`已上传 ${done.length} 张`, `${done.length} uploaded`)}</Tag> : null}
    </Card>
  );
}
