import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { reportsDir } from './paths';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the one server every spec talks to, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** File the server's log is copied to after the run (and readable during it via `serverLogPath`). */
    serverLogPath: string;
  }
}

/**
 * One built server for the whole browser run: starting it seeds the demo city into a fresh
 * PGlite (tens of seconds), so specs share it and each journey makes its own records.
 */
export default async function setup(project: TestProject) {
  await mkdir(reportsDir, { recursive: true });
  const server = await startServer();
  const logPath = join(reportsDir, 'server.log');
  const flush = () => writeFile(logPath, server.log());
  const timer = setInterval(() => void flush(), 1_000);
  project.provide('baseUrl', server.baseUrl);
  project.provide('serverLogPath', logPath);
  return async () => {
    clearInterval(timer);
    const code = await server.stop();
    await flush();
    // Graceful shutdown (close HTTP, then the database) must exit cleanly.
    if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM; log in ${logPath}`);
  };
}
