#!/usr/bin/env node
// drizzle-kit writes foreign keys as REFERENCES "public"."table". Qualified names
// would pin every table to the public schema, but tests apply the migrations into
// a fresh schema per run (search_path), and a deployment may choose its own
// schema. Run after every `drizzle-kit generate` (the `generate` script does).
// The migrator hashes the file as it is on disk, so rewriting before commit is safe.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
let changed = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.sql')) continue;
  const path = join(dir, name);
  const before = readFileSync(path, 'utf8');
  const after = before.replaceAll('"public".', '');
  if (after !== before) {
    writeFileSync(path, after);
    changed++;
    console.log(`unqualified ${name}`);
  }
}
if (changed === 0) console.log('migrations already unqualified');
