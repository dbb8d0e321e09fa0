import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, insertJurisdiction, type DbHandle } from '@firebreak/db';

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The real server as a child process (`node --import tsx src/server.ts`), so a test can
 * kill -9 it the way a power cut or the OOM killer would. Trusts X-Forwarded-For
 * from 127.0.0.1 so each test request can be its own client to the throttles.
 */
export interface ServerProcess {
  readonly port: number;
  readonly baseUrl: string;
  readonly child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook, no checkpoint, no flush. */
  kill9(): Promise<void>;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<number | null>;
}

export interface ServerSpawnOptions {
  readonly dataDir: string;
  /** Real PostgreSQL; absent means embedded PGlite under the data dir. */
  readonly databaseUrl?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
}

export async function spawnServer(options: ServerSpawnOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.NODE_ENV; // vitest sets 'test'; the server must run as a developer's would
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    FIREBREAK_DATA_DIR: options.dataDir,
    FIREBREAK_TRUST_PROXY: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  // node itself with tsx's loader, not the tsx CLI: the CLI runs the server in a
  // grandchild that a SIGKILL of the CLI would orphan instead of killing.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${options.startTimeoutMs ?? 120_000} ms:\n${out}`));
    }, options.startTimeoutMs ?? 120_000);
    const check = () => {
      const m = /Firebreak listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

let clientCounter = 0;

/** A fresh address per call (203.0.113.0/24 and the two /24s after it): every request is a different client to the throttles. */
export function nextClientAddress(): string {
  clientCounter += 1;
  return `203.0.${113 + (Math.floor(clientCounter / 250) % 3)}.${(clientCounter % 250) + 1}`;
}

export interface TrpcAnswer<T = unknown> {
  readonly status: number;
  readonly data?: T;
  readonly error?: { code: string; domainCode: string | null; message: string };
}

/** POST /trpc/<procedure> with a JSON input (no transformer), as the front ends' httpLink sends a mutation. */
export async function trpcMutation<T = unknown>(baseUrl: string, procedure: string, input: unknown, client = nextClientAddress()): Promise<TrpcAnswer<T>> {
  const res = await fetch(`${baseUrl}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string; data?: { code: string; domain?: { code: string } | null } } };
  if (body.result) return { status: res.status, data: body.result.data };
  return {
    status: res.status,
    error: { code: body.error?.data?.code ?? 'UNKNOWN', domainCode: body.error?.data?.domain?.code ?? null, message: body.error?.message ?? '' },
  };
}

/**
 * A database with a city and nothing else, for a server that must not spend
 * half a minute on the demo seed: a non-empty jurisdictions table skips it, and
 * reports without a venue land on the city root.
 */
export async function prepareBareCity(handle: DbHandle): Promise<{ province: string; city: string }> {
  const province = randomUUID();
  const city = randomUUID();
  await insertJurisdiction(handle.db, { id: province, parentId: null, level: 'province', name: '测试省' });
  await insertJurisdiction(handle.db, { id: city, parentId: province, level: 'city', name: '测试市' });
  return { province, city };
}

/**
 * A database of its own on the PostgreSQL server behind `adminUrl` (the server
 * under test runs its migrations into `public`, so it cannot share the test
 * database with the per-file schemas of the other suites).
 */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;
  const admin = await createDb({ url: adminUrl, migrate: false, maxConnections: 1 });
  try {
    await admin.db.execute(`create database "${name}"`);
  } finally {
    await admin.close();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = await createDb({ url: adminUrl, migrate: false, maxConnections: 1 });
      try {
        await a.db.execute(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.close();
      }
    },
  };
}
