import { useEffect, useState, type ChangeEvent } from 'react';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { MAX_PHOTOS, type PhotoUploads } from './use-photo-uploads';

/** The site's CSS classes for each part of the field (each site keeps its own stylesheet). */
export interface PhotoFieldClasses {
  readonly root: string;
  readonly list: string;
  /** The item's base class; `${item}--${status}` is added. */
  readonly item: string;
  readonly img: string;
  readonly meta: string;
  readonly progress: string;
  /** Preparing / uploading wording. */
  readonly pending: string;
  readonly done: string;
  readonly failed: string;
  readonly retry: string;
  readonly remove: string;
  readonly add: string;
  readonly input: string;
  readonly plus: string;
  /** Refusal and limit messages. */
  readonly error: string;
}

/** The site's message keys. */
export interface PhotoFieldKeys {
  readonly progress: MessageKey;
  readonly preparing: MessageKey;
  readonly uploading: MessageKey;
  readonly done: MessageKey;
  readonly failed: MessageKey;
  readonly retry: MessageKey;
  readonly remove: MessageKey;
  readonly add: MessageKey;
  readonly limit: MessageKey;
  /** Shown for each file the policy refused (`{name}`). */
  readonly refused?: MessageKey;
}

export interface PhotoFieldProps {
  readonly photos: PhotoUploads;
  readonly describedBy: string;
  readonly classes: PhotoFieldClasses;
  readonly keys: PhotoFieldKeys;
  /** The file input's accept list. */
  readonly accept: string;
  /**
   * How long the limit message stays: 'whileFull' (set when a pick overflows, cleared as soon as there
   * is room again: the portal) or 'untilNextPick' (each pick sets or clears it: the whistleblower site).
   */
  readonly limitNotice: 'whileFull' | 'untilNextPick';
}

/** The photo list with progress, retry and remove, and the add button while there is room. */
export function PhotoField({ photos, describedBy, classes: c, keys: k, accept, limitNotice }: PhotoFieldProps) {
  const { t, language } = useI18n();
  const [limitHit, setLimitHit] = useState(false);
  const left = MAX_PHOTOS - photos.items.length;

  useEffect(() => {
    if (limitNotice === 'whileFull' && left > 0) setLimitHit(false);
  }, [left, limitNotice]);

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (limitNotice === 'untilNextPick') setLimitHit(files.length > left);
    else if (files.length > left) setLimitHit(true);
    void photos.add(files.slice(0, Math.max(0, left)));
  };

  return (
    <div className={c.root}>
      <ul className={c.list} aria-live="polite">
        {photos.items.map((p, i) => {
          const n = `${i + 1}`;
          const percent = Math.round(p.progress * 100);
          return (
            <li key={p.key} className={`${c.item} ${c.item}--${p.status}`} data-testid="photo-item" data-status={p.status}>
              {p.preview ? <img src={p.preview} alt="" className={c.img} /> : <span className={c.img} />}
              <div className={c.meta}>
                {p.status === 'preparing' || p.status === 'uploading' ? (
                  <>
                    <progress className={c.progress} max={100} value={percent} aria-label={t(k.progress, { name: n })} />
                    <span className={c.pending}>{p.status === 'preparing' ? t(k.preparing) : t(k.uploading, { percent })}</span>
                  </>
                ) : null}
                {p.status === 'done' ? <span className={c.done}>{t(k.done)}</span> : null}
                {p.status === 'failed' ? (
                  <>
                    <span className={c.failed} role="alert">
                      {t(k.failed)}
                      {p.error ? `：${language === 'en' ? p.error.en : p.error.zh}` : ''}
                    </span>
                    <button type="button" className={c.retry} onClick={() => photos.retry(p.key)}>
                      {t(k.retry)}
                    </button>
                  </>
                ) : null}
              </div>
              <button type="button" className={c.remove} aria-label={t(k.remove, { name: n })} onClick={() => photos.remove(p.key)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {left > 0 ? (
        <label className={c.add}>
          <input type="file" accept={accept} multiple className={c.input} aria-describedby={describedBy} onChange={onChange} data-testid="photo-input" />
          <span aria-hidden="true" className={c.plus}>
            +
          </span>
          <span>{t(k.add)}</span>
        </label>
      ) : null}
      {k.refused
        ? photos.refused.map((name) => (
            <p key={name} className={c.error} role="alert" data-testid="file-refused">
              {t(k.refused!, { name })}
            </p>
          ))
        : null}
      {limitHit ? (
        <p className={c.error} role="alert">
          {t(k.limit, { max: MAX_PHOTOS })}
        </p>
      ) : null}
    </div>
  );
}
