import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Result, Spin } from 'antd';
import { useText } from '../../lib/text';
import { citations, officialDate, PrintedDocument, SignatureBlock, SUPERVISION_BASIS } from './document';

/** 责令改正通知书 of one hazard with an order, from the record (nothing typed on the page). */
export default function CorrectionNotice({ params }: { params: Record<string, string | undefined> }) {
  const id = params.hazardId!;
  const trpc = useTRPC();
  const { tx, errorText } = useText();
  const q = useQuery(trpc.hazards.document.queryOptions({ id }));
  if (q.isPending) return <Spin />;
  if (q.isError) return <Result status="warning" title={errorText(q.error)} />;
  const { hazard, parties, checkItem } = q.data;
  const order = hazard.orders.at(-1);
  if (!order) return <Result status="info" title={tx('该隐患尚未责令改正，没有通知书可打印', 'No correction has been ordered yet')} />;
  const venue = parties.venue?.name ?? '（无具体单位）';
  const violated = checkItem?.basis.length ? citations(checkItem.basis) : null;
  return (
    <PrintedDocument title="责令改正通知书" number={order.noticeRef ?? tx('文号：（未编号）', 'No number yet')} issuer={parties.departmentName} back={`/hazards/${id}`}>
      <p className="doc-addressee">{venue}：</p>
      <p className="doc-para">
        根据{SUPERVISION_BASIS}的规定，本机构于{officialDate(hazard.foundAt)}对你单位（场所）进行消防监督检查，发现你单位（场所）存在下列违反消防法律法规的行为：
      </p>
      <ol className="doc-list">
        <li>
          {hazard.description}
          {checkItem && !hazard.description.startsWith(checkItem.text.zh.replace(/[。；;.]$/, '')) ? `（检查项：${checkItem.text.zh}）` : ''}
          {violated ? `，违反了${violated}的规定` : ''}。
        </li>
      </ol>
      <p className="doc-para">
        {order.mode === 'immediate'
          ? '根据《中华人民共和国消防法》第六十条的规定，责令你单位（场所）对上述问题立即改正。'
          : `根据《中华人民共和国消防法》第六十条的规定，责令你单位（场所）于${officialDate(order.due)}前对上述问题改正完毕，并将改正情况书面报告本机构。`}
        改正期间，你单位（场所）应当采取必要的防范措施，确保消防安全。逾期不改正的，本机构将依法予以处罚。
      </p>
      <p className="doc-para">如不服本通知，可以在收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。</p>
      <table className="doc-table doc-table--parties">
        <tbody>
          <tr>
            <th>被检查单位（场所）</th>
            <td>{venue}</td>
            <th>消防安全责任人</th>
            <td>{parties.responsiblePerson ?? '—'}</td>
          </tr>
          <tr>
            <th>地址</th>
            <td colSpan={3}>{parties.venue?.address ?? '—'}</td>
          </tr>
          <tr>
            <th>责令日期</th>
            <td>{officialDate(order.by.at)}</td>
            <th>改正期限</th>
            <td>{order.mode === 'immediate' ? '立即改正' : officialDate(order.due)}</td>
          </tr>
        </tbody>
      </table>
      <SignatureBlock
        rows={[
          { role: '消防监督员', name: order.by.name, date: order.by.at },
          { role: '被检查单位签收人', name: null, date: null },
        ]}
      />
      <div className="doc-seal">
        <div>{parties.departmentName ?? '消防救援机构'}（印章）</div>
        <div>{officialDate(order.by.at)}</div>
      </div>
      <p className="doc-foot">本通知书一式两份，一份交被检查单位（场所），一份存档。</p>
    </PrintedDocument>
  );
}
