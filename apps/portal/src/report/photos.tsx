import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '@firebreak/ui';
import type { DraftPhoto } from './draft';
import { downscale, thumbnail, UploadFailure, uploadPhoto } from '@firebreak/ui';

/**
 * How many photos one report takes. The contract caps attachmentIds at 20 and
 * publishes no per-city setting; six keeps a phone upload short.
 */
export const MAX_PHOTOS = 6;

export interface PhotoItem {
  readonly key: string;
  readonly name: string;
  readonly status: 'preparing' | 'uploading' | 'done' | 'failed';
  readonly progress: number;
  readonly attachmentId: string | null;
  /** Object URL of the local copy, or the stored thumbnail after a reload. */
  readonly preview: string;
  readonly thumb: string;
  readonly error: { readonly en: string; readonly zh: string } | null;
}

let seq = 0;
const nextKey = () => `p${Date.now().toString(36)}${(seq++).toString(36)}`;

export function usePhotos(initial: readonly DraftPhoto[]) {
  const [items, setItems] = useState<PhotoItem[]>(() =>
    initial.map((p) => ({ key: p.key, name: p.name, status: 'done', progress: 1, attachmentId: p.attachmentId, preview: p.thumb, thumb: p.thumb, error: null })),
  );
  // The blobs to retry with live outside state: they never go to the draft.
  const blobs = useRef(new Map<string, Blob>());

  const patch = useCallback((key: string, change: Partial<PhotoItem>) => {
    setItems((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }, []);

  const send = useCallback(
    async (key: string, name: string, blob: Blob) => {
      patch(key, { status: 'uploading', progress: 0, error: null });
      try {
        const done = await uploadPhoto(blob, name, (f) => patch(key, { progress: f }));
        patch(key, { status: 'done', progress: 1, attachmentId: done.id });
      } catch (e) {
        const err = e instanceof UploadFailure ? { en: e.message, zh: e.messageZh } : { en: 'Upload failed', zh: '上传失败' };
        patch(key, { status: 'failed', error: err });
      }
    },
    [patch],
  );

  const add = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        const key = nextKey();
        setItems((list) => [...list, { key, name: file.name, status: 'preparing', progress: 0, attachmentId: null, preview: URL.createObjectURL(file), thumb: '', error: null }]);
        const blob = await downscale(file);
        const thumb = await thumbnail(blob);
        blobs.current.set(key, blob);
        patch(key, { thumb });
        void send(key, file.name, blob);
      }
    },
    [patch, send],
  );

  const retry = useCallback(
    (key: string) => {
      const blob = blobs.current.get(key);
      const item = items.find((p) => p.key === key);
      if (blob && item) void send(key, item.name, blob);
    },
    [items, send],
  );

  const remove = useCallback((key: string) => {
    setItems((list) => {
      const gone = list.find((p) => p.key === key);
      if (gone?.preview.startsWith('blob:')) URL.revokeObjectURL(gone.preview);
      return list.filter((p) => p.key !== key);
    });
    blobs.current.delete(key);
  }, []);

  const reset = useCallback(() => {
    setItems([]);
    blobs.current.clear();
  }, []);

  const persisted: DraftPhoto[] = items
    .filter((p) => p.status === 'done' && p.attachmentId)
    .map((p) => ({ key: p.key, name: p.name, attachmentId: p.attachmentId!, thumb: p.thumb }));
  const busy = items.some((p) => p.status !== 'done');
  return { items, add, retry, remove, reset, persisted, busy };
}

export type Photos = ReturnType<typeof usePhotos>;

export function PhotoField({ photos, describedBy }: { photos: Photos; describedBy: string }) {
  const { t, language } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [limitHit, setLimitHit] = useState(false);
  const left = MAX_PHOTOS - photos.items.length;

  useEffect(() => {
    if (left > 0) setLimitHit(false);
  }, [left]);

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length > left) setLimitHit(true);
    void photos.add(files.slice(0, Math.max(0, left)));
  };

  return (
    <div className="pt-photos">
      <ul className="pt-photos__list" aria-live="polite">
        {photos.items.map((p, i) => {
          const label = `${i + 1}`;
          return (
            <li key={p.key} className={`pt-photo pt-photo--${p.status}`} data-testid="photo-item" data-status={p.status}>
              {p.preview ? <img src={p.preview} alt="" className="pt-photo__img" /> : <span className="pt-photo__img" />}
              <div className="pt-photo__meta">
                {p.status === 'uploading' || p.status === 'preparing' ? (
                  <>
                    <progress
                      className="pt-progress"
                      max={100}
                      value={Math.round(p.progress * 100)}
                      aria-label={t('portal.report.photoProgress', { name: label })}
                    />
                    <span className="pt-photo__state">
                      {p.status === 'preparing' ? t('portal.report.photoPreparing') : t('portal.report.photoUploading', { percent: Math.round(p.progress * 100) })}
                    </span>
                  </>
                ) : null}
                {p.status === 'done' ? <span className="pt-photo__state pt-photo__state--ok">{t('portal.report.photoDone')}</span> : null}
                {p.status === 'failed' ? (
                  <>
                    <span className="pt-photo__state pt-photo__state--bad" role="alert">
                      {t('portal.report.photoFailed')}
                      {p.error ? `：${language === 'en' ? p.error.en : p.error.zh}` : ''}
                    </span>
                    <button type="button" className="pt-linkbutton" onClick={() => photos.retry(p.key)}>
                      {t('portal.report.photoRetry')}
                    </button>
                  </>
                ) : null}
              </div>
              <button type="button" className="pt-photo__remove" aria-label={t('portal.report.photoRemove', { name: label })} onClick={() => photos.remove(p.key)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {left > 0 ? (
        <label className="pt-photos__add">
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/heic"
            multiple
            className="pt-visually-hidden-input"
            aria-describedby={describedBy}
            onChange={onChange}
            data-testid="photo-input"
          />
          <span aria-hidden="true" className="pt-photos__plus">
            +
          </span>
          <span>{t('portal.report.addPhoto')}</span>
        </label>
      ) : null}
      {limitHit ? (
        <p className="pt-error" role="alert">
          {t('portal.report.photoLimit', { max: MAX_PHOTOS })}
        </p>
      ) : null}
    </div>
  );
}
