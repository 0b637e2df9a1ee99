import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The BFF (src/server) serves dist/ in production; in development Vite serves the SPA and forwards
// everything the BFF owns to it, so cookies and the Origin check behave as they will in production.
// CONSOLE_DEV_BFF_URL points it at a console elsewhere (src/server/dev-proxy.test.ts starts one on a free port).
const bff = process.env.CONSOLE_DEV_BFF_URL || 'http://127.0.0.1:3000';

// The BFF answers only to its own host names (DNS rebinding, src/server/middleware/host-check.ts) and accepts
// state-changing requests only from its own origin: the dev proxy therefore presents the BFF's host (changeOrigin)
// and, for a request that came from the dev server's own page, the BFF's origin.
const toBff: ProxyOptions = {
  target: bff,
  changeOrigin: true,
  configure(proxy) {
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = req.headers.origin;
      if (origin !== undefined && req.headers.host !== undefined && origin === `http://${req.headers.host}`) {
        proxyReq.setHeader('origin', bff);
      }
    });
  },
};

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
      '/api': toBff,
      '/auth': toBff,
      '/healthz': toBff,
    },
  },
  build: {
    // CONSOLE_STATIC_DIR lets parallel work build and serve a copy of its own (the console reads the same variable).
    outDir: process.env.CONSOLE_STATIC_DIR || 'dist',
    emptyOutDir: true,
    // Hashed file names under dist/assets/ let the BFF cache them forever and index.html never.
    assetsDir: 'assets',
    // No source maps in the build: dist/ is served as it is, and a public map hands out the whole source. The
    // server refuses *.map anyway (src/server/routes/web-app.ts), so a map produced some other way stays private.
    sourcemap: false,
  },
});
