/**
 * `npm run bench [-- --lines 1000000 --changes 50 --no-build --only csv|x12 --no-native]`
 *
 * 1. Generates ~N service lines with the sample generator at scale, as one CSV
 *    export and as 837P + 835 files (bench/out/, reused while unchanged).
 * 2. Builds the app and serves it (vite preview), then in headless Chromium loads
 *    each format through the file input, waits for the first chart, and changes the
 *    Monthly review's filters at random (see browser-scenario.ts for what is timed).
 * 3. Loads and classifies the same files on native DuckDB (same engine, same SQL).
 * 4. Prints a table and writes bench/results/<date>-<machine>.json.
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

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    changes: { type: 'string', default: '50' },
    seed: { type: 'string', default: '7' },
    only: { type: 'string' },
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
  try {
    for (const format of ['csv', 'x12'] as const) {
      if (values.only && values.only !== format) continue;
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
      report(inputs, results); // written after each format, so a later failure loses nothing
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
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

function report(inputs: BenchInputs, results: FormatResult[]): void {
  const m = machine();
  const rows: [string, ...string[]][] = [];
  const summary = results.map((r) => {
    const b = r.browser;
    const loadClassify = b.ingestSeconds + b.classifySeconds;
    const all = r.redraws.map((x) => x.allMs);
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
      all.length ? `${s.redrawAllP50Ms} / ${s.redrawAllP95Ms} ms` : '—',
      chart.length ? `${s.redrawChartP50Ms} / ${s.redrawChartP95Ms} ms` : '—',
      `${s.peakRendererMB} MB (${s.peakToInput}×; +${s.growthToInput}× over ${s.rendererBaselineMB} MB)`,
      `${b.longTasks.count}, max ${b.longTasks.maxMs} ms`]);
    return s;
  });
  const header = ['format', 'ingest', 'classify', 'first chart', 'rows/s', 'MB/s', 'parse MB/s', 'WASM/native', 'redraw all p50/p95', 'chart p50/p95', 'peak renderer', 'long tasks (load)'];
  console.log(`\n${inputs.lines.toLocaleString('en-US')} lines on ${m.cpu}, ${m.cores} cores, ${m.chromium}\n`);
  printTable([header, ...rows]);

  const date = new Date().toISOString().slice(0, 10);
  const slug = `${m.cpu}-${m.cores}c`.toLowerCase().replace(/\(r\)|\(tm\)|cpu|@.*?ghz/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  mkdirSync('bench/results', { recursive: true });
  const path = join('bench/results', `${date}-${slug}.json`);
  const document = {
    date: new Date().toISOString(),
    machine: m,
    inputs: { lines: inputs.lines, seed: inputs.seed, scale: inputs.scale, csvBytes: inputs.csv.bytes, x12Bytes: inputs.x12.bytes, remitBytes: inputs.x12.remitBytes, claimBytes: inputs.x12.claimBytes },
    measured: MEASURED,
    results: summary,
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
  redraw: 'Monthly review, random filter change (month, basis, payer, provider, category): change event → last DOM change of the page (all) / of the by-category chart (chart); page performance.now()',
  peakRendererMB: 'peak resident set (VmHWM, /proc) of the Chromium renderer process hosting the page, its workers and DuckDB-WASM\'s memory; peakToInput = that / input bytes; rendererBaselineMB = the same process before the file was picked (app started, reference loaded); growthToInput = (peak − baseline) / input bytes',
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
