import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frontEndIndexes, repoRoot, serverBundle } from './paths';

export interface RunningServer {
  readonly baseUrl: string;
  readonly dataDir: string;
  /** Everything the server printed so far (pino JSON lines). */
  log(): string;
  /** SIGTERM and wait; resolves with the exit code (graceful shutdown must give 0). */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** Reuse a data directory (restart tests); default: a fresh temp dir removed on stop. */
  readonly dataDir?: string;
  readonly env?: Record<string, string>;
  readonly startTimeoutMs?: number;
}

export function assertBuilt(): void {
  const missing = [serverBundle, ...frontEndIndexes].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(`Build output missing (turbo's test:e2e builds first; or run \`pnpm build\`):\n  ${missing.join('\n  ')}`);
  }
}

/**
 * Starts the real bundle on a free port (PORT=0) with a fresh embedded PGlite (the demo city is
 * seeded on first start, as `npm start` does) and reads the URL from its one startup line.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  assertBuilt();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'firebreak-e2e-')));
  let output = '';
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [serverBundle], {
    cwd: join(repoRoot, 'apps', 'api'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      FIREBREAK_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      // Each browser context and API client of a run is its own member of the public, with its own
      // address (X-Forwarded-For, see clientAddress): the per-client limits then apply per person as
      // in production, and one spec's filings do not spend another's budget.
      FIREBREAK_TRUST_PROXY: '127.0.0.1',
      ...options.env,
    },
  });
  const baseUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), options.startTimeoutMs ?? 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Firebreak listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early with code ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    baseUrl,
    dataDir,
    log: () => output,
    stop: () =>
      new Promise((resolveCode) => {
        const done = async (code: number | null) => {
          if (ownDir) await rm(dataDir, { recursive: true, force: true });
          resolveCode(code);
        };
        if (child.exitCode !== null) return void done(child.exitCode);
        child.once('exit', (code) => void done(code));
        child.kill('SIGTERM');
      }),
  };
}
