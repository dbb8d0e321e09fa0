import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTRPC } from '@firebreak/client';
import { useText } from '../lib/use-text';

export default function DrawsPage() {
  const { t, language, dateTime, errorText } = useText();
  const en = language === 'en';
  const trpc = useTRPC();
  const list = useQuery(trpc.public.draws.list.queryOptions({ limit: 50, offset: 0 }));
  return (
    <>
      <section className="fb-card" aria-labelledby="draws-title">
        <h2 id="draws-title" className="pt-pagehead__title">
          {t('portal.draws.title')}
        </h2>
        <p className="fb-muted">{t('portal.draws.lead')}</p>
      </section>
      {list.isPending ? (
        <p className="pt-loading" role="status">
          {t('portal.loading')}
        </p>
      ) : null}
      {list.isError ? (
        <p className="pt-error" role="alert">
          {errorText(list.error)}
        </p>
      ) : null}
      {list.isSuccess && list.data.items.length === 0 ? <p className="fb-card fb-muted">{t('portal.draws.empty')}</p> : null}
      <ul className="pt-board" data-testid="draws-list">
        {(list.data?.items ?? []).map((d) => (
          <li key={d.id} className="fb-card pt-board__item">
            <p className="pt-board__kind">
              <span className="pt-tag">{d.kind === 'units' ? t('portal.draws.kind.units') : t('portal.draws.kind.other')}</span>
              <span className="pt-hint">
                {d.publishedAt
                  ? t('portal.draws.publishedAt', { date: dateTime(d.publishedAt) })
                  : en
                    ? `Commitment published ${dateTime(d.committedAt ?? d.createdAt)}; result not yet public`
                    : `承诺公布于 ${dateTime(d.committedAt ?? d.createdAt)}，结果尚未公开`}
              </span>
            </p>
            <h3 className="pt-board__venue">{d.jurisdiction.name}</h3>
            <Link href={`/draws/${d.id}`} className="pt-more">
              {t('portal.draws.open')}
              <span className="pt-visually-hidden">：{d.jurisdiction.name} {dateTime(d.publishedAt ?? d.committedAt ?? d.createdAt)}</span>
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
