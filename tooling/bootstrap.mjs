#!/usr/bin/env node
// Entry point behind `npm start` / `npm test` (and `pnpm start` / `pnpm test`).
// A fresh machine has Node and npm but no pnpm, and corepack may fail, so this
// script finds pnpm (or runs the pinned one through npx), installs the workspace
// from the committed lockfile when needed, then hands over to turbo.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmSpec = pkg.packageManager; // e.g. pnpm@10.34.9
const task = process.argv[2];
const extra = process.argv.slice(3);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm', []];
  return ['npx', ['-y', pnpmSpec]];
}

function needsInstall() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'pnpm-lock.yaml')).mtimeMs > statSync(marker).mtimeMs;
}

const [pnpm, pre] = pnpmCommand();
const p = (...args) => run(pnpm, [...pre, ...args]);

if (needsInstall()) {
  const code = p('install', '--frozen-lockfile');
  if (code !== 0) process.exit(code);
}

switch (task) {
  case 'start': {
    const b = p('exec', 'turbo', 'run', 'build', '--filter=@firebreak/api-server...', '--filter=./apps/*', '--output-logs=errors-only');
    if (b !== 0) process.exit(b);
    process.exit(p('--filter', '@firebreak/api-server', 'run', 'serve', ...extra));
    break;
  }
  case 'test': {
    process.exit(p('exec', 'turbo', 'run', 'typecheck', 'test', '--continue', '--concurrency=3', ...extra));
    break;
  }
  default:
    console.error(`usage: bootstrap.mjs start|test`);
    process.exit(2);
}
