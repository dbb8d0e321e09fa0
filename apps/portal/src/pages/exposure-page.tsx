import { useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTRPC } from '@firebreak/client';
import { useText } from '../lib/use-text';

export default function ExposurePage() {
  const { t, label, date, errorText } = useText();
  const trpc = useTRPC();
  const [category, setCategory] = useState('');
  const [kind, setKind] = useState('');
  const catalogs = useQuery(trpc.public.catalogs.queryOptions(undefined, { staleTime: Infinity }));
  const [offsets, setOffsets] = useState([0]);
  const pages = useQueries({ queries: offsets.map((offset) => trpc.public.exposure.list.queryOptions({ limit: 20, offset })) });
  const items = useMemo(() => pages.flatMap((p) => p.data?.items ?? []), [pages]);
  const last = pages[pages.length - 1];
  const board = {
    isPending: pages.some((p) => p.isPending),
    isError: pages.some((p) => p.isError),
    isSuccess: pages.every((p) => p.isSuccess),
    error: pages.find((p) => p.isError)?.error,
    hasNextPage: typeof last?.data?.nextOffset === 'number',
    isFetchingNextPage: last?.isFetching ?? false,
    fetchNextPage: () => {
      const next = last?.data?.nextOffset;
      if (typeof next === 'number') setOffsets((o) => [...o, next]);
    },
  };
  const shown = items.filter((i) => (!kind || i.source === kind) && (!category || i.hazards.some((h) => h.riskCategory.code === category)));

  return (
    <>
      <section className="fb-card" aria-labelledby="exp-title">
        <h2 id="exp-title" className="pt-pagehead__title">
          {t('portal.exposure.title')}
        </h2>
        <p className="fb-muted">{t('portal.exposure.lead')}</p>
        <div className="pt-filters">
          <div className="pt-field">
            <label htmlFor="f-kind" className="pt-label">
              {t('portal.exposure.filterKind')}
            </label>
            <select id="f-kind" className="pt-input" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">{t('portal.exposure.all')}</option>
              <option value="listing">{t('portal.exposure.kind.listing')}</option>
              <option value="enforcement">{t('portal.exposure.kind.enforcement')}</option>
            </select>
          </div>
          <div className="pt-field">
            <label htmlFor="f-cat" className="pt-label">
              {t('portal.exposure.filterCategory')}
            </label>
            <select id="f-cat" className="pt-input" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('portal.exposure.all')}</option>
              {(catalogs.data?.riskCategories ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {label(c)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="pt-hint" role="status">
          {board.isSuccess ? t('portal.exposure.count', { count: shown.length }) : ''}
        </p>
      </section>

      {board.isPending ? (
        <p className="pt-loading" role="status">
          {t('portal.loading')}
        </p>
      ) : null}
      {board.isError ? (
        <p className="pt-error" role="alert">
          {errorText(board.error)}
        </p>
      ) : null}
      {board.isSuccess && shown.length === 0 ? <p className="fb-card fb-muted">{t('portal.exposure.empty')}</p> : null}

      <ul className="pt-board" data-testid="exposure-list">
        {shown.map((item) => (
          <li key={`${item.source}-${item.id}`} className={`fb-card pt-board__item pt-board__item--${item.source}`}>
            <p className="pt-board__kind">
              <span className={`pt-tag ${item.source === 'listing' ? 'pt-tag--urgent' : ''}`}>{label(item.label)}</span>
              <span className="pt-hint">{t('portal.exposure.published', { date: date(item.at) })}</span>
            </p>
            {item.venue ? (
              <>
                <h3 className="pt-board__venue">{item.venue.name}</h3>
                <p className="fb-muted">{item.venue.address}</p>
              </>
            ) : null}
            {item.hazards.length > 0 ? (
              <ul className="pt-hazards">
                {item.hazards.map((h) => (
                  <li key={h.id} className="pt-hazard">
                    <span className="pt-hazard__title">
                      {label(h.riskCategory)}
                      {h.major ? <span className="pt-tag pt-tag--urgent">{t('portal.exposure.major')}</span> : null}
                      <span className={`pt-pill pt-pill--${h.status}`}>{label(h.statusLabel)}</span>
                    </span>
                    {h.description ? <span className="pt-hazard__desc">{h.description}</span> : null}
                    <span className="pt-hint">
                      {h.closedAt
                        ? t('portal.track.hazardClosed', { date: date(h.closedAt) })
                        : h.correction
                          ? h.correction.mode === 'immediate'
                            ? t('portal.track.hazardNow')
                            : t('portal.track.hazardDue', { date: date(h.correction.due) })
                          : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {item.venue ? (
              <Link href={`/v/${encodeURIComponent(item.venue.publicToken)}`} className="pt-more">
                {t('portal.exposure.openVenue')}
                <span className="pt-visually-hidden">：{item.venue.name}</span>
                <span aria-hidden="true"> ›</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {board.hasNextPage ? (
        <button type="button" className="fb-button fb-button--secondary" onClick={board.fetchNextPage} disabled={board.isFetchingNextPage}>
          {t('portal.exposure.more')}
        </button>
      ) : null}
    </>
  );
}
