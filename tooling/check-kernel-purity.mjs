#!/usr/bin/env node
// Lint for packages/domain: the kernel must stay pure. Fails on IO imports, hidden
// clocks and randomness in non-test source, and on runtime dependencies beyond zod
// and the hashing library. Run by `pnpm lint` (turbo) in packages/domain.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const pkgDir = process.argv[2] ?? process.cwd();
const src = join(pkgDir, 'src');
const allowedDeps = new Set(['zod', '@noble/hashes']);
const forbidden = [
  [/from\s+['"](node:|fs|path|os|http|https|net|child_process|crypto|pg|postgres|drizzle-orm|@electric-sql\/|fastify|react)/, 'imports IO or a framework'],
  [/\bprocess\.(env|argv|exit|cwd)/, 'reads the process environment'],
  [/\bDate\.now\(\)/, 'reads the clock (take `now` from the context)'],
  [/new Date\(\s*\)/, 'reads the clock (take `now` from the context)'],
  [/\bMath\.random\(/, 'uses hidden randomness (take it as a parameter)'],
  [/\bfetch\(/, 'does network IO'],
  [/\b(setTimeout|setInterval)\(/, 'schedules work (effects are returned, not run)'],
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'test-support.ts') yield p;
  }
}

const problems = [];
for (const file of files(src)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return; // comments may mention what code must not do
    for (const [re, why] of forbidden) if (re.test(line)) problems.push(`${relative(pkgDir, file)}:${i + 1}: ${why}: ${line.trim()}`);
  });
}
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
for (const dep of Object.keys(pkg.dependencies ?? {})) {
  if (!allowedDeps.has(dep)) problems.push(`package.json: runtime dependency ${dep} is not allowed in the kernel`);
}
if (problems.length > 0) {
  console.error(`kernel purity: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('kernel purity: ok');
