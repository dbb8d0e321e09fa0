import { useHealth } from '@firebreak/client';
import { HealthBadge, Layout, useI18n } from '@firebreak/ui';

export function App() {
  const { t } = useI18n();
  const health = useHealth();
  return (
    <Layout product="portal" headerExtra={<HealthBadge state={health.state} checkedAt={health.checkedAt} />}>
      <p className="fb-alert" role="note">
        {t('portal.emergency')}
      </p>
      <section className="fb-card" aria-labelledby="portal-intro">
        <h2 id="portal-intro" className="fb-card__title">
          {t('portal.action.report')}
        </h2>
        <p>{t('portal.intro')}</p>
        <div className="fb-actions">
          <button type="button" className="fb-button" disabled>
            {t('portal.action.report')}
          </button>
          <button type="button" className="fb-button fb-button--secondary" disabled>
            {t('portal.action.track')}
          </button>
        </div>
        <p className="fb-muted">{t('shell.comingSoon')}</p>
      </section>
    </Layout>
  );
}
