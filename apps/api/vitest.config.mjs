import { defineConfig } from 'vitest/config';
import { preset } from '@firebreak/tooling/vitest';
export default defineConfig(
  preset('api-server', { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['e2e/**', 'node_modules/**', 'dist/**'] }),
);
