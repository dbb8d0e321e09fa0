import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useMutation } from '@tanstack/react-query';
import { useTRPC, type RouterOutputs } from '@firebreak/client';
import type { MessageKey } from '@firebreak/ui';
import { ReceiptForm } from '../lib/receipt-form';
import { useText } from '../lib/use-text';

type Reward = NonNullable<RouterOutputs['public']['rewards']['status']['reward']>;

const STATUS_KEYS: Readonly<Record<string, MessageKey>> = {
  candidate: 'wb.claim.st.candidate',
  eligible: 'wb.claim.st.eligible',
  ineligible: 'wb.claim.st.ineligible',
  determined: 'wb.claim.st.determined',
  approved: 'wb.claim.st.approved',
  notified: 'wb.claim.st.notified',
  claimed: 'wb.claim.st.claimed',
  paid: 'wb.claim.st.paid',
  expired: 'wb.claim.st.expired',
  withheld: 'wb.claim.st.withheld',
};
const CLAIM_KEYS: Readonly<Record<string, MessageKey>> = {
  submitted: 'wb.claim.cst.submitted',
  identity_verified: 'wb.claim.cst.identity_verified',
  accepted: 'wb.claim.cst.accepted',
  rejected: 'wb.claim.cst.rejected',
  paid: 'wb.claim.cst.paid',
};

const claimSchema = z
  .object({
    name: z.string().trim().min(1, 'wb.field.claimName.required'),
    idNumber: z.string().trim().regex(/^[0-9]{17}[0-9Xx]$/, 'wb.field.claimId.invalid'),
    phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'wb.field.claimPhone.invalid'),
    method: z.enum(['bank', 'alipay', 'wechat']),
    account: z.string().trim().min(3, 'wb.field.account.required').max(64),
    bank: z.string().trim().max(60),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'bank' && !v.bank) ctx.addIssue({ code: 'custom', path: ['bank'], message: 'wb.field.bank.required' });
  });
type ClaimForm = z.infer<typeof claimSchema>;

/** Journey 5: reward by receipt, for whistleblower and portal reports alike. */
export default function ClaimPage() {
  const { t, errorText } = useText();
  const trpc = useTRPC();
  const [receipt, setReceipt] = useState<string | null>(null);
  const [reward, setReward] = useState<Reward | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // A refused claim's reason stays on screen while the status is read again (it changed under the form).
  const [refusal, setRefusal] = useState<string | null>(null);
  const status = useMutation(trpc.public.rewards.status.mutationOptions());

  const look = (r: string) => {
    setError(null);
    status.mutate(
      { receipt: r },
      {
        onSuccess: (d) => {
          setReceipt(r);
          setReward(d.reward);
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  return (
    <>
      <section className="fb-card" aria-labelledby="claim-title">
        <h2 id="claim-title" className="wb-pagetitle">
          {t('wb.claim.title')}
        </h2>
        <p className="wb-hint">{t('wb.claim.lead')}</p>
        {receipt === null ? <ReceiptForm submitLabel={t('wb.claim.check')} busy={status.isPending} error={error} onSubmit={look} /> : null}
      </section>
      {receipt !== null && reward === null ? (
        <section className="fb-card" role="status" data-testid="reward-none">
          <p>{t('wb.claim.none')}</p>
        </section>
      ) : null}
      {refusal ? (
        <section className="fb-card wb-error wb-error--box" role="alert" data-testid="claim-refused">
          <p>{refusal}</p>
        </section>
      ) : null}
      {receipt !== null && reward ? (
        <RewardView
          reward={reward}
          receipt={receipt}
          onChanged={() => look(receipt)}
          onRefused={(message) => {
            setRefusal(message);
            look(receipt);
          }}
        />
      ) : null}
    </>
  );
}

function RewardView({ reward, receipt, onChanged, onRefused }: { reward: Reward; receipt: string; onChanged: () => void; onRefused: (message: string) => void }) {
  const { t, date, yuan } = useText();
  const open = reward.status === 'notified' && !(reward.claim && reward.claim.status !== 'rejected');
  return (
    <>
      <section className="fb-card" aria-labelledby="reward-title" data-testid="reward">
        <h3 id="reward-title" className="fb-card__title">
          {t('wb.claim.status')}
        </h3>
        <p className="wb-status">
          <span className={`wb-pill wb-pill--${reward.status}`} data-testid="reward-status" data-status={reward.status}>
            {t(STATUS_KEYS[reward.status] ?? 'wb.claim.st.other')}
          </span>
        </p>
        <dl className="wb-facts">
          {reward.amountFen !== null ? (
            <div>
              <dt>{t('wb.claim.amount')}</dt>
              <dd className="wb-amount">{yuan(reward.amountFen)}</dd>
            </div>
          ) : null}
          {reward.claimWindowEnd ? (
            <div>
              <dt>{t('wb.claim.window')}</dt>
              <dd>{t('wb.claim.windowValue', { date: date(reward.claimWindowEnd) })}</dd>
            </div>
          ) : null}
        </dl>
        {reward.claim ? (
          <p data-testid="claim-state">
            {reward.claim.status === 'paid'
              ? t('wb.claim.submittedPaid', { date: date(reward.claim.submittedAt) })
              : t('wb.claim.submitted', { date: date(reward.claim.submittedAt), status: t(CLAIM_KEYS[reward.claim.status] ?? 'wb.claim.cst.other') })}
          </p>
        ) : null}
        {reward.status === 'paid' ? <p className="wb-ok wb-okbox">{t('wb.claim.paidNote')}</p> : null}
        {reward.status === 'expired' ? (
          <p className="wb-warning" data-testid="reward-expired">
            {reward.claimWindowEnd ? `${t('wb.claim.expiredOn', { date: date(reward.claimWindowEnd) })} ` : ''}
            {t('wb.claim.expiredNote')}
          </p>
        ) : null}
        {reward.status === 'withheld' || reward.status === 'ineligible' ? (
          <div className="wb-warning" data-testid="reward-refused">
            <p>{t('wb.claim.withheldNote')}</p>
            {reward.refusalReasons.length > 0 ? (
              <p>
                <strong>{t('wb.claim.reasonLabel')}：</strong>
                {reward.refusalReasons.join('；')}
              </p>
            ) : null}
          </div>
        ) : null}
        <details className="wb-details" data-testid="reward-explanation" open={reward.explanation !== null}>
          <summary>{t('wb.claim.explanation')}</summary>
          {reward.explanation ? <Explanation explanation={reward.explanation} /> : <p className="wb-hint">{t('wb.claim.explanationNone')}</p>}
        </details>
      </section>
      {open ? <ClaimFormCard receipt={receipt} onDone={onChanged} onRefused={onRefused} /> : null}
    </>
  );
}

/** The factor list the rules engine wrote when the amount was set, in the reader's language. */
function Explanation({ explanation }: { explanation: NonNullable<Reward['explanation']> }) {
  const { t, yuan, label } = useText();
  return (
    <>
      <p className="wb-hint">{t('wb.claim.rulesVersion', { version: explanation.rulesVersion })}</p>
      <ol className="wb-factors">
        {explanation.factors.map((f, i) => (
          <li key={`${f.code}-${i}`} data-code={f.code}>
            <span>{label(f)}</span>
            <span className="wb-factor__effect" aria-label={t('wb.claim.factorEffect')}>
              {f.effectFen === null ? t('wb.claim.factorNoEffect') : `${f.effectFen >= 0 ? '+' : '−'}${yuan(Math.abs(f.effectFen))}`}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

function ClaimFormCard({ receipt, onDone, onRefused }: { receipt: string; onDone: () => void; onRefused: (message: string) => void }) {
  const { t, errorText } = useText();
  const trpc = useTRPC();
  const claim = useMutation(trpc.whistleblower.claim.mutationOptions());
  const form = useForm<ClaimForm>({
    resolver: zodResolver(claimSchema),
    defaultValues: { name: '', idNumber: '', phone: '', method: 'bank', account: '', bank: '' },
    shouldFocusError: true,
  });
  const { register, handleSubmit, formState, watch } = form;
  const errors = formState.errors;
  const method = watch('method');
  const [done, setDone] = useState(false);

  const onValid = (v: ClaimForm) => {
    if (claim.isPending) return;
    claim.mutate(
      {
        receipt,
        identity: { name: v.name, idNumber: v.idNumber, phone: v.phone },
        payment: { method: v.method, account: v.account, ...(v.method === 'bank' ? { bank: v.bank } : {}) },
      },
      {
        onSuccess: () => {
          setDone(true);
          form.reset();
        },
        onError: (e) => {
          form.reset();
          onRefused(t('wb.claim.refused', { message: errorText(e) }));
        },
      },
    );
  };

  if (done) {
    return (
      <section className="fb-card" role="status" data-testid="claim-done">
        <p className="wb-ok wb-okbox">{t('wb.claim.done')}</p>
        <button type="button" className="wb-linkbutton" onClick={onDone}>
          {t('wb.follow.refresh')}
        </button>
      </section>
    );
  }

  const field = (name: 'name' | 'idNumber' | 'phone' | 'account' | 'bank', labelKey: MessageKey, extra: { type?: string; inputMode?: 'numeric' | 'tel'; autoComplete?: string } = {}) => (
    <div className="wb-field">
      <label htmlFor={`claim-${name}`} className="wb-label">
        {t(labelKey)} <span className="wb-req" aria-hidden="true">*</span>
      </label>
      <input
        id={`claim-${name}`}
        className="wb-input"
        autoComplete={extra.autoComplete ?? 'off'}
        type={extra.type ?? 'text'}
        inputMode={extra.inputMode}
        aria-required="true"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `claim-${name}-error` : undefined}
        {...register(name)}
      />
      {errors[name]?.message ? (
        <p id={`claim-${name}-error`} className="wb-error">
          {t(errors[name].message as MessageKey)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="fb-card wb-fieldset" onSubmit={(e) => void handleSubmit(onValid)(e)} noValidate aria-labelledby="claim-form-title">
      <h3 id="claim-form-title" className="fb-card__title">
        {t('wb.claim.form')}
      </h3>
      <p className="wb-note">{t('wb.claim.sealedNote')}</p>
      <div className="wb-grid2">
        {field('name', 'wb.claim.name', { autoComplete: 'name' })}
        {field('idNumber', 'wb.claim.idNumber')}
        {field('phone', 'wb.claim.phone', { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
      </div>
      <fieldset className="wb-subfieldset">
        <legend className="wb-label">{t('wb.claim.method')}</legend>
        <div className="wb-pills">
          {(['bank', 'alipay', 'wechat'] as const).map((m) => (
            <label key={m} className="wb-pillchoice">
              <input type="radio" value={m} {...register('method')} />
              <span>{t(`wb.claim.method.${m}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="wb-grid2">
        {field('account', 'wb.claim.account')}
        {method === 'bank' ? field('bank', 'wb.claim.bank') : null}
      </div>
      <button type="submit" className="fb-button" disabled={claim.isPending} data-testid="submit-claim">
        {claim.isPending ? t('wb.claim.sending') : t('wb.claim.submit')}
      </button>
    </form>
  );
}
