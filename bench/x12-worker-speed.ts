/**
 * 835 parsing speed in a Chromium worker (the engine's parser, bundled with esbuild
 * as the app's worker is by Vite): the bench's 835 files are fetched into the
 * worker once, then parsed `runs` times, file after file; each run's rate is the
 * bytes of every file over the time parseX12 took on them (decoding included,
 * fetching not). The page is served from a made-up origin by Playwright's routing.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './browser-scenario.ts';

const ORIGIN = 'http://x12-bench.invalid';

const WORKER_ENTRY = /* ts */ `
import { parseX12 } from './src/engine/ingest/x12/parse-x12.ts';
self.onmessage = async (event) => {
  const { urls, runs } = event.data;
  const files = [];
  for (const url of urls) files.push(new Uint8Array(await (await fetch(url)).arrayBuffer()));
  const bytes = files.reduce((n, f) => n + f.length, 0);
  const seconds = [];
  let claims = 0;
  for (let run = 0; run < runs; run++) {
    let ms = 0;
    claims = 0;
    for (const file of files) {
      const started = performance.now();
      const parsed = parseX12(file);
      ms += performance.now() - started;
      if (parsed.format !== 'x12-835' || parsed.rowsRead === 0) throw new Error('not an 835 that parses: ' + (parsed.rejects[0]?.reason ?? ''));
      claims += parsed.claims.length;
    }
    seconds.push(ms / 1000);
  }
  self.postMessage({ bytes, seconds, claims });
};
`;

export interface X12WorkerSpeed {
  files: number;
  bytes: number;
  claims: number;
  /** MB/s of each run, in run order. */
  runsMBps: number[];
  medianMBps: number;
}

export async function x12WorkerSpeed(paths: string[], runs = 5): Promise<X12WorkerSpeed> {
  const bundle = await build({
    stdin: { contents: WORKER_ENTRY, resolveDir: process.cwd(), sourcefile: 'x12-bench-worker.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const workerJs = bundle.outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x12 bench</title>' });
      if (path === '/worker.js') return route.fulfill({ contentType: 'text/javascript', body: workerJs });
      const index = Number(/^\/file\/(\d+)$/.exec(path)?.[1] ?? NaN);
      if (!Number.isInteger(index) || !paths[index]) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: 'application/octet-stream', body: readFileSync(paths[index]) });
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    const urls = paths.map((_, i) => `${ORIGIN}/file/${i}`);
    const result = await page.evaluate(
      ({ urls, runs }) =>
        new Promise<{ bytes: number; seconds: number[]; claims: number }>((resolve, reject) => {
          const worker = new Worker('/worker.js');
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ urls, runs });
        }),
      { urls, runs },
    );
    const runsMBps = result.seconds.map((s) => Math.round((result.bytes / 1e6 / s) * 10) / 10);
    const sorted = [...runsMBps].sort((a, b) => a - b);
    return { files: paths.length, bytes: result.bytes, claims: result.claims, runsMBps, medianMBps: sorted[Math.floor(sorted.length / 2)] };
  } finally {
    await browser.close();
  }
}
