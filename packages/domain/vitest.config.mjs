import { defineConfig } from 'vitest/config';
import { preset } from '@firebreak/tooling/vitest';
export default defineConfig(preset('domain', { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] }));
