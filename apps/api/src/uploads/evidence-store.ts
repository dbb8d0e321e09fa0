import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sealer } from '@firebreak/db';

/**
 * Upload files on disk under `<data dir>/uploads`. Names are made here from the
 * CSPRNG and checked against their pattern before any path is built, so no
 * client-supplied name ever reaches the file system.
 *
 * Originals are sealed (AES-256-GCM, bound to the attachment id) because they
 * carry the EXIF a reporter's phone wrote: where they stood, when, on which
 * device. Display copies are already stripped and are stored as they are.
 */
export interface EvidenceStore {
  readonly dir: string;
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

export function createEvidenceStore(dir: string, sealer: Sealer): EvidenceStore {
  let ready: Promise<unknown> | null = null;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));
  const pathOf = (key: string) => {
    if (!ORIGINAL_KEY.test(key) && !DISPLAY_KEY.test(key)) throw new Error('evidence store: not a storage key');
    return join(dir, key);
  };
  const write = async (key: string, data: string | Buffer) => {
    await ensureDir();
    await writeFile(pathOf(key), data, { mode: 0o600, flag: 'wx' });
    return key;
  };
  return {
    dir,
    saveOriginal: (attachmentId, bytes) => write(randomBytes(16).toString('hex'), sealer.seal(bytes.toString('base64'), originalContext(attachmentId))),
    async openOriginal(attachmentId, key) {
      if (!ORIGINAL_KEY.test(key)) throw new Error('evidence store: not an original key');
      const sealed = await readFile(pathOf(key), 'utf8');
      return Buffer.from(sealer.openString(sealed, originalContext(attachmentId)), 'base64');
    },
    saveDisplay: (bytes) => write(`${randomBytes(16).toString('hex')}.jpg`, bytes),
    async readDisplay(key) {
      if (!DISPLAY_KEY.test(key)) throw new Error('evidence store: not a display key');
      return readFile(pathOf(key));
    },
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}
