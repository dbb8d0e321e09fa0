import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock, LOCK_FILE_NAME } from './data-dir-lock';
import { DbError } from './errors';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeForeignLock(pid: number, host = hostname()) {
  writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid, hostname: host, startedAt: '2025-01-01T00:00:00.000Z', token: 'foreign' }));
}

function refusal(fn: () => unknown): DbError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DbError) return e;
    throw e;
  }
  throw new Error('expected the lock to be refused');
}

describe('acquireDataDirLock', () => {
  test('writes the pid, refuses a second holder with a bilingual coded error, and frees on release', () => {
    const lock = acquireDataDirLock(dir);
    const content = JSON.parse(readFileSync(lock.path, 'utf8')) as { pid: number };
    expect(content.pid).toBe(process.pid);

    const e = refusal(() => acquireDataDirLock(dir));
    expect(e.code).toBe('DB.DATA_DIR_LOCKED');
    expect(e.message).toContain(dir);
    expect(e.messageZh).toContain('数据库目录');
    expect(e.stack).toContain('数据库目录'); // what an operator sees on a crashed start

    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquireDataDirLock(dir).release();
  });

  test('refuses while another live process holds the lock, takes over once it has died', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const pid = child.pid;
    if (pid === undefined) throw new Error('could not start a child process');
    try {
      writeForeignLock(pid);
      const e = refusal(() => acquireDataDirLock(dir));
      expect(e.message).toContain(`process ${pid}`);
      expect(e.messageZh).toContain(`进程 ${pid}`);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    const lock = acquireDataDirLock(dir);
    expect((JSON.parse(readFileSync(lock.path, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
  });

  test('takes over a stale lock left by a pid that no longer runs', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeForeignLock(dead);
    const lock = acquireDataDirLock(dir);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  test('never judges a lock from another host stale, nor releases a lock it does not own', () => {
    writeForeignLock(999_999_999, 'some-other-host');
    expect(refusal(() => acquireDataDirLock(dir)).code).toBe('DB.DATA_DIR_LOCKED');

    rmSync(join(dir, LOCK_FILE_NAME));
    const lock = acquireDataDirLock(dir);
    writeForeignLock(999_999_999, 'some-other-host'); // replaced behind our back
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
  });

  test('refuses rather than guesses when the lock file is unreadable', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), 'garbage');
    expect(refusal(() => acquireDataDirLock(dir)).code).toBe('DB.DATA_DIR_LOCKED');
  });
});
