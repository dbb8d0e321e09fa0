import { randomBytes } from 'node:crypto';
import type { Sealer } from '@firebreak/db';
import { createDirectoryBlobStore, type BlobStore } from './blob-store';
import { createS3BlobStore } from './s3-blob-store';
import type { StorageConfig } from './storage-url';

/**
 * Upload files in a blob store: `<data dir>/uploads` by default, an
 * S3-compatible bucket when FIREBREAK_STORAGE_URL names one. Names are made
 * here from the CSPRNG and checked against their pattern before any store sees
 * them, so no client-supplied name ever reaches a file system or a bucket.
 *
 * Originals are sealed (AES-256-GCM, bound to the attachment id) here, before
 * they leave the process, because they carry the EXIF a reporter's phone
 * wrote: where they stood, when, on which device. A bucket (and whoever runs
 * it) holds only ciphertext of them. Display copies are already stripped and
 * are stored as they are.
 */
export interface EvidenceStore {
  /** Where the files go, without secrets. */
  readonly location: string;
  saveOriginal(attachmentId: string, bytes: Buffer): Promise<string>;
  openOriginal(attachmentId: string, key: string): Promise<Buffer>;
  saveDisplay(bytes: Buffer): Promise<string>;
  readDisplay(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const ORIGINAL_KEY = /^[0-9a-f]{32}$/;
const DISPLAY_KEY = /^[0-9a-f]{32}\.jpg$/;

export function originalContext(attachmentId: string): string {
  return `attachments.original:${attachmentId}`;
}

/** The blob store a configuration names. */
export function openBlobStore(config: StorageConfig): BlobStore {
  return config.kind === 's3' ? createS3BlobStore(config) : createDirectoryBlobStore(config.dir);
}

/** A directory path (the default local store) or any blob store. */
export function createEvidenceStore(target: string | BlobStore, sealer: Sealer): EvidenceStore {
  const blobs = typeof target === 'string' ? createDirectoryBlobStore(target) : target;
  const checked = (key: string) => {
    if (!ORIGINAL_KEY.test(key) && !DISPLAY_KEY.test(key)) throw new Error('evidence store: not a storage key');
    return key;
  };
  const write = async (key: string, data: Buffer) => {
    await blobs.put(checked(key), data);
    return key;
  };
  return {
    location: blobs.location,
    saveOriginal: (attachmentId, bytes) =>
      write(randomBytes(16).toString('hex'), Buffer.from(sealer.seal(bytes.toString('base64'), originalContext(attachmentId)), 'utf8')),
    async openOriginal(attachmentId, key) {
      if (!ORIGINAL_KEY.test(key)) throw new Error('evidence store: not an original key');
      const sealed = (await blobs.get(key)).toString('utf8');
      return Buffer.from(sealer.openString(sealed, originalContext(attachmentId)), 'base64');
    },
    saveDisplay: (bytes) => write(`${randomBytes(16).toString('hex')}.jpg`, bytes),
    async readDisplay(key) {
      if (!DISPLAY_KEY.test(key)) throw new Error('evidence store: not a display key');
      return blobs.get(key);
    },
    remove: (key) => blobs.remove(checked(key)),
  };
}
