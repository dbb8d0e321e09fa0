import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';

/** The server's log so far (the global setup copies it to a file every second). */
export async function readServerLog(): Promise<string> {
  await new Promise((r) => setTimeout(r, 1_200));
  return readFile(inject('serverLogPath'), 'utf8');
}
