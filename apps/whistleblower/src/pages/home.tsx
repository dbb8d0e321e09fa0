import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { useI18n, type MessageKey } from '@firebreak/ui';
import { useSession } from '../lib/session';

const PROMISES: readonly { title: MessageKey; body: MessageKey }[] = [
  { title: 'wb.home.sealed.title', body: 'wb.home.sealed.body' },
  { title: 'wb.home.who.title', body: 'wb.home.who.body' },
  { title: 'wb.home.noAccount.title', body: 'wb.home.noAccount.body' },
  { title: 'wb.home.retention.title', body: 'wb.home.retention.body' },
];

const ADVICE: readonly MessageKey[] = ['wb.home.advice.device', 'wb.home.advice.private', 'wb.home.advice.details', 'wb.home.advice.leave'];

const ACTIONS: readonly { href: string; title: MessageKey; lead: MessageKey; primary?: boolean }[] = [
  { href: '/report', title: 'wb.action.report', lead: 'wb.action.reportLead', primary: true },
  { href: '/follow-up', title: 'wb.action.followUp', lead: 'wb.action.followUpLead' },
  { href: '/claim', title: 'wb.action.claim', lead: 'wb.action.claimLead' },
];

/** Journey 1 and 6: how identity is protected and how long material is kept, before anything else. */
export function HomePage() {
  const { t } = useI18n();
  const { endedByIdle, dismissIdleNotice } = useSession();
  const trpc = useTRPC();
  const policy = useQuery(trpc.whistleblower.policy.queryOptions(undefined, { staleTime: Infinity }));
  const days = policy.data?.retentionDays;
  return (
    <>
      {endedByIdle ? (
        <div className="wb-notice" role="status" data-testid="idle-ended">
          <p>{t('wb.idle.ended')}</p>
          <button type="button" className="wb-linkbutton" onClick={dismissIdleNotice}>
            {t('wb.dismiss')}
          </button>
        </div>
      ) : null}
      <section className="fb-card wb-intro" aria-labelledby="home-title">
        <h2 id="home-title" className="wb-pagetitle">
          {t('wb.home.title')}
        </h2>
        <p className="wb-lead">{t('wb.home.lead')}</p>
        <ul className="wb-promises">
          {PROMISES.map((p) => (
            <li key={p.title} className="wb-promise" id={p.title === 'wb.home.retention.title' ? 'retention' : undefined}>
              <span className="wb-promise__icon" aria-hidden="true" />
              <div>
                <h3 className="wb-promise__title">{t(p.title)}</h3>
                <p className="wb-promise__body">{t(p.body)}</p>
                {p.title === 'wb.home.retention.title' && days !== undefined ? (
                  <p className="wb-promise__body" data-testid="retention-period">
                    <strong>{t('wb.home.retention.period', { days, years: Math.round((days / 365) * 10) / 10 })}</strong>
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="fb-card wb-advice" aria-labelledby="advice-title">
        <h2 id="advice-title" className="fb-card__title">
          {t('wb.home.advice.title')}
        </h2>
        <ol className="wb-advice__list">
          {ADVICE.map((a) => (
            <li key={a}>{t(a)}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="start-title">
        <h2 id="start-title" className="wb-section-title">
          {t('wb.home.start')}
        </h2>
        <ul className="wb-actions">
          {ACTIONS.map((a) => (
            <li key={a.href}>
              <Link href={a.href} className={a.primary ? 'wb-action wb-action--primary' : 'wb-action'}>
                <span className="wb-action__title">{t(a.title)}</span>
                <span className="wb-action__lead">{t(a.lead)}</span>
                <span className="wb-action__go" aria-hidden="true">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
