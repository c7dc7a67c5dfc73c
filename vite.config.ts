/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { sampleDataPlugin } from './sample-data/vite-plugin.ts';
import { privacyPlugin } from './scripts/vite-offline-plugin.ts';

// duckdb-wasm's exports map has no entry for its browser *blocking* build, which the
// engine worker uses (synchronous DuckDB beside the parsers, no second worker hop).
const duckdbBrowserBlocking = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

// `npm run demo` opens the app on the sample where there is a desktop to open it on, and
// otherwise says where it is (vite's --open fails with a stack trace without xdg-open).
const demo = process.env.DENIAL_LENS_DEMO === '1';
const desktop = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

export default defineConfig({
  plugins: [
    react(),
    sampleDataPlugin(),
    privacyPlugin(),
    {
      name: 'denial-lens-demo-url',
      configurePreviewServer(server) {
        if (!demo || desktop) return;
        server.httpServer?.once('listening', () => {
          const url = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
          console.log(`\n  Open ${url}?demo in a browser to see the app on the bundled sample data.\n`);
        });
      },
    },
  ],
  preview: { open: demo && desktop ? '/?demo' : false },
  resolve: { alias: { 'duckdb-browser-blocking': duckdbBrowserBlocking } },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
