import { useHealth } from '@firebreak/client';
import { HealthBadge, Layout, useI18n } from '@firebreak/ui';

export function App() {
  const { t } = useI18n();
  const health = useHealth();
  return (
    <Layout product="whistleblower" headerExtra={<HealthBadge state={health.state} checkedAt={health.checkedAt} />}>
      <section className="fb-card" aria-labelledby="wb-intro">
        <h2 id="wb-intro" className="fb-card__title">
          {t('whistleblower.action.report')}
        </h2>
        <p>{t('whistleblower.intro')}</p>
        <div className="fb-actions">
          <button type="button" className="fb-button" disabled>
            {t('whistleblower.action.report')}
          </button>
          <button type="button" className="fb-button fb-button--secondary" disabled>
            {t('whistleblower.action.claim')}
          </button>
        </div>
        <p className="fb-muted">{t('shell.comingSoon')}</p>
      </section>
    </Layout>
  );
}
