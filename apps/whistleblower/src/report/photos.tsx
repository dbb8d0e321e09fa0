import { downscale } from '@firebreak/ui';
import { MAX_PHOTOS, PhotoField as SharedPhotoField, usePhotoUploads, type PhotoFieldClasses, type PhotoFieldKeys, type PhotoPolicy, type PhotoUploads } from '@firebreak/ui/public-forms';

export { MAX_PHOTOS };

const IMAGE = /^image\/(jpeg|png|webp|avif|heic|heif)$/;

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

/**
 * Photos of a confidential report: always re-encoded in the browser (not only large ones, as on
 * the portal), so EXIF, position and device never leave the phone even if the server's stripping
 * were to fail; a neutral upload name (the phone's file name can carry a date, a device or a
 * person); anything but an image refused with a message. Nothing is kept in storage.
 */
const POLICY: PhotoPolicy = {
  prepare: reencode,
  nameOf: (_file, listed) => `photo-${listed + 1}`,
  accept: (file) => IMAGE.test(file.type),
  instantPreview: false,
  keyPrefix: 'w',
};

export function usePhotos() {
  return usePhotoUploads(POLICY);
}

export type Photos = PhotoUploads;

const CLASSES: PhotoFieldClasses = {
  root: 'wb-photos',
  list: 'wb-photos__list',
  item: 'wb-photo',
  img: 'wb-photo__img',
  meta: 'wb-photo__meta',
  progress: 'wb-progress',
  pending: 'wb-hint',
  done: 'wb-ok',
  failed: 'wb-error',
  retry: 'wb-linkbutton',
  remove: 'wb-photo__remove',
  add: 'wb-photos__add',
  input: 'wb-visually-hidden-input',
  plus: 'wb-photos__plus',
  error: 'wb-error',
};

const KEYS: PhotoFieldKeys = {
  progress: 'wb.report.photoProgress',
  preparing: 'wb.report.photoPreparing',
  uploading: 'wb.report.photoUploading',
  done: 'wb.report.photoDone',
  failed: 'wb.report.photoFailed',
  retry: 'wb.report.photoRetry',
  remove: 'wb.report.photoRemove',
  add: 'wb.report.addPhoto',
  limit: 'wb.report.photoLimit',
  refused: 'wb.report.fileRefused',
};

export function PhotoField({ photos, describedBy }: { photos: Photos; describedBy: string }) {
  // PDFs may be picked so the refusal can be explained, instead of the picker hiding them silently.
  return <SharedPhotoField photos={photos} describedBy={describedBy} classes={CLASSES} keys={KEYS} accept="image/*,application/pdf" limitNotice="untilNextPick" />;
}
