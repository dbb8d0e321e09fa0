import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import { type MessageKey } from '@firebreak/ui';
import { MessagesCard, ReceiptField, type MessagesCardClasses, type MessagesCardKeys } from '@firebreak/ui/public-forms';
import { useText } from '../lib/use-text';
import { AddFilesCard } from './add-files';

type Tracked = RouterOutputs['public']['reports']['track'];
type Reward = RouterOutputs['public']['rewards']['status']['reward'];

const REWARD_STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  eligible: 'portal.reward.status.eligible',
  determined: 'portal.reward.status.determined',
  approved: 'portal.reward.status.approved',
  notified: 'portal.reward.status.notified',
  claimed: 'portal.reward.status.claimed',
  paid: 'portal.reward.status.paid',
  expired: 'portal.reward.status.expired',
  withheld: 'portal.reward.status.withheld',
};

const MESSAGE_KEYS: MessagesCardKeys = {
  title: 'portal.track.messages',
  privacy: 'portal.track.messagesPrivacy',
  none: 'portal.track.noMessages',
  fromYou: 'portal.track.fromYou',
  fromHandler: 'portal.track.fromHandler',
  label: 'portal.track.message',
  hint: 'portal.track.messageHint',
  required: 'portal.track.messageRequired',
  sent: 'portal.track.sent',
  send: 'portal.track.send',
};
const MESSAGE_CLASSES: MessagesCardClasses = {
  note: 'fb-muted',
  thread: 'pt-thread',
  bubble: 'pt-bubble',
  pre: 'pt-pre',
  compose: 'pt-compose',
  label: 'pt-label',
  hint: 'pt-hint',
  input: 'pt-input',
  error: 'pt-error',
};

const RECEIPT_KEYS = { label: 'portal.track.receipt', hint: 'portal.track.receiptHint', invalid: 'portal.track.receiptInvalid' } as const;
const RECEIPT_CLASSES = { field: 'pt-field', label: 'pt-label', hint: 'pt-hint', input: 'pt-input pt-input--receipt', error: 'pt-error' };

const digits = (s: string) => s.replace(/[\s-]/g, '');

export default function TrackPage() {
  const { t, errorText } = useText();
  const trpc = useTRPC();
  // The receipt lives in this component only: never the URL, the history or storage.
  const [receipt, setReceipt] = useState('');
  const [inputError, setInputError] = useState(false);
  const [result, setResult] = useState<{ tracked: Tracked; reward: Reward } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const track = useMutation(trpc.public.reports.track.mutationOptions());
  const reward = useMutation(trpc.public.rewards.status.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  const lookUp = async (value: string) => {
    setError(null);
    try {
      const tracked = await track.mutateAsync({ receipt: value });
      let r: Reward = null;
      try {
        r = (await reward.mutateAsync({ receipt: value })).reward;
      } catch {
        r = null;
      }
      setResult({ tracked, reward: r });
    } catch (e) {
      setResult(null);
      setError(errorText(e));
      requestAnimationFrame(() => inputRef.current?.focus());
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{16}$/.test(digits(receipt))) {
      setInputError(true);
      inputRef.current?.focus();
      return;
    }
    setInputError(false);
    void lookUp(receipt);
  };

  if (result) {
    return (
      <TrackedView
        tracked={result.tracked}
        reward={result.reward}
        receipt={receipt}
        refreshing={track.isPending}
        onRefresh={() => void lookUp(receipt)}
        onAppend={(m) => setResult((r) => (r ? { ...r, tracked: { ...r.tracked, messages: [...r.tracked.messages, m] } } : r))}
        onClose={() => {
          setResult(null);
          setReceipt('');
        }}
      />
    );
  }

  return (
    <section className="fb-card" aria-labelledby="track-title">
      <h2 id="track-title" className="pt-pagehead__title">
        {t('portal.track.title')}
      </h2>
      <form onSubmit={onSubmit} noValidate className="pt-track-form">
        <ReceiptField
          value={receipt}
          onChange={setReceipt}
          inputRef={inputRef}
          invalid={inputError}
          error={error}
          errorId="track-error"
          keys={RECEIPT_KEYS}
          classes={RECEIPT_CLASSES}
        />
        <button type="submit" className="fb-button" disabled={track.isPending}>
          {track.isPending ? t('portal.loading') : t('portal.track.submit')}
        </button>
        <p className="fb-muted">{t('portal.track.privacy')}</p>
      </form>
    </section>
  );
}

function TrackedView({
  tracked,
  reward,
  receipt,
  refreshing,
  onRefresh,
  onAppend,
  onClose,
}: {
  tracked: Tracked;
  reward: Reward;
  receipt: string;
  refreshing: boolean;
  onRefresh: () => void;
  onAppend: (m: Tracked['messages'][number]) => void;
  onClose: () => void;
}) {
  const { t, label, dateTime, date, yuan, errorText } = useText();
  const trpc = useTRPC();
  const r = tracked.report;
  const send = useMutation(trpc.public.reports.sendMessage.mutationOptions());

  const now = Date.now();
  return (
    <>
      <section className="fb-card" aria-labelledby="track-title">
        <div className="pt-pagehead__row">
          <h2 id="track-title" className="pt-pagehead__title">
            {t('portal.track.title')}
          </h2>
          <div className="pt-row">
            <button type="button" className="pt-linkbutton" onClick={onRefresh} disabled={refreshing}>
              {t('portal.track.refresh')}
            </button>
            <button type="button" className="pt-linkbutton" onClick={onClose}>
              {t('portal.track.another')}
            </button>
          </div>
        </div>
        <p className="pt-status" data-testid="report-status">
          <span className="fb-muted">{t('portal.track.status')}</span>
          <span className={`pt-pill pt-pill--${r.status}`}>{label(r.statusLabel)}</span>
        </p>
        <dl className="pt-facts">
          <div>
            <dt>{t('portal.track.category')}</dt>
            <dd>{label(r.riskCategory)}</dd>
          </div>
          <div>
            <dt>{t('portal.track.place')}</dt>
            <dd>{r.address}</dd>
          </div>
          {tracked.handledBy ? (
            <div>
              <dt>{label({ zh: '受理辖区', en: 'Handled by' })}</dt>
              <dd data-testid="handled-by">{tracked.handledBy.path.join(' › ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('portal.receipt.submittedAt')}</dt>
            <dd>{dateTime(r.receivedAt)}</dd>
          </div>
        </dl>
        <details className="pt-details">
          <summary>{t('portal.track.yourText')}</summary>
          <p className="pt-pre">{r.description}</p>
        </details>
      </section>

      <section className="fb-card" aria-labelledby="deadlines-title">
        <h3 id="deadlines-title" className="fb-card__title">
          {t('portal.track.deadlines')}
        </h3>
        <ul className="pt-deadlines">
          {r.deadlines.map((d) => {
            const state = d.metAt ? (d.late ? 'late' : 'met') : Date.parse(d.due) < now ? 'overdue' : 'pending';
            const stateKey: MessageKey =
              state === 'met' ? 'portal.track.met' : state === 'late' ? 'portal.track.late' : state === 'overdue' ? 'portal.track.overdue' : 'portal.track.pending';
            return (
              <li key={d.kind} className={`pt-deadline pt-deadline--${state}`}>
                <span className="pt-deadline__label">{label(d.label)}</span>
                <span className="pt-deadline__due">{t('portal.track.due', { date: dateTime(d.due) })}</span>
                <span className={`pt-pill pt-pill--${state}`}>{t(stateKey)}</span>
              </li>
            );
          })}
        </ul>
        <h3 className="fb-card__title">{t('portal.track.timeline')}</h3>
        <ol className="pt-timeline">
          {r.timeline.map((e, i) => (
            <li key={`${e.status}-${i}`} className="pt-timeline__item">
              <span className="pt-timeline__label">{label(e.label)}</span>
              <time className="pt-timeline__time" dateTime={e.at}>
                {dateTime(e.at)}
              </time>
            </li>
          ))}
        </ol>
        {r.notes.length > 0 ? (
          <>
            <h3 className="fb-card__title">{t('portal.track.notes')}</h3>
            <ul className="pt-notes">
              {r.notes.map((n, i) => (
                <li key={i}>
                  <time dateTime={n.at} className="pt-hint">
                    {dateTime(n.at)}
                  </time>
                  <p className="pt-pre">{n.text}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="fb-card" aria-labelledby="outcome-title">
        <h3 id="outcome-title" className="fb-card__title">
          {t('portal.track.outcome')}
        </h3>
        {r.rejection ? <p>{t('portal.track.rejected', { reason: label(r.rejection.label) })}</p> : null}
        {r.reply ? (
          <div className="pt-reply">
            <p className="pt-hint">{t('portal.track.reply')}</p>
            <p className="pt-pre">{r.reply}</p>
          </div>
        ) : null}
        {r.hazards.length > 0 ? (
          <ul className="pt-hazards">
            {r.hazards.map((h) => (
              <li key={h.id} className="pt-hazard">
                <span className="pt-hazard__title">
                  {label(h.riskCategory)} <span className={`pt-pill pt-pill--${h.status}`}>{label(h.statusLabel)}</span>
                </span>
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
        ) : !r.rejection && !r.reply ? (
          <p className="fb-muted">{t('portal.track.noHazards')}</p>
        ) : null}
      </section>

      <MessagesCard
        receipt={receipt}
        messages={tracked.messages}
        mutation={send}
        onAppend={onAppend}
        dateTime={dateTime}
        errorText={errorText}
        keys={MESSAGE_KEYS}
        classes={MESSAGE_CLASSES}
      />

      <AddFilesCard receipt={receipt} status={r.status} />

      <section className="fb-card" aria-labelledby="reward-title">
        <h3 id="reward-title" className="fb-card__title">
          {t('portal.track.reward')}
        </h3>
        {reward ? (
          <>
            <p>{t('portal.track.rewardStatus', { status: t(REWARD_STATUS_KEYS[reward.status] ?? 'portal.reward.status.other') })}</p>
            {reward.amountFen !== null ? <p>{t('portal.track.rewardAmount', { amount: yuan(reward.amountFen) })}</p> : null}
            {reward.claimWindowEnd ? <p>{t('portal.track.rewardWindow', { date: date(reward.claimWindowEnd) })}</p> : null}
            {reward.claim ? <p className="fb-muted">{t('portal.track.rewardClaimStatus', { status: reward.claim.status, date: date(reward.claim.submittedAt) })}</p> : null}
            {reward.status === 'notified' || reward.status === 'approved' ? (
              <a className="fb-button" href="/whistleblower/claim">
                {t('portal.track.rewardClaim')}
              </a>
            ) : null}
          </>
        ) : (
          <p className="fb-muted">{t('portal.track.rewardNone')}</p>
        )}
      </section>
    </>
  );
}
