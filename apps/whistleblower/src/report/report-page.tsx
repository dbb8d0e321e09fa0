import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { useTRPC } from '@firebreak/client';
import { type MessageKey } from '@firebreak/ui';
import { DescriptionField } from '@firebreak/ui/public-forms';
import { DEFAULT_REWARD_RULES } from '@firebreak/domain/rewards/default-reward-rules';
import { useText } from '../lib/use-text';
import { keepReceipt } from '../lib/receipt-store';
import { EmployerPicker } from './employer-picker';
import { MAX_PHOTOS, PhotoField, usePhotos } from './photos';
import { DESCRIPTION_MAX, EMPTY, FIELD_ORDER, FIELD_TARGET, reportFormSchema, type ReportForm } from './schema';

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const DESCRIPTION_KEYS = { label: 'wb.report.description', hint: 'wb.report.descriptionHint', chars: 'wb.report.chars' } as const;
const DESCRIPTION_CLASSES = { field: 'wb-field', label: 'wb-label', req: 'wb-req', hint: 'wb-hint', input: 'wb-input', count: 'wb-hint wb-count', error: 'wb-error' };

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useText();
  return message ? (
    <p id={id} className="wb-error">
      {t(message as MessageKey)}
    </p>
  ) : null;
}

const ONGOING: Readonly<Record<ReportForm['ongoing'], MessageKey>> = {
  yes: 'wb.report.ongoing.yes',
  unknown: 'wb.report.ongoing.unknown',
  gone: 'wb.report.ongoing.gone',
};

/** The report text the handler reads: the per-category answers first, then the reporter's words. */
function composeDescription(v: ReportForm, t: (k: MessageKey) => string): string {
  const lines = [
    v.where.trim() ? `${t('wb.report.where')}：${v.where.trim()}` : '',
    v.seenOn ? `${t('wb.report.seenAt')}：${v.seenOn}` : '',
    `${t('wb.report.ongoing')}：${t(ONGOING[v.ongoing])}`,
    v.employerMode === 'manual' ? `${t('wb.report.employer.name')}：${v.employerName.trim()}` : '',
  ].filter(Boolean);
  return `${lines.join('\n')}\n\n${v.description.trim()}`.slice(0, 5000);
}

/** Journey 2: the confidential report. Nothing typed here is stored on the device. */
export default function ReportPage() {
  const { t, label, errorText } = useText();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  // One key per visit: a double tap or a retry after a dropped answer files one report.
  const idempotencyKey = useRef(newKey());
  const photos = usePhotos();
  const [photoBusy, setPhotoBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const catalogs = useQuery(trpc.public.catalogs.queryOptions(undefined, { staleTime: Infinity }));
  const submit = useMutation(trpc.whistleblower.submit.mutationOptions());

  const form = useForm<ReportForm>({ resolver: zodResolver(reportFormSchema), defaultValues: EMPTY, shouldFocusError: false, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, handleSubmit, watch, setValue, formState } = form;
  const errors = formState.errors;
  const values = watch();

  const onValid = (v: ReportForm) => {
    if (photos.busy) return setPhotoBusy(true);
    setPhotoBusy(false);
    if (submit.isPending) return;
    const address = v.employerMode === 'venue' && v.venue ? `${v.venue.name}（${v.venue.address}）` : `${v.employerName.trim()}（${v.employerAddress.trim()}）`;
    submit.mutate(
      {
        idempotencyKey: idempotencyKey.current,
        riskCategory: v.riskCategory,
        description: composeDescription(v, t),
        // No position is asked for: a phone's location at the time of filing could be the reporter's home.
        location: { lat: 0, lng: 0, address: address.slice(0, 300) },
        ...(v.employerMode === 'venue' && v.venue ? { venueId: v.venue.id } : {}),
        attachmentIds: photos.attachmentIds,
        ...(v.identity === 'sealed'
          ? {
              identity: {
                name: v.name.trim(),
                phone: v.phone.trim(),
                ...(v.idNumber.trim() ? { idNumber: v.idNumber.trim() } : {}),
                ...(v.position.trim() ? { position: v.position.trim() } : {}),
              },
            }
          : {}),
      },
      {
        onSuccess: (r) => {
          keepReceipt({ receipt: r.receipt, submittedAt: r.submittedAt, verificationDue: r.verificationDue });
          form.reset(EMPTY);
          navigate('/receipt', { replace: true });
        },
      },
    );
  };

  const errorList = FIELD_ORDER.filter((f) => errors[f]?.message).map((f) => ({ field: f, message: errors[f]!.message! }));
  const describe = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  const rewardNote: MessageKey = DEFAULT_REWARD_RULES.anonymousPolicy === 'refuse' ? 'wb.report.reward.refuse' : 'wb.report.reward.identifyAtClaim';

  return (
    <form className="wb-form" onSubmit={(e) => void handleSubmit(onValid, () => requestAnimationFrame(() => summaryRef.current?.focus()))(e)} noValidate aria-labelledby="report-title">
      <div className="fb-card">
        <h2 id="report-title" className="wb-pagetitle">
          {t('wb.report.title')}
        </h2>
        <p className="wb-hint">{t('wb.report.lead')}</p>
      </div>

      <div ref={summaryRef} tabIndex={-1} className={errorList.length > 0 ? 'wb-summary' : 'wb-summary wb-summary--empty'} role="alert">
        {errorList.length > 0 ? (
          <>
            <p className="wb-summary__title">{t('wb.report.errorsTitle', { count: errorList.length })}</p>
            <ul>
              {errorList.map((e) => (
                <li key={e.field}>
                  <a
                    href={`#${FIELD_TARGET[e.field]}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      const el = document.getElementById(FIELD_TARGET[e.field]);
                      el?.focus();
                      el?.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {t(e.message as MessageKey)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>

      <fieldset className="fb-card wb-fieldset">
        <legend className="wb-legend">
          {t('wb.report.step.employer')} <span className="wb-req" aria-hidden="true">*</span>
        </legend>
        <div className="wb-segmented" role="radiogroup" aria-label={t('wb.report.employer.modeLabel')}>
          <label className="wb-segmented__option">
            <input type="radio" value="venue" {...register('employerMode')} />
            <span>{t('wb.report.employer.search')}</span>
          </label>
          <label className="wb-segmented__option">
            <input type="radio" value="manual" {...register('employerMode')} />
            <span>{t('wb.report.employer.manual')}</span>
          </label>
        </div>
        {values.employerMode === 'venue' ? (
          <EmployerPicker value={values.venue} onChange={(v) => setValue('venue', v, { shouldValidate: formState.isSubmitted })} error={errors.venue?.message ? t(errors.venue.message as MessageKey) : undefined} />
        ) : (
          <div className="wb-grid2">
            <div className="wb-field">
              <label htmlFor="employer-name" className="wb-label">
                {t('wb.report.employer.name')} <span className="wb-req" aria-hidden="true">*</span>
              </label>
              <input id="employer-name" className="wb-input" autoComplete="off" aria-invalid={errors.employerName ? true : undefined} aria-describedby={describe(errors.employerName && 'employer-name-error')} {...register('employerName')} />
              <ErrorText id="employer-name-error" message={errors.employerName?.message} />
            </div>
            <div className="wb-field">
              <label htmlFor="employer-address" className="wb-label">
                {t('wb.report.employer.address')} <span className="wb-req" aria-hidden="true">*</span>
              </label>
              <input id="employer-address" className="wb-input" autoComplete="off" aria-invalid={errors.employerAddress ? true : undefined} aria-describedby={describe(errors.employerAddress && 'employer-address-error')} {...register('employerAddress')} />
              <ErrorText id="employer-address-error" message={errors.employerAddress?.message} />
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="fb-card wb-fieldset" aria-describedby={describe(errors.riskCategory && 'cat-error')}>
        <legend className="wb-legend">
          {t('wb.report.step.category')} <span className="wb-req" aria-hidden="true">*</span>
        </legend>
        <ErrorText id="cat-error" message={errors.riskCategory?.message} />
        {catalogs.isPending ? <p role="status">{t('wb.loading')}</p> : null}
        {catalogs.isError ? (
          <p className="wb-error" role="alert">
            {errorText(catalogs.error)}{' '}
            <button type="button" className="wb-linkbutton" onClick={() => void catalogs.refetch()}>
              {t('wb.retry')}
            </button>
          </p>
        ) : null}
        <div className="wb-choices">
          {(catalogs.data?.riskCategories ?? []).map((c, i) => (
            <label key={c.code} className="wb-choice">
              <input type="radio" value={c.code} id={i === 0 ? 'cat-first' : `cat-${c.code}`} aria-invalid={errors.riskCategory ? true : undefined} {...register('riskCategory')} />
              <span className="wb-choice__body">
                <span className="wb-choice__title">
                  {label(c)}
                  {c.urgent ? <span className="wb-tag">{t('wb.report.urgent')}</span> : null}
                </span>
                <span className="wb-hint">{label(c.description)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="fb-card wb-fieldset">
        <legend className="wb-legend">{t('wb.report.step.what')}</legend>
        <div className="wb-grid2">
          <div className="wb-field">
            <label htmlFor="where" className="wb-label">
              {t('wb.report.where')}
            </label>
            <input id="where" className="wb-input" autoComplete="off" aria-describedby="where-hint" {...register('where')} />
            <p id="where-hint" className="wb-hint">
              {t('wb.report.whereHint')}
            </p>
          </div>
          <div className="wb-field">
            <label htmlFor="seen-on" className="wb-label">
              {t('wb.report.seenAt')}
            </label>
            <input id="seen-on" type="date" className="wb-input" max={new Date().toISOString().slice(0, 10)} {...register('seenOn')} />
          </div>
        </div>
        <div className="wb-field" role="radiogroup" aria-labelledby="ongoing-label">
          <p id="ongoing-label" className="wb-label">
            {t('wb.report.ongoing')}
          </p>
          <div className="wb-pills">
            {(Object.keys(ONGOING) as ReportForm['ongoing'][]).map((k) => (
              <label key={k} className="wb-pillchoice">
                <input type="radio" value={k} {...register('ongoing')} />
                <span>{t(ONGOING[k])}</span>
              </label>
            ))}
          </div>
        </div>
        <DescriptionField
          inputProps={register('description')}
          length={values.description.length}
          max={DESCRIPTION_MAX}
          error={errors.description?.message}
          keys={DESCRIPTION_KEYS}
          classes={DESCRIPTION_CLASSES}
        />
      </fieldset>

      <div className="fb-card wb-fieldset">
        <h3 className="wb-legend">{t('wb.report.step.files')}</h3>
        <p id="photos-hint" className="wb-hint">
          {t('wb.report.filesHint', { max: MAX_PHOTOS })}
        </p>
        <p className="wb-note">{t('wb.report.pdfNote')}</p>
        <PhotoField photos={photos} describedBy="photos-hint" />
        {photoBusy ? (
          <p className="wb-error" role="alert">
            {t('wb.report.photoBusy')}
          </p>
        ) : null}
      </div>

      <fieldset className="fb-card wb-fieldset">
        <legend className="wb-legend">{t('wb.report.step.identity')}</legend>
        <div className="wb-choices wb-choices--two">
          <label className="wb-choice">
            <input type="radio" value="anonymous" {...register('identity')} />
            <span className="wb-choice__body">
              <span className="wb-choice__title">{t('wb.report.identity.anonymous')}</span>
              <span className="wb-hint">{t('wb.report.identity.anonymousHint')}</span>
            </span>
          </label>
          <label className="wb-choice">
            <input type="radio" value="sealed" {...register('identity')} data-testid="identity-sealed" />
            <span className="wb-choice__body">
              <span className="wb-choice__title">{t('wb.report.identity.sealed')}</span>
              <span className="wb-hint">{t('wb.report.identity.sealedHint')}</span>
            </span>
          </label>
        </div>
        <p className="wb-note">{t(rewardNote)}</p>
        {values.identity === 'sealed' ? (
          <div className="wb-grid2 wb-sealed">
            {(
              [
                ['name', 'id-name', 'wb.report.name', 'name', true],
                ['phone', 'id-phone', 'wb.report.phone', 'tel', true],
                ['idNumber', 'id-number', 'wb.report.idNumber', 'off', false],
                ['position', 'id-position', 'wb.report.position', 'off', false],
              ] as const
            ).map(([field, id, key, auto, required]) => (
              <div className="wb-field" key={field}>
                <label htmlFor={id} className="wb-label">
                  {t(key)} {required ? <span className="wb-req" aria-hidden="true">*</span> : null}
                </label>
                <input
                  id={id}
                  className="wb-input"
                  autoComplete={auto}
                  type={field === 'phone' ? 'tel' : 'text'}
                  aria-required={required || undefined}
                  aria-invalid={errors[field] ? true : undefined}
                  aria-describedby={describe(errors[field] && `${id}-error`)}
                  {...register(field)}
                />
                <ErrorText id={`${id}-error`} message={errors[field]?.message} />
              </div>
            ))}
          </div>
        ) : null}
      </fieldset>

      <div className="fb-card wb-submit">
        {submit.isError ? (
          <div className="wb-error wb-error--box" role="alert">
            <p>{t('wb.report.submitFailed', { message: errorText(submit.error) })}</p>
            <p>{t('wb.report.submitRetry')}</p>
          </div>
        ) : null}
        <button type="submit" className="fb-button wb-submit__button" disabled={submit.isPending} aria-busy={submit.isPending || undefined} data-testid="submit-report">
          {submit.isPending ? t('wb.report.submitting') : t('wb.report.submit')}
        </button>
      </div>
    </form>
  );
}
