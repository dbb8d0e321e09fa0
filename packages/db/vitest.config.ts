import { preset } from '@firebreak/tooling/vitest';
import { defineConfig } from 'vitest/config';

// PGlite boots a WASM PostgreSQL per test database (about a second), and the
// real-PostgreSQL runs migrate a fresh schema per file: generous timeouts.
export default defineConfig(preset('db'));
