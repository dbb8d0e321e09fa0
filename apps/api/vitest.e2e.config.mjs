import { defineConfig } from 'vitest/config';
import { preset } from '@firebreak/tooling/vitest';
// Browser tests: one server and one Chromium at a time, generous timeouts for cold starts.
// The report name gets its `-e2e` suffix from FIREBREAK_TEST_TIER=e2e, which CI sets.
export default defineConfig(
  preset('api-server', {
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  }),
);
