import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { CADENCE_REPORT_LABELS } from '@firebreak/domain';
import { Result, Spin } from 'antd';
import { useText } from '../lib/text';
import { officialDate, PrintedDocument } from './print/document';

/** An issued cadence report on A4, as it was issued (the stored sections, never recomputed). */
export default function CampaignReportPrint({ params }: { params: Record<string, string | undefined> }) {
  const reportId = params.reportId!;
  const trpc = useTRPC();
  const { errorText } = useText();
  const q = useQuery(trpc.campaigns.report.queryOptions({ reportId }));
  if (q.isPending) return <Spin />;
  if (q.isError) return <Result status="warning" title={errorText(q.error)} />;
  const r = q.data;
  return (
    <PrintedDocument title={CADENCE_REPORT_LABELS[r.kind].zh} number={r.issueNumber} issuer={r.departmentName} back={`/campaigns/${r.campaignId}`}>
      <h2 className="doc-h2" style={{ textAlign: 'center', fontSize: 18 }} data-testid="report-title">
        {r.title}
      </h2>
      <p className="doc-para" style={{ textIndent: 0, textAlign: 'center' }}>
        报告期：{officialDate(r.periodFrom)}至{officialDate(r.periodTo)}
      </p>
      {r.sections.map((s) => (
        <section key={s.key} data-testid={`printed-${s.key}`}>
          <h2 className="doc-h2">{s.heading}</h2>
          {s.text.split('\n').map((line, i) => (
            <p key={i} className="doc-para">
              {line}
            </p>
          ))}
          {s.table ? (
            <table className="doc-table">
              <thead>
                <tr>
                  {s.table.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.table.rows.map((row) => (
                  <tr key={row.join('|')}>
                    {row.map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
      <div className="doc-seal">
        <div>{r.departmentName ?? ''}</div>
        <div>{officialDate(r.issuedAt)}</div>
      </div>
      <p className="doc-foot">
        出具人：{r.issuedByName}。本报告依据专项行动任务清单、进展清单、隐患清单、措施清单截至出具时的数据生成，出具后不可修改。
      </p>
    </PrintedDocument>
  );
}
