import { downscale } from '@firebreak/ui';
import { MAX_PHOTOS, PhotoField as SharedPhotoField, usePhotoUploads, type PhotoFieldClasses, type PhotoFieldKeys, type PhotoPolicy, type PhotoUploads } from '@firebreak/ui/public-forms';
import type { DraftPhoto } from './draft';

export { MAX_PHOTOS };

/** The portal downscales only large photos, keeps the reporter's file name and shows the picked file at once. */
const POLICY: PhotoPolicy = { prepare: downscale, nameOf: (file) => file.name, instantPreview: true, keyPrefix: 'p' };

export function usePhotos(initial: readonly DraftPhoto[]) {
  const photos = usePhotoUploads(POLICY, initial);
  // Done photos go to the draft (their thumbnails, never the blobs).
  const persisted: DraftPhoto[] = photos.items
    .filter((p) => p.status === 'done' && p.attachmentId)
    .map((p) => ({ key: p.key, name: p.name, attachmentId: p.attachmentId!, thumb: p.thumb }));
  return { ...photos, persisted };
}

export type Photos = PhotoUploads;

const CLASSES: PhotoFieldClasses = {
  root: 'pt-photos',
  list: 'pt-photos__list',
  item: 'pt-photo',
  img: 'pt-photo__img',
  meta: 'pt-photo__meta',
  progress: 'pt-progress',
  pending: 'pt-photo__state',
  done: 'pt-photo__state pt-photo__state--ok',
  failed: 'pt-photo__state pt-photo__state--bad',
  retry: 'pt-linkbutton',
  remove: 'pt-photo__remove',
  add: 'pt-photos__add',
  input: 'pt-visually-hidden-input',
  plus: 'pt-photos__plus',
  error: 'pt-error',
};

const KEYS: PhotoFieldKeys = {
  progress: 'portal.report.photoProgress',
  preparing: 'portal.report.photoPreparing',
  uploading: 'portal.report.photoUploading',
  done: 'portal.report.photoDone',
  failed: 'portal.report.photoFailed',
  retry: 'portal.report.photoRetry',
  remove: 'portal.report.photoRemove',
  add: 'portal.report.addPhoto',
  limit: 'portal.report.photoLimit',
};

export function PhotoField({ photos, describedBy }: { photos: Photos; describedBy: string }) {
  return (
    <SharedPhotoField
      photos={photos}
      describedBy={describedBy}
      classes={CLASSES}
      keys={KEYS}
      accept="image/jpeg,image/png,image/webp,image/avif,image/heic"
      limitNotice="whileFull"
    />
  );
}
