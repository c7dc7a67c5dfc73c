/**
 * One load in headless Chromium through the app's real path: the file input
 * (#file-input) → engine worker → DuckDB-WASM → classification → the Monthly
 * review's charts; then, optionally, random filter changes on that page.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mulberry32, randomInt } from '../src/engine/random/prng.ts';
import { PAGE_PROBE, type ProbeState } from './page-probe.ts';
import { RendererMemory } from './renderer-memory.ts';

/** As test/browser/browser.ts: root needs --no-sandbox; Chromium itself calls no one. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const LOAD_TIMEOUT_MS = 60 * 60 * 1000;
/** The page has settled when no request is open and the DOM has not changed for this long. */
const QUIET_MS = 500;

export interface LoadTiming {
  /** file input change → the worker starts classifying (parse + load of every file). */
  ingestSeconds: number;
  /** classification (Engine.refresh) in the worker. */
  classifySeconds: number;
  /** file input change → the by-category chart has bars. */
  firstChartSeconds: number;
  /** file input change → every panel of the page rendered (no open request, DOM quiet). */
  settledSeconds: number;
  /** Main-thread long tasks from the file input change until the first chart (and until settled). */
  longTasks: { count: number; maxMs: number; totalMs: number };
  longTasksUntilSettled: { count: number; maxMs: number; totalMs: number };
  /** Parsing rate of each format in the worker (bytes parsed / time, from the progress reports), MB/s. */
  parseMBps: Record<string, number>;
  /** Peak resident memory of the renderer process hosting the page (and its workers), bytes. */
  peakRendererBytes: number;
  /** Resident memory of the renderers before the files were chosen (app, DuckDB-WASM and the reference loaded), bytes. */
  rendererBaselineBytes: number;
  /** Peak JS heap of the page's main thread (CDP Performance.getMetrics JSHeapUsedSize), bytes. */
  peakMainHeapBytes: number;
  errors: string[];
  files: NonNullable<ProbeState['loadResults']>;
}

export interface RedrawTiming {
  action: string;
  /** change event → the first paint after the last DOM change of the page (every panel redrawn and painted). */
  paintMs: number;
  /** change event → last DOM change of the page. */
  allMs: number;
  /** change event → last DOM change inside the by-category chart (null when it did not change). */
  chartMs: number | null;
  /** Engine calls the change asked, and how many of them had not been asked before (0: all answered from the engine's cache). */
  calls: number;
  newCalls: number;
}

export async function runBrowserScenario(args: {
  baseUrl: string;
  files: string[];
  filterChanges: number;
  seed: number;
  /** For the progress lines printed while loading. */
  label: string;
}): Promise<{ load: LoadTiming; redraws: RedrawTiming[] }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    return await scenario(browser, args);
  } finally {
    await browser.close();
  }
}

async function scenario(browser: Browser, args: { baseUrl: string; files: string[]; filterChanges: number; seed: number; label: string }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(PAGE_PROBE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakMainHeapBytes = 0;
  const memory = new RendererMemory();
  const heapTimer = setInterval(() => {
    cdp.send('Performance.getMetrics').then(
      ({ metrics }) => {
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        peakMainHeapBytes = Math.max(peakMainHeapBytes, used);
      },
      () => {},
    );
  }, 500);

  try {
    await page.goto(args.baseUrl);
    await page.locator('#file-input:enabled').waitFor({ state: 'attached', timeout: 120_000 });
    await engineIdle(page); // the shipped ICD-10-CM reference loads first, in the worker's queue
    memory.start();

    await page.setInputFiles('#file-input', args.files);
    await waitForFirstChart(page, args.label);
    await settled(page, 0);
    const probe = await probeState(page);
    const start = probe.inputAt;
    const classifying = probe.progress.find((p) => p.phase === 'classifying');
    const loadReply = probe.replies.find((t) => t > start)!;
    const chartAt = probe.chartAt!;
    const load: LoadTiming = {
      ingestSeconds: ((classifying?.t ?? loadReply) - start) / 1000,
      classifySeconds: classifying ? (loadReply - classifying.t) / 1000 : 0,
      firstChartSeconds: (chartAt - start) / 1000,
      settledSeconds: (probe.lastMutation - start) / 1000,
      longTasks: longTaskSummary(probe, start, chartAt),
      longTasksUntilSettled: longTaskSummary(probe, start, probe.lastMutation),
      parseMBps: parseRates(probe),
      peakRendererBytes: 0,
      rendererBaselineBytes: 0,
      peakMainHeapBytes: 0,
      errors,
      files: probe.loadResults ?? [],
    };

    const redraws: RedrawTiming[] = [];
    const random = mulberry32(args.seed);
    let undo: Undo | null = null;
    for (let i = 0; i < args.filterChanges; i++) {
      // Half the time go back to the filters before the last change: the same questions
      // again, which the engine's cache answers; otherwise a new random change.
      if (undo && random() < 0.5) {
        const run = undo.run;
        const timing = await timedChange(page, `undo ${undo.name}`, async (p) => {
          await run(p);
          return true;
        });
        if (timing) redraws.push(timing);
        undo = null;
      } else {
        const { timing, undo: next } = await randomFilterChange(page, random);
        redraws.push(timing);
        undo = next;
      }
    }

    load.peakRendererBytes = memory.stop();
    load.rendererBaselineBytes = memory.baselineBytes;
    load.peakMainHeapBytes = peakMainHeapBytes;
    return { load, redraws };
  } finally {
    clearInterval(heapTimer);
    memory.stop();
    await context.close();
  }
}

/** Polls for the first chart, printing where the load is every 30 s; fails fast when the engine reports a failure. */
async function waitForFirstChart(page: Page, label: string): Promise<void> {
  const started = Date.now();
  let lastReport = started;
  let idleSince: number | null = null;
  for (;;) {
    const p = await probeState(page);
    if (p.chartAt !== null) return;
    if (p.failures.length) throw new Error(`${label}: ${p.failures.join('; ')}`);
    idleSince = p.replies.some((t) => t > p.inputAt) && p.outstanding === 0 ? (idleSince ?? Date.now()) : null;
    if (idleSince !== null && Date.now() - idleSince > 60_000) {
      throw new Error(`${label}: the load was answered but no chart appeared: ${JSON.stringify(p.loadResults?.filter((r) => r.status !== 'loaded').slice(0, 3))}`);
    }
    if (Date.now() - started > LOAD_TIMEOUT_MS) throw new Error(`${label}: no chart after ${LOAD_TIMEOUT_MS / 60_000} minutes`);
    if (Date.now() - lastReport >= 30_000) {
      lastReport = Date.now();
      const last = p.progress.at(-1);
      const where = last ? `${last.phase} ${last.file} ${last.total ? Math.round((100 * last.done) / last.total) : 0} %` : 'starting';
      console.log(`  ${label}: ${Math.round((Date.now() - started) / 1000)} s, ${where}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const probeState = (page: Page) => page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench) as Promise<ProbeState>;

/** Resolves once the worker has answered a trivial request queued now: everything queued before it is done. */
/**
 * Resolves once the worker has answered a trivial request queued now: everything queued
 * before it is done. (Evaluated functions hold no named inner functions: this script's
 * bundler would wrap them in a helper the page does not have; and the app's CSP forbids eval.)
 */
async function engineIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const worker = (window as unknown as { __bench: { worker: Worker } }).__bench.worker;
        const id = -1 - Math.floor(Math.random() * 1e9);
        worker.addEventListener('message', (event: MessageEvent) => {
          if (event.data?.kind === 'reply' && event.data.id === id) resolve();
        });
        worker.postMessage({ id, kind: 'call', method: 'filterOptions', args: [] });
      }),
  );
}

/** Waits until more than `replies` replies arrived, none is open, and the DOM has been quiet. */
async function settled(page: Page, replies: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    const s = await page.evaluate(() => {
      const b = (window as unknown as { __bench: ProbeState }).__bench;
      return { replies: b.replies.length, outstanding: b.outstanding, quiet: performance.now() - b.lastMutation, failures: b.failures };
    });
    if (s.failures.length) throw new Error(s.failures.join('; '));
    if (s.replies > replies && s.outstanding === 0 && s.quiet > QUIET_MS) return;
    if (Date.now() - started > LOAD_TIMEOUT_MS) throw new Error('the page did not settle');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function longTaskSummary(probe: ProbeState, from: number, to: number) {
  const tasks = probe.longtasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  return {
    count: tasks.length,
    maxMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    totalMs: Math.round(tasks.reduce((s, t) => s + t.duration, 0)),
  };
}

/**
 * Bytes parsed per second by format, from the 'parsing' progress reports of
 * each file (the parser reports fractions as it goes): the bytes between a
 * file's first and last report over the time between them, summed per format.
 */
function parseRates(probe: ProbeState): Record<string, number> {
  const byFile = new Map<string, { t0: number; d0: number; t1: number; d1: number }>();
  for (const p of probe.progress) {
    if (p.phase !== 'parsing') continue;
    const f = byFile.get(p.file);
    if (!f) byFile.set(p.file, { t0: p.t, d0: p.done, t1: p.t, d1: p.done });
    else Object.assign(f, { t1: p.t, d1: p.done });
  }
  const sums = new Map<string, { bytes: number; ms: number }>();
  for (const [file, f] of byFile) {
    if (f.t1 <= f.t0) continue;
    const format = file.endsWith('.835') ? '835' : file.endsWith('.837') ? '837P' : 'other';
    const s = sums.get(format) ?? { bytes: 0, ms: 0 };
    s.bytes += f.d1 - f.d0;
    s.ms += f.t1 - f.t0;
    sums.set(format, s);
  }
  return Object.fromEntries([...sums].map(([format, s]) => [format, s.bytes / 1e6 / (s.ms / 1000)]));
}

/** Puts the filters back as they were before a change. */
type Undo = { name: string; run: (page: Page) => Promise<void> };
/** Changes one filter; null when it cannot (nothing to choose), otherwise how to undo it. */
type Action = { name: string; run: (page: Page, random: () => number) => Promise<Undo['run'] | null> };

/** Changes one filter of the Monthly review at random and times the redraw. */
async function randomFilterChange(page: Page, random: () => number): Promise<{ timing: RedrawTiming; undo: Undo }> {
  for (;;) {
    const action = ACTIONS[randomInt(random, ACTIONS.length)];
    let undo: Undo['run'] | null = null;
    const timing = await timedChange(page, action.name, async (p) => {
      undo = await action.run(p, random);
      return undo !== null;
    });
    if (timing && undo) return { timing, undo: { name: action.name, run: undo } };
  }
}

/** Runs one change and waits for the page to settle (null when there was nothing to change); times are the page's performance.now(). */
async function timedChange(page: Page, action: string, change: (page: Page) => Promise<boolean>): Promise<RedrawTiming | null> {
  const before = await probeState(page);
  await closeDetails(page);
  if (!(await change(page))) return null;
  await settled(page, before.replies.length);
  const p = await probeState(page);
  const asked = p.calls.slice(before.calls.length);
  const earlier = new Set(before.calls);
  return {
    action,
    paintMs: Math.round(p.lastPaint - p.inputAt),
    allMs: Math.round(p.lastMutation - p.inputAt),
    chartMs: p.lastChartMutation > p.inputAt ? Math.round(p.lastChartMutation - p.inputAt) : null,
    calls: asked.length,
    newCalls: asked.filter((c) => !earlier.has(c)).length,
  };
}

async function closeDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open')));
}

const toggleIn = (filter: string): Action['run'] => async (page, random) => {
  const details = page.getByTestId(`filter-${filter}`);
  await details.locator('summary').click();
  const boxes = details.locator('input[type=checkbox]');
  const n = await boxes.count();
  if (n === 0) return null;
  const which = randomInt(random, n);
  await boxes.nth(which).click();
  return async (p) => {
    const again = p.getByTestId(`filter-${filter}`);
    await again.locator('summary').click();
    await again.locator('input[type=checkbox]').nth(which).click();
  };
};

const ACTIONS: Action[] = [
  {
    name: 'month',
    run: async (page, random) => {
      const picker = page.getByTestId('month-picker');
      const current = await picker.inputValue();
      const months = (await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter((m) => m !== current);
      if (months.length === 0) return null;
      await picker.selectOption(months[randomInt(random, months.length)]);
      return async (p) => {
        await p.getByTestId('month-picker').selectOption(current);
      };
    },
  },
  {
    name: 'basis',
    run: async (page) => {
      const flip = async (p: Page) => p.locator('fieldset.basis input[type=radio]:not(:checked)').click();
      await flip(page);
      return flip;
    },
  },
  { name: 'payer', run: toggleIn('payers') },
  { name: 'provider', run: toggleIn('providers') },
  { name: 'category', run: toggleIn('categories') },
];
