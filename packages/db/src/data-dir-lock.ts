import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DbError } from './errors';

export const LOCK_FILE_NAME = 'firebreak.lock';

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
  readonly token: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/**
 * PGlite has no inter-process locking: two processes opening one data
 * directory silently corrupt it. This lock file (like postmaster.pid) makes the
 * second process fail loudly instead. A lock whose pid no longer runs on this
 * host is stale (a crash, a kill -9) and is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, holder)) return makeLock(path, holder);
    const current = readHolder(path);
    if (current === 'missing') continue; // released between our attempt and the read
    if (current !== 'unreadable' && isAlive(current)) throw lockedError(dataDir, path, current);
    if (current === 'unreadable') {
      // Every lock is written complete before it appears (see tryCreate), so an
      // unreadable one was damaged by something else: refuse rather than guess.
      throw lockedError(dataDir, path, null);
    }
    removeIfUnchanged(path, current);
  }
  throw lockedError(dataDir, path, null);
}

/** Write to a private temp file, then hard-link it into place: the link fails if a lock exists, and a lock never appears half-written. */
function tryCreate(path: string, holder: LockHolder): boolean {
  const tmp = `${path}.${holder.token}.tmp`;
  writeFileSync(tmp, JSON.stringify(holder), { mode: 0o600 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

function readHolder(path: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === 'number' && typeof v.hostname === 'string' && typeof v.token === 'string') {
      return { pid: v.pid, hostname: v.hostname, startedAt: String(v.startedAt ?? ''), token: v.token };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

function isAlive(holder: LockHolder): boolean {
  // A pid on another host (a shared volume) cannot be checked: assume it lives.
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfUnchanged(path: string, stale: LockHolder): void {
  const again = readHolder(path);
  if (again !== 'missing' && again !== 'unreadable' && again.token === stale.token) {
    try {
      unlinkSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

function makeLock(path: string, holder: LockHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const current = readHolder(path);
    if (current !== 'missing' && current !== 'unreadable' && current.token === holder.token) {
      try {
        unlinkSync(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
  };
  // A normal exit without close() should not leave a lock for the next start to judge.
  process.once('exit', release);
  return { path, holder, release };
}

function lockedError(dataDir: string, path: string, holder: LockHolder | null): DbError {
  const who = holder
    ? holder.pid === process.pid && holder.hostname === hostname()
      ? { en: 'this process (it is already open here)', zh: '本进程（已打开）' }
      : { en: `process ${holder.pid} on ${holder.hostname} (since ${holder.startedAt})`, zh: `主机 ${holder.hostname} 上的进程 ${holder.pid}（自 ${holder.startedAt} 起）` }
    : { en: 'another process (the lock file is unreadable)', zh: '其他进程（锁文件无法读取）' };
  return new DbError(
    'DB.DATA_DIR_LOCKED',
    `The database directory ${dataDir} is in use by ${who.en}. The embedded database (PGlite) allows one process at a time: stop the other process, or, if it is certainly not running, delete ${path}.`,
    `数据库目录 ${dataDir} 正被${who.zh}使用。内嵌数据库（PGlite）同一时间只允许一个进程打开：请先停止该进程；如确认其已不在运行，可删除 ${path}。`,
    { dataDir, lockFile: path, holder },
  );
}
