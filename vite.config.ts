/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { sampleDataPlugin } from './sample-data/vite-plugin.ts';
import { privacyPlugin } from './src/app/privacy/offline-plugin.ts';

// duckdb-wasm's exports map has no entry for its browser *blocking* build, which the
// engine worker uses (synchronous DuckDB beside the parsers, no second worker hop).
const duckdbBrowserBlocking = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

export default defineConfig({
  plugins: [react(), sampleDataPlugin(), privacyPlugin()],
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
