import { useI18n } from '../i18n/i18n-provider';

export type HealthState = 'checking' | 'ok' | 'down';

export interface HealthBadgeProps {
  readonly state: HealthState;
  /** Server time of the last answer (ISO-8601), shown in China time. */
  readonly checkedAt?: string | undefined;
}

export function HealthBadge({ state, checkedAt }: HealthBadgeProps) {
  const { t, language } = useI18n();
  const label = state === 'ok' ? t('health.ok') : state === 'down' ? t('health.down') : t('health.checking');
  const time =
    state === 'ok' && checkedAt
      ? new Date(checkedAt).toLocaleTimeString(language, { timeZone: 'Asia/Shanghai', hour12: false })
      : null;
  return (
    <span
      className={`fb-badge fb-badge--${state}`}
      data-testid="health-badge"
      data-state={state}
      role="status"
      aria-live="polite"
      title={t('health.label')}
    >
      <span className="fb-badge__dot" aria-hidden="true" />
      <span>{label}</span>
      {time ? <span className="fb-badge__time">{t('health.checkedAt', { time })}</span> : null}
    </span>
  );
}
