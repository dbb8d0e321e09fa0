import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import type { MessageKey } from '@firebreak/ui';
import { RISK_CATEGORIES } from '@firebreak/domain';
import { DEFAULT_REWARD_RULES } from '@firebreak/domain/rewards/default-reward-rules';
import { useText } from '../lib/use-text';

const SEVERITY_KEYS: Readonly<Record<string, MessageKey>> = {
  general: 'portal.rewards.severity.general',
  serious: 'portal.rewards.severity.serious',
  major: 'portal.rewards.severity.major',
};

/**
 * 年度奖励公示: the lists a fire-agency head published for the chosen year (masked by the
 * kernel's rule before they were stored: month, area, hazard and amount, never who),
 * and the scale in force (the kernel's default rules; the configured ones are not public).
 */
export default function RewardsPage() {
  const { t, label, yuan, date } = useText();
  const trpc = useTRPC();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery(trpc.public.rewards.list.queryOptions({ year }));
  const years = [...new Set([thisYear, thisYear - 1, thisYear - 2, ...(q.data?.years ?? [])])].sort((a, b) => b - a);
  const rules = DEFAULT_REWARD_RULES;
  const fmt = (fen: number) => (fen / 100).toLocaleString('zh-CN');
  const risk = (code: string) => label(RISK_CATEGORIES.find((c) => c.code === code)) || code;
  const lists = q.data?.lists ?? [];

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
        {q.isPending ? (
          <p className="pt-loading" role="status">
            {t('portal.loading')}
          </p>
        ) : null}
        {q.isError ? (
          <p className="pt-error" role="alert">
            {label({ zh: '暂时无法读取公示名单，请稍后再试。', en: 'The list cannot be read right now; try again later.' })}
          </p>
        ) : null}
        {q.isSuccess && lists.length === 0 ? (
          <p className="pt-note" role="status" data-testid="rewards-pending">
            {t('portal.rewards.pending', { year })}
          </p>
        ) : null}
      </section>
      {lists.map((list) => (
        <section key={list.id} className="fb-card" aria-labelledby={`list-${list.id}`} data-testid="reward-list">
          <h3 id={`list-${list.id}`} className="fb-card__title">
            {label({ zh: `${list.jurisdictionName} ${list.year} 年度举报奖励公示`, en: `${list.jurisdictionName}: rewards paid in ${list.year}` })}
          </h3>
          <p className="fb-muted" data-testid="reward-list-summary">
            {label({
              zh: `共 ${list.entries.length} 笔，合计 ${yuan(list.totalFen)}。发布日期 ${date(list.publishedAt)}。举报人身份已按规定隐去。`,
              en: `${list.entries.length} rewards, ${yuan(list.totalFen)} in all. Published ${date(list.publishedAt)}. Reporters’ identities are masked.`,
            })}
          </p>
          {list.entries.length === 0 ? <p className="fb-muted">{label({ zh: '本年度无已发放的奖励。', en: 'No rewards were paid in this year.' })}</p> : null}
          <ol className="pt-board" aria-label={label({ zh: '公示名单', en: 'The list' })}>
            {list.entries.map((e) => (
              <li key={e.no} className="fb-card pt-board__item" data-testid="reward-entry">
                <p className="pt-board__kind">
                  <span className="pt-tag">{e.month}</span>
                  <span className="pt-hint">{e.area}</span>
                </p>
                <p className="pt-board__venue">{risk(e.riskCategory)}</p>
                <p className="fb-muted">
                  {label(e.reporter)} · <strong>{yuan(e.amountFen)}</strong>
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
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
