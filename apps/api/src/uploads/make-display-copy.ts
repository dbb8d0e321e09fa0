import sharp, { type Metadata } from 'sharp';
import { UPLOAD_ERRORS, type UploadError } from './upload-error';

export interface DisplayLimits {
  /** Refused above this many pixels (decompression bombs fit in a few kilobytes). */
  readonly maxPixels: number;
  /** Longest edge of the display copy. */
  readonly maxEdge: number;
}

export const DEFAULT_DISPLAY_LIMITS: DisplayLimits = { maxPixels: 40_000_000, maxEdge: 2048 };

export interface DisplayCopy {
  /** Always JPEG: every browser shows it, and it carries no metadata. */
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** The original's size as a viewer sees it (after its EXIF orientation). */
  readonly originalWidth: number;
  readonly originalHeight: number;
}

export type DisplayResult = { readonly ok: true; readonly value: DisplayCopy } | { readonly ok: false; readonly error: UploadError };

/**
 * The copy handlers and the public are shown: turned upright by its EXIF
 * orientation, scaled down, and re-encoded from pixels, so EXIF (GPS position,
 * device serials, capture time), XMP and comments are not carried over. The
 * original, with all of that, is kept only sealed as evidence.
 */
export async function makeDisplayCopy(bytes: Buffer, limits: DisplayLimits = DEFAULT_DISPLAY_LIMITS): Promise<DisplayResult> {
  let meta: Metadata;
  try {
    // Reads the header only; nothing is decoded yet.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, error: UPLOAD_ERRORS.unreadable };
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0) return { ok: false, error: UPLOAD_ERRORS.unreadable };
  if (width * height > limits.maxPixels) return { ok: false, error: UPLOAD_ERRORS.tooManyPixels };
  try {
    const out = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' })
      .rotate()
      .resize({ width: limits.maxEdge, height: limits.maxEdge, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      value: {
        bytes: out.data,
        width: out.info.width,
        height: out.info.height,
        originalWidth: meta.autoOrient?.width ?? width,
        originalHeight: meta.autoOrient?.height ?? height,
      },
    };
  } catch {
    return { ok: false, error: UPLOAD_ERRORS.unreadable };
  }
}
