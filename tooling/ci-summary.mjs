#!/usr/bin/env node
// Sums the vitest JSON reports in a directory and prints `ci: N passed, N failed`.
// A step that failed without a failing test (typecheck, build, a suite that could
// not load) still counts as one failure, so the line can never hide a red step.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, failedStepsArg] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
  console.log(`${f}: ${r.numPassedTests ?? 0} passed, ${r.numFailedTests ?? 0} failed`);
}
const failedSteps = Number(failedStepsArg ?? 0);
if (failedSteps > 0 && failed === 0) failed = failedSteps;
console.log(`ci: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps > 0 || passed === 0 ? 1 : 0);
