import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (`pnpm --filter @firebreak/api-server dev`);
// the proxy keeps the browser on one origin, as in production.
const api = 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // FIREBREAK_MAP_TILE_URL / FIREBREAK_MAP_TILE_ATTRIBUTION reach the report form's map (src/report/place-map.tsx); nothing else is exposed.
  envPrefix: ['VITE_', 'FIREBREAK_MAP_'],
  server: {
    port: 5173,
    proxy: { '/trpc': api, '/healthz': api, '/open311': api },
  },
  // Source maps would publish our source to anyone (the server refuses *.map as well).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
