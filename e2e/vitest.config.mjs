import { defineConfig } from 'vitest/config';
import { preset } from '@firebreak/tooling/vitest';
// Browser tests: one built server (started once in global-setup) and one Chromium per file,
// files one after another (two shared cores), generous timeouts for cold starts.
// The report name gets its `-e2e` suffix from FIREBREAK_TEST_TIER=e2e, which CI sets.
export default defineConfig(
  preset('e2e', {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['./harness/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  }),
);
