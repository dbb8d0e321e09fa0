import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (`pnpm --filter @firebreak/api-server dev`);
// the proxy keeps the browser on one origin, as in production.
const api = 'http://localhost:3000';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    port: 5175,
    proxy: { '/trpc': api, '/healthz': api, '/open311': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps would publish our source to anyone (the server refuses *.map as well).
    sourcemap: false,
    // React changes less often than our code: a separate chunk stays cached across releases.
    // Ant Design is not forced into one group: each lazy page then carries only the
    // components it uses, and the sign-in page loads a fraction of the library.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
});
