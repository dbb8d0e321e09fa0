import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { RISK_CATEGORIES, type CheckResult } from '@firebreak/domain';
import { Result, Spin } from 'antd';
import { INSPECTION_SOURCE_TEXT } from '../../lib/inspection-labels';
import { useText } from '../../lib/text';
import { citations, officialDate, PrintedDocument, SignatureBlock, SUPERVISION_BASIS } from './document';

const RESULT_TEXT: Record<CheckResult, string> = { pass: '合格', fail: '不合格', not_applicable: '不适用' };

/** 消防监督检查记录 of one inspection: parties, team, the checklist item by item, findings and every signature. */
export default function InspectionRecord({ params }: { params: Record<string, string | undefined> }) {
  const id = params.inspectionId!;
  const trpc = useTRPC();
  const { errorText } = useText();
  const q = useQuery(trpc.inspections.get.queryOptions({ id }));
  if (q.isPending) return <Spin />;
  if (q.isError) return <Result status="warning" title={errorText(q.error)} />;
  const { inspection: s, parties, checklist } = q.data;
  const results = new Map((s.itemResults ?? []).map((r) => [r.checkItemId, r]));
  const cat = (code: string) => RISK_CATEGORIES.find((c) => c.code === code)?.zh ?? code;
  const present = s.team.filter((p) => s.presentInspectorIds.includes(p.userId));
  const bases = citations(checklist.flatMap((i) => i.basis));
  return (
    <PrintedDocument title="消防监督检查记录" number={`编号：${id.slice(0, 8).toUpperCase()}`} issuer={parties.departmentName} back={`/inspections/${id}`}>
      <table className="doc-table doc-table--parties">
        <tbody>
          <tr>
            <th>被检查单位（场所）</th>
            <td colSpan={3}>{parties.venue?.name ?? '—'}</td>
          </tr>
          <tr>
            <th>地址</th>
            <td colSpan={3}>{parties.venue?.address ?? '—'}</td>
          </tr>
          <tr>
            <th>消防安全责任人</th>
            <td>{parties.responsiblePerson ?? '—'}</td>
            <th>消防安全管理人</th>
            <td>{parties.manager ?? '—'}</td>
          </tr>
          <tr>
            <th>检查类型</th>
            <td>{INSPECTION_SOURCE_TEXT[s.source].zh}</td>
            <th>检查时间</th>
            <td>{officialDate(s.startedBy?.at ?? s.plannedFor)}</td>
          </tr>
          <tr>
            <th>检查人员</th>
            <td colSpan={3}>{(present.length > 0 ? present : s.team).map((p) => p.name).join('、')}{s.experts.length > 0 ? `；专家：${s.experts.map((p) => p.name).join('、')}` : ''}</td>
          </tr>
          <tr>
            <th>检查依据</th>
            <td colSpan={3}>
              {SUPERVISION_BASIS}
              {bases ? `；${bases}` : ''}
            </td>
          </tr>
        </tbody>
      </table>
      <h2 className="doc-h2">检查情况</h2>
      <table className="doc-table">
        <thead>
          <tr>
            <th style={{ width: '8%' }}>序号</th>
            <th>检查内容</th>
            <th style={{ width: '12%' }}>检查结果</th>
            <th style={{ width: '30%' }}>情况说明</th>
          </tr>
        </thead>
        <tbody>
          {checklist.map((item, n) => {
            const r = results.get(item.id);
            return (
              <tr key={item.id}>
                <td className="doc-center">{n + 1}</td>
                <td>{item.text.zh}</td>
                <td className="doc-center">{r ? RESULT_TEXT[r.result] : '—'}</td>
                <td>{r?.note ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 className="doc-h2">发现的问题</h2>
      {s.findings.length === 0 ? (
        <p className="doc-para">{s.recordedBy ? '本次检查未发现火灾隐患。' : '尚未制作检查记录。'}</p>
      ) : (
        <ol className="doc-list">
          {s.findings.map((f) => (
            <li key={f.id}>
              【{cat(f.riskCategory)}】{f.description}
            </li>
          ))}
        </ol>
      )}
      <SignatureBlock rows={present.map((p) => ({ role: '检查人员', name: s.signatures.find((x) => x.userId === p.userId)?.signatureRef ?? null, date: s.signatures.find((x) => x.userId === p.userId)?.at ?? null }))} />
      {s.refusal ? (
        <p className="doc-para">
          被检查单位拒绝签字：{s.refusal.reason}。见证人：{s.refusal.witness.name}
          {s.refusal.witness.signatureRef ? `（签名：${s.refusal.witness.signatureRef}）` : ''}。
        </p>
      ) : (
        <SignatureBlock rows={[{ role: '被检查单位签字', name: s.unitConfirmation ? `${s.unitConfirmation.signatureRef}（${s.unitConfirmation.capacity === 'manager' ? '管理人' : '责任人'}）` : null, date: s.unitConfirmation?.at ?? null }]} />
      )}
      <p className="doc-foot">本记录经检查人员和被检查单位签字后存档；发现的问题依法责令改正，并逐条列入隐患台账。</p>
    </PrintedDocument>
  );
}
