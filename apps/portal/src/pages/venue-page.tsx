import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTRPC } from '@firebreak/client';
import { useText } from '../lib/use-text';

export default function VenuePage({ token }: { token: string }) {
  const { t, label, date, errorText } = useText();
  const trpc = useTRPC();
  const valid = token.length >= 16 && token.length <= 128;
  const page = useQuery(trpc.public.venues.page.queryOptions({ publicToken: token }, { enabled: valid, retry: false }));
  // No venue-level listing field in the contract: the exposure board's published listings are matched by the venue's code.
  const board = useQuery(trpc.public.exposure.list.queryOptions({ limit: 50, offset: 0 }, { enabled: valid }));
  const listings = (board.data?.items ?? []).filter((i) => i.source === 'listing' && i.venue?.publicToken === token);

  if (!valid || page.isError) {
    return (
      <section className="fb-card" aria-labelledby="venue-title">
        <h2 id="venue-title" className="pt-pagehead__title">
          {t('portal.venue.title')}
        </h2>
        <p className="pt-error" role="alert">
          {!valid ? t('portal.venue.notFound') : errorText(page.error)}
        </p>
      </section>
    );
  }
  if (page.isPending) {
    return (
      <p className="pt-loading" role="status">
        {t('portal.loading')}
      </p>
    );
  }
  const v = page.data;
  return (
    <>
      <section className="fb-card pt-venuehead" aria-labelledby="venue-title">
        <p className="pt-eyebrow">{t('portal.venue.title')}</p>
        <h2 id="venue-title" className="pt-pagehead__title" data-testid="venue-name">
          {v.name}
        </h2>
        <p className="fb-muted">{v.address}</p>
        <p className="pt-tags" aria-label={t('portal.venue.categories')}>
          {v.categories.map((c) => (
            <span key={c.code} className="pt-tag">
              {label(c)}
            </span>
          ))}
        </p>
        <Link href={`/report?venue=${encodeURIComponent(token)}`} className="fb-button pt-venuehead__report">
          {t('portal.venue.report')}
        </Link>
      </section>

      <section className="fb-card" aria-labelledby="persons-title">
        <h3 id="persons-title" className="fb-card__title">
          {t('portal.venue.persons')}
        </h3>
        {v.responsiblePersons.length === 0 ? <p className="fb-muted">{t('portal.venue.noPersons')}</p> : null}
        <ul className="pt-persons">
          {v.responsiblePersons.map((p, i) => (
            <li key={i} className="pt-person">
              <span className="pt-person__role">{label(p.capacityLabel)}</span>
              <span className="pt-person__name">
                {p.name}
                {p.position ? <span className="fb-muted">（{p.position}）</span> : null}
              </span>
              {p.duties.length > 0 ? (
                <details className="pt-details">
                  <summary>{t('portal.venue.duties')}</summary>
                  <ul>
                    {p.duties.map((d, j) => (
                      <li key={j}>{d}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="fb-card" aria-labelledby="commit-title">
        <h3 id="commit-title" className="fb-card__title">
          {t('portal.venue.commitment')}
        </h3>
        {v.commitment ? (
          <div className="pt-commitment" data-testid="commitment">
            <p className="pt-commitment__kind">{label(v.commitment.kindLabel)}</p>
            {v.commitment.text ? <blockquote className="pt-quote">{v.commitment.text}</blockquote> : null}
            <p className="fb-muted">
              {t('portal.venue.signed', { name: v.commitment.signerName, date: date(v.commitment.signedAt) })}
              {v.commitment.validUntil ? ` · ${t('portal.venue.validUntil', { date: date(v.commitment.validUntil) })}` : ''}
            </p>
          </div>
        ) : (
          <p className="fb-muted">{t('portal.venue.noCommitment')}</p>
        )}
      </section>

      <section className="fb-card" aria-labelledby="insp-title">
        <h3 id="insp-title" className="fb-card__title">
          {t('portal.venue.inspection')}
        </h3>
        {v.lastInspection ? (
          <>
            <p>{t('portal.venue.inspectedOn', { date: v.lastInspection.inspectedOn, source: label(v.lastInspection.sourceLabel) })}</p>
            <p>
              <span className={`pt-pill ${v.lastInspection.findingsCount > 0 ? 'pt-pill--overdue' : 'pt-pill--met'}`}>
                {v.lastInspection.findingsCount > 0 ? t('portal.venue.findings', { count: v.lastInspection.findingsCount }) : t('portal.venue.noFindings')}
              </span>{' '}
              <span className="fb-muted">{v.lastInspection.unitConfirmed ? t('portal.venue.unitConfirmed') : t('portal.venue.unitRefused')}</span>
            </p>
            {v.lastInspection.riskCategories.length > 0 ? (
              <p className="pt-tags">
                {v.lastInspection.riskCategories.map((c) => (
                  <span key={c.code} className="pt-tag">
                    {label(c)}
                  </span>
                ))}
              </p>
            ) : null}
          </>
        ) : (
          <p className="fb-muted">{t('portal.venue.noInspection')}</p>
        )}
      </section>

      <section className="fb-card" aria-labelledby="listing-title">
        <h3 id="listing-title" className="fb-card__title">
          {t('portal.venue.listing')}
        </h3>
        {listings.length > 0 ? (
          <ul className="pt-hazards" data-testid="venue-listings">
            {listings.flatMap((l) =>
              l.hazards.map((h) => (
                <li key={`${l.id}-${h.id}`} className="pt-hazard">
                  <span className="pt-hazard__title">
                    <span className="pt-tag pt-tag--urgent">{label(l.label)}</span>
                    {label(h.riskCategory)}
                    <span className={`pt-pill pt-pill--${h.status}`}>{label(h.statusLabel)}</span>
                  </span>
                  <span className="pt-hint">
                    {t('portal.exposure.published', { date: date(l.at) })}
                    {h.correction && h.correction.mode === 'deadline' && !h.closedAt ? ` · ${t('portal.track.hazardDue', { date: date(h.correction.due) })}` : ''}
                    {h.closedAt ? ` · ${t('portal.track.hazardClosed', { date: date(h.closedAt) })}` : ''}
                  </span>
                </li>
              )),
            )}
          </ul>
        ) : (
          <p className="fb-muted">
            {board.isSuccess ? t('portal.venue.noListing') : t('portal.venue.listingUnknown')} <Link href="/exposure">{t('portal.exposure.title')}</Link>
          </p>
        )}
      </section>
    </>
  );
}
