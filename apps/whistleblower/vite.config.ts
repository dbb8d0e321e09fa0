import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (`pnpm --filter @firebreak/api-server dev`);
// the proxy keeps the browser on one origin, as in production.
const api = 'http://localhost:3000';

export default defineConfig({
  base: '/whistleblower/',
  plugins: [react()],
  server: {
    port: 5174,
    proxy: { '/trpc': api, '/healthz': api, '/open311': api },
  },
  // Source maps would publish our source to anyone (the server refuses *.map as well).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
