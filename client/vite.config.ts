import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API and the collaboration socket live on the server (default port 3000);
// in production the server serves this build from the same origin, so the client only ever
// talks to relative URLs.
const SERVER = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Shared modules keep their zod schemas (server-side parsing) next to plain tables the
    // client uses (workflow transitions): schema building has no side effects, so an unused
    // schema — and zod with it — stays out of the bundle.
    rolldownOptions: { treeshake: { manualPureFunctions: ['z'] } },
  },
  server: {
    proxy: {
      '/api': { target: SERVER, changeOrigin: true },
      '/collab': { target: SERVER, ws: true, changeOrigin: true },
    },
  },
});
