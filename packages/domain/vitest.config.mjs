import { defineConfig } from 'vitest/config';
import { preset } from '@firebreak/tooling/vitest';
// Property tests run thousands of cases; under turbo the packages share two cores,
// so the 5 s default is too tight for correctness tests that are not about speed.
export default defineConfig(preset('domain', { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] }));
