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
    // React and Ant Design change less often than our code: separate chunks stay cached
    // across releases and keep each file under the size warning.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
          ],
        },
      },
    },
  },
});
