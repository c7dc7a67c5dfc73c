/**
 * `npm run bench [-- --lines 1000000 --changes 50 --no-build --only csv,x12,x12-parse --no-native --label before]`
 *
 * 1. Generates ~N service lines with the sample generator at scale, as one CSV
 *    export and as 837P + 835 files (bench/out/, reused while unchanged).
 * 2. Builds the app and serves it (vite preview), then in headless Chromium loads
 *    each format through the file input, waits for the first chart, and changes the
 *    Monthly review's filters at random (see browser-scenario.ts for what is timed).
 * 3. Loads and classifies the same files on native DuckDB (same engine, same SQL).
 * 4. Parses the 835 files five times in a Chromium worker (x12-worker-speed.ts).
 * 5. Prints a table and writes bench/results/<date>T<time>Z-<machine>[-<label>].json.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'vite';
import { benchInputs, type BenchInputs } from './inputs.ts';
import { runBrowserScenario, type LoadTiming, type RedrawTiming } from './browser-scenario.ts';
import { runNativeScenario, type NativeTiming } from './native-scenario.ts';
import { x12WorkerSpeed, type X12WorkerSpeed } from './x12-worker-speed.ts';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    changes: { type: 'string', default: '50' },
    seed: { type: 'string', default: '7' },
    only: { type: 'string' },
    /** Appended to the results file's name (e.g. "before" for the code before a change). */
    label: { type: 'string' },
    'x12-runs': { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    'no-native': { type: 'boolean', default: false },
  },
});

interface FormatResult {
  format: 'csv' | 'x12';
  files: number;
  bytes: number;
  browser: LoadTiming;
  redraws: RedrawTiming[];
  native: NativeTiming | null;
}

/** 1, 5 and 15 minute load averages when the run started (the machine may be shared). */
const LOAD_AT_START = os.loadavg().map((x) => Number(x.toFixed(2)));
/** The parts to run (csv, x12, x12-parse), comma-separated; all when absent. */
const only = values.only?.split(',');
const MB = 1e6;
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function main(): Promise<void> {
  const lines = Number(values.lines);
  const inputs = benchInputs('bench/out', lines);
  console.log(`inputs: ${inputs.lines.toLocaleString('en-US')} lines; CSV ${(inputs.csv.bytes / MB).toFixed(0)} MB; ` +
    `837P + 835 ${(inputs.x12.bytes / MB).toFixed(0)} MB in ${inputs.x12.paths.length} files`);
  if (!values['no-build']) execSync('npm run -s build', { stdio: 'inherit' });

  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  const results: FormatResult[] = [];
  const startedAt = new Date();
  let x12Parse: X12WorkerSpeed | null = null;
  try {
    for (const format of ['csv', 'x12'] as const) {
      if (only && !only.includes(format)) continue;
      const files = format === 'csv' ? [inputs.csv.path] : inputs.x12.paths;
      const bytes = format === 'csv' ? inputs.csv.bytes : inputs.x12.bytes;
      console.log(`\n${format}: browser …`);
      const { load, redraws } = await runBrowserScenario({
        baseUrl,
        files,
        filterChanges: format === 'csv' ? Number(values.changes) : 0,
        seed: Number(values.seed),
        label: format,
      });
      const notLoaded = load.files.filter((f) => f.status !== 'loaded');
      if (load.files.length !== files.length || notLoaded.length) {
        throw new Error(`the browser did not load every file: ${JSON.stringify(notLoaded.slice(0, 3))}`);
      }
      console.log(`${format}: native …`);
      const native = !values['no-native'] ? await runNativeScenario(files) : null;
      results.push({ format, files: files.length, bytes, browser: load, redraws, native });
      report(inputs, results, x12Parse, startedAt); // written after each format, so a later failure loses nothing
    }
    if (!only || only.includes('x12-parse')) {
      console.log('\n835 parsing in a Chromium worker …');
      x12Parse = await x12WorkerSpeed(inputs.x12.paths.filter((p) => p.endsWith('.835')), Number(values['x12-runs']));
      report(inputs, results, x12Parse, startedAt);
    }
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

function machine() {
  const cpus = os.cpus();
  const chromium = (() => {
    try {
      return execSync(`${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} --version`, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    loadAverageAtStart: LOAD_AT_START,
  };
}

function report(inputs: BenchInputs, results: FormatResult[], x12Parse: X12WorkerSpeed | null, startedAt: Date): void {
  const m = machine();
  const rows: [string, ...string[]][] = [];
  const summary = results.map((r) => {
    const b = r.browser;
    const loadClassify = b.ingestSeconds + b.classifySeconds;
    const all = r.redraws.map((x) => x.allMs);
    const paintCached = r.redraws.flatMap((x) => (x.newCalls === 0 ? [x.paintMs] : []));
    const paintUncached = r.redraws.flatMap((x) => (x.newCalls > 0 ? [x.paintMs] : []));
    const chart = r.redraws.flatMap((x) => (x.chartMs === null ? [] : [x.chartMs]));
    const s = {
      format: r.format,
      files: r.files,
      megabytes: Number((r.bytes / MB).toFixed(1)),
      lines: inputs.lines,
      ingestSeconds: round(b.ingestSeconds),
      classifySeconds: round(b.classifySeconds),
      firstChartSeconds: round(b.firstChartSeconds),
      settledSeconds: round(b.settledSeconds),
      rowsPerSecond: Math.round(inputs.lines / loadClassify),
      megabytesPerSecond: round((r.bytes / MB) / loadClassify),
      ingestMegabytesPerSecond: round((r.bytes / MB) / b.ingestSeconds),
      parseMegabytesPerSecond: Object.fromEntries(Object.entries(b.parseMBps).map(([k, v]) => [k, round(v)])),
      nativeLoadSeconds: r.native ? round(r.native.loadSeconds) : null,
      nativeClassifySeconds: r.native ? round(r.native.classifySeconds) : null,
      wasmToNative: r.native ? round(loadClassify / (r.native.loadSeconds + r.native.classifySeconds)) : null,
      redrawPaintCachedChanges: paintCached.length,
      redrawPaintCachedP50Ms: percentile(paintCached, 50),
      redrawPaintCachedP95Ms: percentile(paintCached, 95),
      redrawPaintUncachedChanges: paintUncached.length,
      redrawPaintUncachedP50Ms: percentile(paintUncached, 50),
      redrawPaintUncachedP95Ms: percentile(paintUncached, 95),
      redrawAllP50Ms: percentile(all, 50),
      redrawAllP95Ms: percentile(all, 95),
      redrawChartP50Ms: percentile(chart, 50),
      redrawChartP95Ms: percentile(chart, 95),
      peakRendererMB: Math.round(b.peakRendererBytes / MB),
      rendererBaselineMB: Math.round(b.rendererBaselineBytes / MB),
      peakToInput: round(b.peakRendererBytes / r.bytes),
      growthToInput: round((b.peakRendererBytes - b.rendererBaselineBytes) / r.bytes),
  peakMainHeapMB: Math.round(b.peakMainHeapBytes / MB),
      longTasksDuringLoad: b.longTasks,
      longTasksUntilSettled: b.longTasksUntilSettled,
    };
    rows.push([`${r.format.toUpperCase()} (${s.megabytes} MB, ${r.files} files)`,
      `${s.ingestSeconds} s`, `${s.classifySeconds} s`, `${s.firstChartSeconds} s`,
      `${s.rowsPerSecond.toLocaleString('en-US')}`, `${s.megabytesPerSecond}`,
      Object.entries(s.parseMegabytesPerSecond).map(([k, v]) => `${k} ${v}`).join(', ') || '—',
      s.wasmToNative === null ? '—' : `${s.wasmToNative}× (${round(s.nativeLoadSeconds! + s.nativeClassifySeconds!)} s)`,
      paintUncached.length ? `${s.redrawPaintUncachedP50Ms} / ${s.redrawPaintUncachedP95Ms} ms (${paintUncached.length})` : '—',
      paintCached.length ? `${s.redrawPaintCachedP50Ms} / ${s.redrawPaintCachedP95Ms} ms (${paintCached.length})` : '—',
      `${s.peakRendererMB} MB (${s.peakToInput}×; +${s.growthToInput}× over ${s.rendererBaselineMB} MB)`,
      `${b.longTasks.count}, max ${b.longTasks.maxMs} ms`]);
    return s;
  });
  const header = ['format', 'ingest', 'classify', 'first chart', 'rows/s', 'MB/s', 'parse MB/s', 'WASM/native', 'to paint, uncached p50/p95 (n)', 'to paint, cached p50/p95 (n)', 'peak renderer', 'long tasks (load)'];
  console.log(`\n${inputs.lines.toLocaleString('en-US')} lines on ${m.cpu}, ${m.cores} cores, ${m.chromium}\n`);
  printTable([header, ...rows]);
  if (x12Parse) {
    console.log(`\n835 parsing in a Chromium worker, ${(x12Parse.bytes / MB).toFixed(0)} MB in ${x12Parse.files} files: ` +
      `median ${x12Parse.medianMBps} MB/s of ${x12Parse.runsMBps.join(', ')}`);
  }

  // start of the run, to the second: two runs on one day never share a name
  const stamp = startedAt.toISOString().slice(0, 19).replace(/:/g, '') + 'Z';
  const slug = `${m.cpu}-${m.cores}c`.toLowerCase().replace(/\(r\)|\(tm\)|cpu|@.*?ghz/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  mkdirSync('bench/results', { recursive: true });
  const path = join('bench/results', `${stamp}-${slug}${values.label ? `-${values.label}` : ''}.json`);
  const document = {
    date: startedAt.toISOString(),
    label: values.label ?? null,
    commit: execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim(),
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
    machine: m,
    inputs: { lines: inputs.lines, seed: inputs.seed, scale: inputs.scale, csvBytes: inputs.csv.bytes, x12Bytes: inputs.x12.bytes, remitBytes: inputs.x12.remitBytes, claimBytes: inputs.x12.claimBytes },
    measured: MEASURED,
    results: summary,
    x12ParseInWorker: x12Parse,
    redraws: Object.fromEntries(results.map((r) => [r.format, r.redraws])),
    errors: Object.fromEntries(results.map((r) => [r.format, r.browser.errors])),
  };
  writeFileSync(path, `${JSON.stringify(document, null, 1)}\n`);
  console.log(`\nwritten to ${path}`);
}

/** What each figure is, written into the results file. */
const MEASURED = {
  ingestSeconds: 'file input change → the worker reports the classifying phase (hash, parse, load into the canonical tables, every file)',
  classifySeconds: 'Engine.refresh in the worker (links, chains, classification, denial_facts, patterns) → the load request answered',
  firstChartSeconds: 'file input change → the Monthly review\'s by-category chart has bars in the DOM',
  settledSeconds: 'file input change → every panel rendered (no engine request open, DOM quiet for 500 ms)',
  rowsPerSecond: 'service lines / (ingest + classify)',
  parseMegabytesPerSecond: 'X12 bytes parsed per second in the worker, from the parser\'s progress reports (first to last report of each file)',
  wasmToNative: '(browser ingest + classify) / (native DuckDB load + refresh of the same files through the same Engine, @duckdb/node-api 1.4.3-r.3, threads=2)',
  redraw: 'Monthly review, a random filter change (month, basis, payer, provider, category) or, half the time, going back to the filters before the last change: change event → the first paint after the last DOM change of the page (paint: a requestAnimationFrame callback after that change posts a message, handled once the frame is painted) / last DOM change of the page (all) / of the by-category chart (chart); page performance.now(). cached = the change asked the engine only calls it had asked before (answered from the CachingDb); uncached = at least one new call',
  peakRendererMB: 'peak resident set (VmHWM, /proc) of the Chromium renderer process hosting the page, its workers and DuckDB-WASM\'s memory; peakToInput = that / input bytes; rendererBaselineMB = the same process before the file was picked (app started, reference loaded); growthToInput = (peak − baseline) / input bytes',
  x12ParseInWorker: '835 files of the inputs fetched into a Chromium worker, then parsed (parseX12, bundled by esbuild) five times file after file; MB/s of each run = their bytes / the time parseX12 took on them; the median of the runs',
  peakMainHeapMB: 'peak JSHeapUsedSize of the page\'s main thread (CDP Performance.getMetrics, sampled every 500 ms)',
  longTasks: 'PerformanceObserver longtask entries of the page\'s main thread between the file input change and the first chart (and until settled)',
};

const round = (x: number) => Math.round(x * 100) / 100;

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
