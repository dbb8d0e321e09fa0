import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are committed and applied by migrate(db),
// never pushed, so drizzle-kit needs no database connection here.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  strict: true,
  verbose: true,
});
