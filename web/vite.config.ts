// Builds the portal into dist/web, which the server serves at `/`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const server = 'http://127.0.0.1:4400';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry explanatory comments next to @__PURE__ marks that Rollup reports
        // and drops; harmless, and not ours to change.
        if (warning.code === 'INVALID_ANNOTATION' && (warning.id ?? '').includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: server, ws: true },
      '/healthz': server,
      '/readyz': server,
    },
  },
});
