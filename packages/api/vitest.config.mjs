import { defineConfig } from 'vitest/config';
import { preset } from '@firebreak/tooling/vitest';
export default defineConfig(preset('api', { include: ['src/**/*.test.ts'] }));
