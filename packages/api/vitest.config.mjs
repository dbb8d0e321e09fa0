import { defineConfig } from 'vitest/config';
import { preset } from '@firebreak/tooling/vitest';
// Router tests build a migrated database per file (PGlite, or a fresh schema on
// real PostgreSQL) and hash passwords with Argon2id: generous timeouts.
export default defineConfig(preset('api', { include: ['src/**/*.test.ts'] }));
