import type { ReactNode } from 'react';
import { Button } from 'antd';
import { Link } from 'wouter';
import { useText } from '../../lib/text';

/** The fire law article that empowers supervision inspections and the orders they make (the printed forms cite it). */
export const SUPERVISION_BASIS = '《中华人民共和国消防法》第五十三条';

/** 《中华人民共和国消防法》第二十八条, as a notice cites a basis. */
export function citation(b: { readonly law: string; readonly article: string | null }): string {
  if (b.article) return `《${b.law}》${b.article}`;
  // Standards store a basis as one text (中华人民共和国消防法第十六条): the article stays outside the title marks.
  const m = /^(.*?)\s*(第[^第]+[条款项节章])$/.exec(b.law);
  return m ? `《${m[1]}》${m[2]}` : `《${b.law}》`;
}

/** Several bases, one title each with its articles: 《中华人民共和国消防法》第十六条、第二十八条；《…》. */
export function citations(bases: readonly { readonly law: string; readonly article: string | null }[]): string {
  const byLaw = new Map<string, string[]>();
  for (const b of bases) {
    const [, title, article] = /^《(.*)》(.*)$/.exec(citation(b))!;
    const articles = byLaw.get(title!) ?? [];
    if (article && !articles.includes(article)) articles.push(article);
    byLaw.set(title!, articles);
  }
  return [...byLaw].map(([title, articles]) => `《${title}》${articles.join('、')}`).join('；');
}

const CHINA_DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
/** 2026年3月4日, as official documents write dates. */
export function officialDate(iso: string | null | undefined): string {
  return iso ? CHINA_DATE.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+08:00` : iso)) : '____年__月__日';
}

/** An A4 legal document: a screen toolbar (print, back) and the sheet the printer gets. */
export function PrintedDocument({ title, number, issuer, back, children }: { title: string; number: string; issuer: string | null; back: string; children: ReactNode }) {
  const { tx } = useText();
  return (
    <div className="doc-page">
      <div className="doc-toolbar" role="toolbar" aria-label={tx('打印工具栏', 'Print toolbar')}>
        <Link href={back}>{tx('返回', 'Back')}</Link>
        <Button type="primary" onClick={() => window.print()} data-testid="print-button">
          {tx('打印 / 保存为PDF', 'Print / save as PDF')}
        </Button>
      </div>
      <main className="doc-sheet" lang="zh-CN">
        <div className="doc-issuer">{issuer ?? '消防救援机构'}</div>
        <h1 className="doc-title">{title}</h1>
        <div className="doc-number">{number}</div>
        {children}
      </main>
    </div>
  );
}

export function SignatureBlock({ rows }: { rows: readonly { readonly role: string; readonly name?: string | null; readonly date?: string | null }[] }) {
  return (
    <div className="doc-signatures">
      {rows.map((r) => (
        <div key={r.role} className="doc-signature">
          <span className="doc-signature__role">{r.role}：</span>
          <span className="doc-signature__line">{r.name ?? ''}</span>
          <span className="doc-signature__date">{r.date ? officialDate(r.date) : '____年__月__日'}</span>
        </div>
      ))}
    </div>
  );
}
