import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MIGRATIONS_FOLDER } from './migrate';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};
const sqlFiles = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql'));

describe('committed migrations', () => {
  test('every journal entry has its SQL file and every SQL file is journaled, in time order', () => {
    expect(journal.entries.map((e) => `${e.tag}.sql`).sort()).toEqual([...sqlFiles].sort());
    const times = journal.entries.map((e) => e.when);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('no object is pinned to the public schema (tests and deployments choose the schema)', () => {
    for (const f of sqlFiles) {
      expect(readFileSync(join(MIGRATIONS_FOLDER, f), 'utf8'), f).not.toMatch(/"public"\./);
    }
  });
});
