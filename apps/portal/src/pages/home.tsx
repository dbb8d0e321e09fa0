import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useHealth } from '@firebreak/client';
import { HealthBadge, useI18n, type MessageKey } from '@firebreak/ui';

const PUBLIC_LINKS: readonly { href: string; title: MessageKey; lead: MessageKey; icon: string }[] = [
  { href: '/exposure', title: 'portal.home.exposure', lead: 'portal.home.exposureLead', icon: '!' },
  { href: '/draws', title: 'portal.home.draws', lead: 'portal.home.drawsLead', icon: '⚄' },
  { href: '/rewards', title: 'portal.home.rewards', lead: 'portal.home.rewardsLead', icon: '¥' },
  { href: '/developers', title: 'portal.home.open311', lead: 'portal.home.open311Lead', icon: '⇄' },
];

export function HomePage() {
  const { t } = useI18n();
  const health = useHealth();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');

  const openVenue = (e: FormEvent) => {
    e.preventDefault();
    const token = code.trim().replace(/^.*\/v\//, '');
    if (token) navigate(`/v/${encodeURIComponent(token)}`);
  };

  return (
    <>
      <section className="fb-card pt-hero" aria-labelledby="home-report">
        <h2 id="home-report" className="pt-hero__title">
          {t('portal.action.report')}
        </h2>
        <p className="pt-hero__intro">{t('portal.intro')}</p>
        <div className="pt-hero__actions">
          <Link href="/report" className="fb-button pt-bigbutton">
            <span>{t('portal.action.report')}</span>
            <small>{t('portal.home.reportLead')}</small>
          </Link>
          <Link href="/track" className="fb-button fb-button--secondary pt-bigbutton">
            <span>{t('portal.action.track')}</span>
            <small>{t('portal.home.trackLead')}</small>
          </Link>
        </div>
        <p className="fb-muted pt-hero__promise">{t('portal.home.promise')}</p>
      </section>

      <section aria-labelledby="home-public">
        <h2 id="home-public" className="pt-section-title">
          {t('portal.home.public')}
        </h2>
        <ul className="pt-tiles">
          {PUBLIC_LINKS.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="pt-tile">
                <span className="pt-tile__icon" aria-hidden="true">
                  {l.icon}
                </span>
                <span className="pt-tile__text">
                  <span className="pt-tile__title">{t(l.title)}</span>
                  <span className="pt-tile__lead">{t(l.lead)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="fb-card" aria-labelledby="home-venue">
        <h2 id="home-venue" className="fb-card__title">
          {t('portal.home.venueCodeGo')}
        </h2>
        <p className="fb-muted">{t('portal.home.venueCode')}</p>
        <form className="pt-inline-form" onSubmit={openVenue}>
          <label htmlFor="venue-code" className="pt-label">
            {t('portal.home.venueCodeLabel')}
          </label>
          <div className="pt-inline-form__row">
            <input id="venue-code" className="pt-input" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
            <button type="submit" className="fb-button fb-button--secondary">
              {t('portal.home.venueCodeGo')}
            </button>
          </div>
        </form>
      </section>

      <div className="pt-health">
        <HealthBadge state={health.state} checkedAt={health.checkedAt} />
      </div>
    </>
  );
}
