import { useState } from 'react';
import type { MessageKey } from '@firebreak/ui';
import { DEFAULT_REWARD_RULES } from '@firebreak/domain/rewards/default-reward-rules';
import { useText } from '../lib/use-text';

const SEVERITY_KEYS: Readonly<Record<string, MessageKey>> = {
  general: 'portal.rewards.severity.general',
  serious: 'portal.rewards.severity.serious',
  major: 'portal.rewards.severity.major',
};

/**
 * 年度奖励公示. The contract has no public procedure for the list yet, so the
 * page shows the year picker, says the list is not published, and gives the
 * scale in force (the kernel's default rules: the configured ones are not public either).
 */
export default function RewardsPage() {
  const { t } = useText();
  const thisYear = new Date().getFullYear();
  const years = [thisYear, thisYear - 1, thisYear - 2];
  const [year, setYear] = useState(thisYear);
  const rules = DEFAULT_REWARD_RULES;
  const fmt = (fen: number) => (fen / 100).toLocaleString('zh-CN');

  return (
    <>
      <section className="fb-card" aria-labelledby="rewards-title">
        <h2 id="rewards-title" className="pt-pagehead__title">
          {t('portal.rewards.title')}
        </h2>
        <p className="fb-muted">{t('portal.rewards.lead')}</p>
        <div className="pt-field pt-field--narrow">
          <label htmlFor="year" className="pt-label">
            {t('portal.rewards.year')}
          </label>
          <select id="year" className="pt-input" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <p className="pt-note" role="status">
          {t('portal.rewards.pending', { year })}
        </p>
      </section>
      <section className="fb-card" aria-labelledby="rules-title">
        <h3 id="rules-title" className="fb-card__title">
          {t('portal.rewards.rules')}
        </h3>
        <ul className="pt-list">
          {rules.tiers.map((tier, i) => {
            const severity = t(SEVERITY_KEYS[tier.severity] ?? 'portal.rewards.severity.general');
            const params = { severity, min: fmt(tier.minFen), max: fmt(tier.maxFen) };
            return <li key={i}>{tier.riskCategories?.length ? t('portal.rewards.urgentTier', params) : t('portal.rewards.tier', params)}</li>;
          })}
        </ul>
        {rules.firstValidReporterOnly ? <p className="fb-muted">{t('portal.rewards.firstOnly')}</p> : null}
      </section>
    </>
  );
}
