// Shared vitest settings. When VITEST_REPORT_DIR is set (CI does), every package
// also writes a JSON report there so .ci/run can print one total.
import { join } from 'node:path';

export function preset(name, overrides = {}) {
  const dir = process.env.VITEST_REPORT_DIR;
  const reporters = dir ? ['default', 'json'] : ['default'];
  const suffix = process.env.FIREBREAK_TEST_TIER ?? 'unit';
  return {
    test: {
      // Timeouts catch a hang, never measure speed (that is what `pnpm bench` is for): generous
      // enough that a loaded two-core machine running the database suites does not fail them.
      testTimeout: 120_000,
      hookTimeout: 300_000,
      reporters,
      outputFile: dir ? { json: join(dir, `${name}-${suffix}.json`) } : undefined,
      ...overrides,
    },
  };
}
