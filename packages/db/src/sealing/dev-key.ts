import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSealingKey, sealingKeyId } from './sealer';

/**
 * Development convenience: a key kept in a file inside the (git-ignored) data
 * directory, created on first use with mode 0600. Production passes its key
 * from the environment; reading the environment is the server's job, not this
 * package's. Returns the key as base64, ready for createSealer.
 */
export function loadOrCreateDevKey(dir: string, fileName = 'sealing.dev.key'): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, fileName);
  try {
    writeFileSync(path, `${generateSealingKey()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Someone loosened it (or an umask did): a key file readable by others is no secret.
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
  const key = readFileSync(path, 'utf8').trim();
  sealingKeyId(key); // validates length, with a coded error naming the problem
  return key;
}
