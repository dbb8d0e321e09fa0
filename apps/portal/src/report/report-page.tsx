import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation, useSearch } from 'wouter';
import { useTRPC } from '@firebreak/client';
import { type MessageKey } from '@firebreak/ui';
import { DescriptionField } from '@firebreak/ui/public-forms';
import { DEFAULT_REWARD_RULES } from '@firebreak/domain/rewards/default-reward-rules';
import { useText } from '../lib/use-text';
import { keepReceipt } from '../lib/receipt-store';
import { clearDraft, EMPTY_VALUES, isBlankDraft, loadDraft, newIdempotencyKey, saveDraft, type Draft, type DraftVenue } from './draft';
import { MAX_PHOTOS, PhotoField, usePhotos } from './photos';
import { DESCRIPTION_MAX, FIELD_ORDER, FIELD_TARGET, reportFormSchema, type ReportForm } from './schema';
import { VenuePicker } from './venue-picker';
import { MAP_TEXT } from './place-map-text';
import { PIN_REQUIRED } from './schema';
import './place-step.css';

// Leaflet comes with the map, only once the reporter chooses to drop a pin.
const PlaceMap = lazy(() => import('./place-map'));

/** Field errors are dictionary keys, except the map's own (its words live with the map). */
function useErrorText() {
  const { t, label } = useText();
  return (message: string) => (message === PIN_REQUIRED ? label(MAP_TEXT.pinRequired) : t(message as MessageKey));
}

const DESCRIPTION_KEYS = { label: 'portal.report.description', hint: 'portal.report.descriptionHint', chars: 'portal.report.chars' } as const;
const DESCRIPTION_CLASSES = { field: 'pt-field', label: 'pt-label', req: 'pt-req', hint: 'pt-hint', input: 'pt-input', count: 'pt-hint pt-count', error: 'pt-error' };

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  const errorMessage = useErrorText();
  if (!message) return null;
  return (
    <p id={id} className="pt-error">
      {errorMessage(message)}
    </p>
  );
}

function rewardPolicyKey(): MessageKey {
  switch (DEFAULT_REWARD_RULES.anonymousPolicy) {
    case 'identify_at_claim':
    case 'allow':
      return 'portal.report.reward.identifyAtClaim';
    case 'refuse':
      return 'portal.report.reward.refuse';
    default:
      return 'portal.report.reward.other';
  }
}

export default function ReportPage() {
  const { t, label, errorText } = useText();
  const errorMessage = useErrorText();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  const search = useSearch();
  const qrToken = new URLSearchParams(search).get('venue');

  // One draft per visit: restored from storage, or new with its own idempotency key.
  const [initial] = useState<Draft>(() => loadDraft() ?? { idempotencyKey: newIdempotencyKey(), values: EMPTY_VALUES, photos: [], location: null });
  const [restored] = useState(() => !isBlankDraft(initial));
  const idempotencyKey = useRef(initial.idempotencyKey);
  const [location, setLocation] = useState(initial.location);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const photos = usePhotos(initial.photos);
  const [photoBusyError, setPhotoBusyError] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const catalogs = useQuery(trpc.public.catalogs.queryOptions(undefined, { staleTime: Infinity }));
  const qrVenue = useQuery(trpc.public.venues.page.queryOptions({ publicToken: qrToken ?? '' }, { enabled: !!qrToken && qrToken.length >= 16 }));

  const form = useForm<ReportForm>({
    resolver: zodResolver(reportFormSchema),
    defaultValues: initial.values,
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, watch, setValue, formState, getValues } = form;
  const errors = formState.errors;
  const values = watch();

  // Pre-fill from a venue's QR page (/report?venue=<public code>).
  useEffect(() => {
    const v = qrVenue.data;
    if (v && qrToken) {
      setValue('placeMode', 'venue');
      setValue('venue', { id: v.id, publicToken: qrToken, name: v.name, address: v.address });
    }
  }, [qrVenue.data, qrToken, setValue]);

  // Keep the draft in local storage as the reporter types.
  const persistedPhotos = photos.persisted;
  const photoKey = persistedPhotos.map((p) => p.attachmentId).join(',');
  useEffect(() => {
    const save = () => saveDraft({ idempotencyKey: idempotencyKey.current, values: getValues(), photos: persistedPhotos, location });
    save();
    const sub = watch(() => save());
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watch, getValues, photoKey, location]);

  const submit = useMutation(trpc.public.reports.submit.mutationOptions());

  const onValid = (v: ReportForm) => {
    if (photos.busy) {
      setPhotoBusyError(true);
      return;
    }
    setPhotoBusyError(false);
    if (submit.isPending) return;
    const pin = v.placeMode === 'map' ? v.pin : null;
    const pinAddress = pin ? label(MAP_TEXT.pinAddress).replace('{lat}', pin.lat.toFixed(5)).replace('{lng}', pin.lng.toFixed(5)) : '';
    const address = v.placeMode === 'venue' && v.venue ? `${v.venue.name}（${v.venue.address}）` : pin ? [v.address.trim(), pinAddress].filter(Boolean).join(' ') : v.address.trim();
    // A pin is the place; otherwise the phone's position fix, if the reporter added one.
    const point = pin ?? location;
    submit.mutate(
      {
        idempotencyKey: idempotencyKey.current,
        riskCategory: v.riskCategory,
        description: v.description.trim(),
        // The contract needs a point even for a venue or a typed address; without
        // one the venue (or the city's duty desk) decides where it goes.
        location: { lat: point?.lat ?? 0, lng: point?.lng ?? 0, address: address.slice(0, 300) },
        ...(v.placeMode === 'venue' && v.venue ? { venueId: v.venue.id } : {}),
        attachmentIds: photos.persisted.map((p) => p.attachmentId),
        ...(v.identity === 'real' ? { contact: { name: v.contactName.trim(), phone: v.contactPhone.trim() } } : {}),
      },
      {
        onSuccess: (r) => {
          keepReceipt({ receipt: r.receipt, receiptDisplay: r.receiptDisplay, submittedAt: r.submittedAt, verificationDue: r.verificationDue, urgent: r.urgent });
          clearDraft();
          photos.reset();
          navigate('/receipt', { replace: true });
        },
      },
    );
  };

  const onInvalid = (_errors: FieldErrors<ReportForm>) => {
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const errorList = FIELD_ORDER.filter((f) => errors[f]?.message).map((f) => ({ field: f, message: errors[f]!.message! }));

  const focusField = (field: string) => {
    const id = FIELD_TARGET[field];
    const el = id ? document.getElementById(id) : null;
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };

  const addLocation = () => {
    if (!('geolocation' in navigator)) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocation({ lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) });
        setLocating('idle');
      },
      () => setLocating('failed'),
      { timeout: 8000, maximumAge: 60_000 },
    );
  };

  const startOver = () => {
    clearDraft();
    photos.reset();
    idempotencyKey.current = newIdempotencyKey();
    setLocation(null);
    form.reset(EMPTY_VALUES);
  };

  const categories = catalogs.data?.riskCategories ?? [];
  const handlerText = useMemo((): string => {
    if (values.placeMode === 'map') return label(MAP_TEXT.handlerNone);
    if (values.placeMode === 'venue') return t(values.venue ? 'portal.report.handler.venue' : 'portal.report.handler.none');
    return t(values.address.trim().length >= 4 ? 'portal.report.handler.address' : 'portal.report.handler.none');
  }, [values.placeMode, values.venue, values.address, t, label]);

  // Before sending: the jurisdiction the server will route to (the same placement filing uses) and the duplicate hint.
  const previewInput = useMemo(() => {
    if (values.placeMode === 'venue') return values.venue ? { venueId: values.venue.id, ...(values.riskCategory ? { riskCategory: values.riskCategory } : {}) } : null;
    if (values.placeMode === 'map') return values.pin ? { location: { lat: values.pin.lat, lng: values.pin.lng } } : null;
    return location ? { location: { lat: location.lat, lng: location.lng } } : null;
  }, [values.placeMode, values.venue, values.riskCategory, values.pin, location]);
  const preview = useQuery(trpc.public.preview.queryOptions(previewInput ?? { location: { lat: 0, lng: 0 } }, { enabled: previewInput !== null, staleTime: 60_000 }));
  const placed = previewInput !== null ? preview.data : undefined;

  const describe = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <form className="pt-report" onSubmit={(event) => void handleSubmit(onValid, onInvalid)(event)} noValidate aria-labelledby="report-title">
      <div className="fb-card pt-pagehead">
        <h2 id="report-title" className="pt-pagehead__title">
          {t('portal.report.title')}
        </h2>
        <p className="fb-muted">{t('portal.report.lead')}</p>
        {restored ? (
          <p className="pt-note" role="status">
            {t('portal.report.draftRestored')}{' '}
            <button type="button" className="pt-linkbutton" onClick={startOver}>
              {t('portal.report.clearDraft')}
            </button>
          </p>
        ) : null}
        {qrToken && qrVenue.data ? <p className="pt-note">{t('portal.report.venueFromQr')}</p> : null}
      </div>

      <div ref={summaryRef} tabIndex={-1} className={errorList.length > 0 ? 'pt-summary' : 'pt-summary pt-summary--empty'} role="alert" aria-live="assertive">
        {errorList.length > 0 ? (
          <>
            <p className="pt-summary__title">{t('portal.report.errorsTitle', { count: errorList.length })}</p>
            <ul>
              {errorList.map((e) => (
                <li key={e.field}>
                  <a
                    href={`#${FIELD_TARGET[e.field]}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      focusField(e.field);
                    }}
                  >
                    {errorMessage(e.message)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>

      <fieldset className="fb-card pt-fieldset" aria-describedby={describe('cat-hint', errors.riskCategory && 'cat-error')}>
        <legend className="pt-legend">
          {t('portal.report.step.category')} <span className="pt-req" aria-hidden="true">*</span>
          <span className="pt-visually-hidden">（{t('portal.report.required')}）</span>
        </legend>
        <p id="cat-hint" className="fb-muted">
          {t('portal.report.categoryHint')}
        </p>
        <ErrorText id="cat-error" message={errors.riskCategory?.message} />
        {catalogs.isPending ? <p role="status">{t('portal.loading')}</p> : null}
        {catalogs.isError ? (
          <p className="pt-error" role="alert">
            {errorText(catalogs.error)}{' '}
            <button type="button" className="pt-linkbutton" onClick={() => void catalogs.refetch()}>
              {t('portal.retry')}
            </button>
          </p>
        ) : null}
        <div className="pt-choices">
          {categories.map((c, i) => (
            <label key={c.code} className="pt-choice">
              <input
                type="radio"
                value={c.code}
                id={i === 0 ? 'cat-first' : `cat-${c.code}`}
                aria-invalid={errors.riskCategory ? true : undefined}
                {...register('riskCategory')}
              />
              <span className="pt-choice__body">
                <span className="pt-choice__title">
                  {label(c)}
                  {c.urgent ? <span className="pt-tag pt-tag--urgent">{t('portal.report.urgent')}</span> : null}
                  {c.origin === 'provincial' ? <span className="pt-tag">{t('portal.report.provincial')}</span> : null}
                </span>
                <span className="pt-choice__desc">{label(c.description)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="fb-card pt-fieldset">
        <legend className="pt-legend">
          {t('portal.report.step.place')} <span className="pt-req" aria-hidden="true">*</span>
          <span className="pt-visually-hidden">（{t('portal.report.required')}）</span>
        </legend>
        <div className="pt-segmented pt-segmented--three" role="radiogroup" aria-label={t('portal.report.place.modeLabel')}>
          <label className="pt-segmented__option">
            <input type="radio" value="venue" {...register('placeMode')} />
            <span>{t('portal.report.place.venue')}</span>
          </label>
          <label className="pt-segmented__option">
            <input type="radio" value="map" {...register('placeMode')} />
            <span>{label(MAP_TEXT.modeMap)}</span>
          </label>
          <label className="pt-segmented__option">
            <input type="radio" value="address" {...register('placeMode')} />
            <span>{t('portal.report.place.address')}</span>
          </label>
        </div>

        {values.placeMode === 'venue' ? (
          <VenuePicker
            value={values.venue}
            onChange={(v: DraftVenue | null) => setValue('venue', v, { shouldValidate: formState.isSubmitted })}
            error={errors.venue?.message ? t(errors.venue.message as MessageKey) : undefined}
          />
        ) : values.placeMode === 'map' ? (
          <>
            <Suspense
              fallback={
                <p className="pt-loading" role="status">
                  {label(MAP_TEXT.loadingMap)}
                </p>
              }
            >
              <PlaceMap
                value={values.pin}
                onChange={(p) => setValue('pin', p, { shouldValidate: formState.isSubmitted })}
                handlingId={placed?.served ? (placed.jurisdiction?.id ?? null) : null}
              />
            </Suspense>
            <ErrorText id="pin-error" message={errors.pin?.message} />
            <div className="pt-field">
              <label htmlFor="address" className="pt-label">
                {label(MAP_TEXT.noteLabel)}
              </label>
              <p id="pin-note-hint" className="pt-hint">
                {label(MAP_TEXT.noteHint)}
              </p>
              <textarea id="address" rows={2} className="pt-input" aria-describedby="pin-note-hint" {...register('address')} />
            </div>
          </>
        ) : (
          <div className="pt-field">
            <label htmlFor="address" className="pt-label">
              {t('portal.report.address')} <span className="pt-req" aria-hidden="true">*</span>
            </label>
            <p id="address-hint" className="pt-hint">
              {t('portal.report.addressHint')}
            </p>
            <textarea
              id="address"
              rows={2}
              className="pt-input"
              autoComplete="street-address"
              aria-required="true"
              aria-invalid={errors.address ? true : undefined}
              aria-describedby={describe('address-hint', errors.address && 'address-error')}
              {...register('address')}
            />
            <ErrorText id="address-error" message={errors.address?.message} />
            <div className="pt-row">
              <button type="button" className="pt-linkbutton" onClick={addLocation} disabled={locating === 'busy'}>
                {t('portal.report.useLocation')}
              </button>
              <span role="status" className="pt-hint">
                {location ? t('portal.report.locationAdded') : locating === 'failed' ? t('portal.report.locationFailed') : ''}
              </span>
            </div>
          </div>
        )}
        <p className="pt-handler" data-testid="handler" role="status">
          <span aria-hidden="true" className="pt-handler__icon">
            ⌂
          </span>
          {placed?.served && placed.jurisdiction && placed.basisLabel
            ? t('portal.report.handler.named', { name: values.placeMode === 'map' && placed.path.length > 1 ? placed.path.slice(1).join(' › ') : placed.jurisdiction.name, basis: label(placed.basisLabel) })
            : placed && !placed.served
              ? t('portal.report.handler.notServed')
              : handlerText}
        </p>
        {placed?.alreadyBeingHandled ? (
          <p className="pt-note" data-testid="duplicate-hint" role="status">
            {t('portal.report.duplicateHint')}
          </p>
        ) : null}
      </fieldset>

      <div className="fb-card pt-fieldset">
        <h3 className="pt-legend">{t('portal.report.step.description')}</h3>
        <DescriptionField
          inputProps={register('description')}
          length={values.description.length}
          max={DESCRIPTION_MAX}
          error={errors.description?.message}
          keys={DESCRIPTION_KEYS}
          classes={DESCRIPTION_CLASSES}
        />
      </div>

      <div className="fb-card pt-fieldset">
        <h3 className="pt-legend">{t('portal.report.step.photos')}</h3>
        <p id="photos-hint" className="pt-hint">
          {t('portal.report.photosHint', { max: MAX_PHOTOS })}
        </p>
        <PhotoField photos={photos} describedBy="photos-hint" />
        {photoBusyError ? (
          <p className="pt-error" role="alert">
            {t('portal.report.photoBusy')}
          </p>
        ) : null}
      </div>

      <fieldset className="fb-card pt-fieldset">
        <legend className="pt-legend">{t('portal.report.step.identity')}</legend>
        <div className="pt-choices pt-choices--two">
          <label className="pt-choice">
            <input type="radio" value="anonymous" {...register('identity')} />
            <span className="pt-choice__body">
              <span className="pt-choice__title">{t('portal.report.identity.anonymous')}</span>
              <span className="pt-choice__desc">{t('portal.report.identity.anonymousHint')}</span>
            </span>
          </label>
          <label className="pt-choice">
            <input type="radio" value="real" {...register('identity')} />
            <span className="pt-choice__body">
              <span className="pt-choice__title">{t('portal.report.identity.real')}</span>
              <span className="pt-choice__desc">{t('portal.report.identity.realHint')}</span>
            </span>
          </label>
        </div>
        <p className="pt-note">{t(rewardPolicyKey())}</p>
        {values.identity === 'real' ? (
          <div className="pt-grid2">
            <div className="pt-field">
              <label htmlFor="contact-name" className="pt-label">
                {t('portal.report.contactName')} <span className="pt-req" aria-hidden="true">*</span>
              </label>
              <input
                id="contact-name"
                className="pt-input"
                autoComplete="name"
                aria-required="true"
                aria-invalid={errors.contactName ? true : undefined}
                aria-describedby={describe(errors.contactName && 'contact-name-error')}
                {...register('contactName')}
              />
              <ErrorText id="contact-name-error" message={errors.contactName?.message} />
            </div>
            <div className="pt-field">
              <label htmlFor="contact-phone" className="pt-label">
                {t('portal.report.contactPhone')} <span className="pt-req" aria-hidden="true">*</span>
              </label>
              <input
                id="contact-phone"
                className="pt-input"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                aria-required="true"
                aria-invalid={errors.contactPhone ? true : undefined}
                aria-describedby={describe(errors.contactPhone && 'contact-phone-error')}
                {...register('contactPhone')}
              />
              <ErrorText id="contact-phone-error" message={errors.contactPhone?.message} />
            </div>
          </div>
        ) : null}
      </fieldset>

      <div className="fb-card pt-submit">
        <p className="fb-muted">{t('portal.report.duplicateNote')}</p>
        {submit.isError ? (
          <div className="pt-error pt-error--box" role="alert">
            <p>{t('portal.report.submitFailed', { message: errorText(submit.error) })}</p>
            <p>{t('portal.report.submitRetryNote')}</p>
          </div>
        ) : null}
        <button type="submit" className="fb-button pt-submit__button" disabled={submit.isPending} aria-busy={submit.isPending || undefined}>
          {submit.isPending ? t('portal.report.submitting') : t('portal.report.submit')}
        </button>
      </div>
    </form>
  );
}
