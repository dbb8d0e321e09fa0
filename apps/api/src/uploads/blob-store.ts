import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where upload bytes live: a directory on this machine (the default), or an
 * S3-compatible bucket that several servers share. Keys are made by the
 * evidence store from the CSPRNG and checked against its patterns before they
 * get here; a store never sees a client-supplied name. Bytes arrive here
 * already sealed where they must be (originals), so no store holds plaintext
 * evidence.
 */
export interface BlobStore {
  /** Human-readable, secret-free description for logs (`dir:/…`, `s3://host/bucket`). */
  readonly location: string;
  /** Writes a new object; a key is never written twice. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The object's bytes; rejects with BlobNotFoundError when there is none. */
  get(key: string): Promise<Buffer>;
  /** Removes the object; removing a missing one is not an error. */
  remove(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  readonly code = 'STORAGE.NOT_FOUND';
  constructor(readonly key: string) {
    super(`storage: no object ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

export class BlobStoreError extends Error {
  readonly code = 'STORAGE.FAILED';
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'BlobStoreError';
  }
}

/** Files in one directory (mode 0700), each written once (mode 0600, O_EXCL). */
export function createDirectoryBlobStore(dir: string): BlobStore {
  let ready: Promise<unknown> | null = null;
  const ensureDir = () => (ready ??= mkdir(dir, { recursive: true, mode: 0o700 }));
  return {
    location: `dir:${dir}`,
    async put(key, bytes) {
      await ensureDir();
      await writeFile(join(dir, key), bytes, { mode: 0o600, flag: 'wx' });
    },
    async get(key) {
      try {
        return await readFile(join(dir, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
        throw error;
      }
    },
    remove: (key) => rm(join(dir, key), { force: true }),
  };
}
