import { useHealth } from '@firebreak/client';
import { useI18n } from '@firebreak/ui';
import { Badge } from 'antd';

const STATUS = { ok: 'success', down: 'error', checking: 'processing' } as const;

export function ConsoleHealth() {
  const { t, language } = useI18n();
  const { state, checkedAt } = useHealth();
  const label = state === 'ok' ? t('health.ok') : state === 'down' ? t('health.down') : t('health.checking');
  const time =
    state === 'ok' && checkedAt
      ? new Date(checkedAt).toLocaleTimeString(language, { timeZone: 'Asia/Shanghai', hour12: false })
      : null;
  return (
    <span data-testid="health-badge" data-state={state} role="status" aria-live="polite" className="console-health">
      <Badge status={STATUS[state]} text={<span className="console-health__text">{label}</span>} />
      {time ? <span className="console-health__time">{t('health.checkedAt', { time })}</span> : null}
    </span>
  );
}
