/** Longest edge the server keeps for display copies; larger photos are shrunk here first. */
export const MAX_EDGE = 2048;
/** Photos under this size and edge go up as they are (their EXIF is stripped by the server). */
const SMALL_ENOUGH_BYTES = 1_500_000;

/**
 * Shrinks a large photo in the browser before upload, so a 12-megapixel phone
 * picture does not cost a reporter on mobile data 6 MB. Re-encoding through a
 * canvas also drops the EXIF (position, device) before anything leaves the
 * phone. Anything the browser cannot decode is sent as it is and the server
 * says what it thinks of it.
 */
export async function downscale(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    if (longest <= MAX_EDGE && file.size <= SMALL_ENOUGH_BYTES) return file;
    const scale = Math.min(1, MAX_EDGE / longest);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size ? blob : file;
  } finally {
    bitmap.close();
  }
}

/** A small JPEG data URL kept with the draft, so a reload still shows what was attached. */
export async function thumbnail(blob: Blob, edge = 160): Promise<string> {
  try {
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.7);
  } catch {
    return '';
  }
}
