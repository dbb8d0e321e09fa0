import { useCallback, useRef, useState } from 'react';
import { thumbnail } from '../upload/downscale';
import { UploadFailure, uploadPhoto } from '../upload/upload';

/**
 * How many photos one report (or one later addition) takes. The contract caps attachmentIds at 20
 * and publishes no per-city setting; six keeps a phone upload short.
 */
export const MAX_PHOTOS = 6;

export interface PhotoItem {
  readonly key: string;
  readonly name: string;
  readonly status: 'preparing' | 'uploading' | 'done' | 'failed';
  readonly progress: number;
  readonly attachmentId: string | null;
  /** What the list shows: the local file's object URL (instantPreview), or the thumbnail once made, or a stored thumbnail. */
  readonly preview: string;
  /** The thumbnail of the prepared blob ('' while preparing). */
  readonly thumb: string;
  readonly error: { readonly en: string; readonly zh: string } | null;
}

/** A photo already uploaded (a restored draft). */
export interface InitialPhoto {
  readonly key: string;
  readonly name: string;
  readonly attachmentId: string;
  readonly thumb: string;
}

/**
 * What a site does with a picked file. Keep it a module-level constant: its functions are
 * dependencies of the hook's callbacks.
 */
export interface PhotoPolicy {
  /** Makes the blob that is uploaded (the portal downscales large photos; the whistleblower site re-encodes all). */
  readonly prepare: (file: File) => Promise<Blob>;
  /** The upload's file name; `listed` is how many photos the list held when the pick was made. */
  readonly nameOf: (file: File, listed: number) => string;
  /** Files that fail this are refused (their names in `refused`) instead of uploaded; default: take all. */
  readonly accept?: (file: File) => boolean;
  /** Show the picked file itself (an object URL) while it is prepared, instead of nothing until its thumbnail. */
  readonly instantPreview: boolean;
  /** First letter of the list keys. */
  readonly keyPrefix: string;
}

let seq = 0;

/** Picked photos: prepared in the browser, uploaded with progress, retried and removed; nothing kept in storage. */
export function usePhotoUploads(policy: PhotoPolicy, initial: readonly InitialPhoto[] = []) {
  const { prepare, nameOf, accept, instantPreview, keyPrefix } = policy;
  const [items, setItems] = useState<PhotoItem[]>(() =>
    initial.map((p) => ({ key: p.key, name: p.name, status: 'done', progress: 1, attachmentId: p.attachmentId, preview: p.thumb, thumb: p.thumb, error: null })),
  );
  const [refused, setRefused] = useState<string[]>([]);
  // The blobs to retry with live outside state: they never go to a draft.
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
        patch(key, { status: 'failed', error: e instanceof UploadFailure ? { en: e.message, zh: e.messageZh } : { en: 'Upload failed', zh: '上传失败' } });
      }
    },
    [patch],
  );

  const listed = items.length;
  const add = useCallback(
    async (files: readonly File[]) => {
      let taken = files;
      if (accept) {
        setRefused(files.filter((f) => !accept(f)).map((f) => f.name));
        taken = files.filter((f) => accept(f));
      }
      for (const file of taken) {
        const key = `${keyPrefix}${Date.now().toString(36)}${(seq++).toString(36)}`;
        const name = nameOf(file, listed);
        const preview = instantPreview ? URL.createObjectURL(file) : '';
        setItems((list) => [...list, { key, name, status: 'preparing', progress: 0, attachmentId: null, preview, thumb: '', error: null }]);
        const blob = await prepare(file);
        const thumb = await thumbnail(blob);
        blobs.current.set(key, blob);
        patch(key, instantPreview ? { thumb } : { thumb, preview: thumb });
        void send(key, name, blob);
      }
    },
    [accept, instantPreview, keyPrefix, listed, nameOf, patch, prepare, send],
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

  const attachmentIds = items.filter((p) => p.status === 'done' && p.attachmentId).map((p) => p.attachmentId!);
  const busy = items.some((p) => p.status !== 'done');
  return { items, refused, add, retry, remove, reset, attachmentIds, busy };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
