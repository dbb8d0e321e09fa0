import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { downscale, thumbnail, uploadPhoto, UploadFailure, useI18n } from '@firebreak/ui';

/** The contract caps attachmentIds at 20; six keeps a phone upload short. */
export const MAX_PHOTOS = 6;
const IMAGE = /^image\/(jpeg|png|webp|avif|heic|heif)$/;

export interface PhotoItem {
  readonly key: string;
  readonly name: string;
  readonly status: 'preparing' | 'uploading' | 'done' | 'failed';
  readonly progress: number;
  readonly attachmentId: string | null;
  readonly preview: string;
  readonly error: { readonly en: string; readonly zh: string } | null;
}

let seq = 0;
const nextKey = () => `w${Date.now().toString(36)}${(seq++).toString(36)}`;

/**
 * Photos of a confidential report: always re-encoded in the browser (not only
 * large ones, as on the portal), so EXIF, position and device never leave the
 * phone even if the server's stripping were to fail. Nothing is kept in storage.
 */
export function usePhotos() {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const blobs = useRef(new Map<string, Blob>());
  const patch = useCallback((key: string, change: Partial<PhotoItem>) => setItems((l) => l.map((p) => (p.key === key ? { ...p, ...change } : p))), []);

  const send = useCallback(
    async (key: string, name: string, blob: Blob) => {
      patch(key, { status: 'uploading', progress: 0, error: null });
      try {
        const done = await uploadPhoto(blob, name, (f) => patch(key, { progress: f }));
        patch(key, { status: 'done', progress: 1, attachmentId: done.id });
      } catch (e) {
        patch(key, { status: 'failed', error: e instanceof UploadFailure ? { en: e.message, zh: e.messageZh } : { en: 'Upload failed', zh: '上传失败' } });
      }
    },
    [patch],
  );

  const add = useCallback(
    async (files: readonly File[]) => {
      const bad = files.filter((f) => !IMAGE.test(f.type));
      setRefused(bad.map((f) => f.name));
      for (const file of files.filter((f) => IMAGE.test(f.type))) {
        const key = nextKey();
        // A neutral upload name: the phone's file name can carry a date, a device or a person.
        const name = `photo-${items.length + 1}`;
        setItems((l) => [...l, { key, name, status: 'preparing', progress: 0, attachmentId: null, preview: '', error: null }]);
        const blob = await reencode(file);
        patch(key, { preview: await thumbnail(blob) });
        blobs.current.set(key, blob);
        void send(key, name, blob);
      }
    },
    [items.length, patch, send],
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
    setItems((l) => l.filter((p) => p.key !== key));
    blobs.current.delete(key);
  }, []);

  const attachmentIds = items.filter((p) => p.status === 'done' && p.attachmentId).map((p) => p.attachmentId!);
  const busy = items.some((p) => p.status !== 'done');
  return { items, refused, add, retry, remove, attachmentIds, busy };
}

/** Re-encodes through a canvas whatever its size (downscale only shrinks large ones). */
async function reencode(file: File): Promise<Blob> {
  const shrunk = await downscale(file);
  if (shrunk !== file) return shrunk;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.9));
    return blob ?? file;
  } catch {
    return file;
  }
}

export type Photos = ReturnType<typeof usePhotos>;

export function PhotoField({ photos, describedBy }: { photos: Photos; describedBy: string }) {
  const { t, language } = useI18n();
  const [limitHit, setLimitHit] = useState(false);
  const left = MAX_PHOTOS - photos.items.length;

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    setLimitHit(files.length > left);
    void photos.add(files.slice(0, Math.max(0, left)));
  };

  return (
    <div className="wb-photos">
      <ul className="wb-photos__list" aria-live="polite">
        {photos.items.map((p, i) => {
          const n = `${i + 1}`;
          const percent = Math.round(p.progress * 100);
          return (
            <li key={p.key} className={`wb-photo wb-photo--${p.status}`} data-testid="photo-item" data-status={p.status}>
              {p.preview ? <img src={p.preview} alt="" className="wb-photo__img" /> : <span className="wb-photo__img" />}
              <div className="wb-photo__meta">
                {p.status === 'preparing' || p.status === 'uploading' ? (
                  <>
                    <progress className="wb-progress" max={100} value={percent} aria-label={t('wb.report.photoProgress', { name: n })} />
                    <span className="wb-hint">{p.status === 'preparing' ? t('wb.report.photoPreparing') : t('wb.report.photoUploading', { percent })}</span>
                  </>
                ) : null}
                {p.status === 'done' ? <span className="wb-ok">{t('wb.report.photoDone')}</span> : null}
                {p.status === 'failed' ? (
                  <>
                    <span className="wb-error" role="alert">
                      {t('wb.report.photoFailed')}
                      {p.error ? `：${language === 'en' ? p.error.en : p.error.zh}` : ''}
                    </span>
                    <button type="button" className="wb-linkbutton" onClick={() => photos.retry(p.key)}>
                      {t('wb.report.photoRetry')}
                    </button>
                  </>
                ) : null}
              </div>
              <button type="button" className="wb-photo__remove" aria-label={t('wb.report.photoRemove', { name: n })} onClick={() => photos.remove(p.key)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {left > 0 ? (
        <label className="wb-photos__add">
          {/* PDFs may be picked so the refusal can be explained, instead of the picker hiding them silently. */}
          <input type="file" accept="image/*,application/pdf" multiple className="wb-visually-hidden-input" aria-describedby={describedBy} onChange={onChange} data-testid="photo-input" />
          <span aria-hidden="true" className="wb-photos__plus">
            +
          </span>
          <span>{t('wb.report.addPhoto')}</span>
        </label>
      ) : null}
      {photos.refused.map((name) => (
        <p key={name} className="wb-error" role="alert" data-testid="file-refused">
          {t('wb.report.fileRefused', { name })}
        </p>
      ))}
      {limitHit ? (
        <p className="wb-error" role="alert">
          {t('wb.report.photoLimit', { max: MAX_PHOTOS })}
        </p>
      ) : null}
    </div>
  );
}
