import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The BFF (src/server) serves dist/ in production; in development Vite serves the SPA and forwards
// everything the BFF owns to it, so cookies and the Origin check behave as they will in production.
const bff = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fromRoot('.'),
  publicDir: 'public',
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@contract': fromRoot('./src/contract'),
      '@web': fromRoot('./src/web'),
      '@mail': fromRoot('./src/mail'),
    },
  },
  server: {
    proxy: {
      '/api': { target: bff },
      '/auth': { target: bff },
      '/healthz': { target: bff },
    },
  },
  build: {
    // CONSOLE_STATIC_DIR lets parallel work build and serve a copy of its own (the console reads the same variable).
    outDir: process.env.CONSOLE_STATIC_DIR || 'dist',
    emptyOutDir: true,
    // Hashed file names under dist/assets/ let the BFF cache them forever and index.html never.
    assetsDir: 'assets',
    sourcemap: true,
  },
});
