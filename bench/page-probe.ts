/**
 * Instruments the page before the app starts (Playwright init script; plain JS in
 * a string so the bundler of this script cannot inject helpers into it):
 * - long tasks of the page's main thread (PerformanceObserver 'longtask');
 * - the engine worker's messages (progress phases with their time, replies, the
 *   load's per-file results), by
 *   wrapping the Worker constructor, and the number of requests still open;
 * - the time of the latest DOM change, overall and inside the by-category chart, and
 *   of the first paint after it (a requestAnimationFrame callback runs before the
 *   frame is painted; a message posted from it is handled once that frame is done);
 * - the engine calls asked (method and arguments), to tell whether a filter change
 *   asked only questions asked before (answered by the engine's cache) or new ones;
 * - the time of the latest user input (a 'change' event: file input, select, checkbox, radio).
 * All times are performance.now() of the page.
 */
export interface ProbeProgress {
  t: number;
  file: string;
  phase: string;
  done: number;
  total: number;
}

export interface ProbeState {
  longtasks: { start: number; duration: number }[];
  progress: ProbeProgress[];
  replies: number[];
  outstanding: number;
  lastMutation: number;
  lastChartMutation: number;
  /** The first paint after the latest DOM change (see the header). */
  lastPaint: number;
  /** Engine calls asked so far, as JSON of [method, args], in order. */
  calls: string[];
  /** First time the by-category chart had bars. */
  chartAt: number | null;
  inputAt: number;
  /** Engine requests that failed (and page errors), with their messages. */
  failures: string[];
  /** Requests the page cancelled before the worker ran them (a filter changed again meanwhile). */
  cancelled: number;
  /** What the load request answered, file by file. */
  loadResults?: { name: string; status: string; rowsLoaded: number; rowsRejected: number; message: string }[];
}

export const PAGE_PROBE = /* js */ `
(() => {
  const b = window.__bench = { longtasks: [], progress: [], replies: [], outstanding: 0, lastMutation: 0, lastChartMutation: 0, lastPaint: 0, calls: [], chartAt: null, inputAt: 0, loadResults: undefined, failures: [], cancelled: 0 };
  window.addEventListener('error', (e) => b.failures.push('page error: ' + e.message));
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      b.worker = this;
      this.addEventListener('error', (event) => b.failures.push('worker error: ' + (event.message || 'unknown')));
      this.addEventListener('message', (event) => {
        const m = event.data;
        const t = performance.now();
        if (!m) return;
        if (m.kind === 'progress') b.progress.push({ t, file: m.file, phase: m.progress.phase, done: m.progress.bytesDone, total: m.progress.bytesTotal });
        if (m.kind === 'reply') { b.outstanding--; b.replies.push(t); }
        if (m.kind === 'reply' && !m.ok && m.error.name === 'Cancelled') b.cancelled++;
        else if (m.kind === 'reply' && !m.ok) b.failures.push(m.error.method + ': ' + m.error.name + ': ' + m.error.message);
        if (m.kind === 'fatal') b.failures.push('engine failed to start: ' + m.error);
        if (m.kind === 'reply' && m.ok && Array.isArray(m.value) && m.value.length && 'rowsLoaded' in m.value[0]) {
          b.loadResults = m.value.map((r) => ({ name: r.name, status: r.status, rowsLoaded: r.rowsLoaded, rowsRejected: r.rowsRejected, message: r.message }));
        }
      });
    }
    postMessage(message, ...rest) {
      if (message && (message.kind === 'call' || message.kind === 'load')) b.outstanding++;
      if (message && message.kind === 'call' && message.id >= 0) b.calls.push(JSON.stringify([message.method, message.args]));
      return super.postMessage(message, ...rest);
    }
  };
  document.addEventListener('change', () => { b.inputAt = performance.now(); }, true);
  const chartHasBars = () => !!document.querySelector('[data-testid="monthly-chart"] .recharts-bar-rectangle');
  let framePending = false;
  const paintChannel = new MessageChannel();
  paintChannel.port1.onmessage = () => { b.lastPaint = performance.now(); };
  const afterNextPaint = () => {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => { framePending = false; paintChannel.port2.postMessage(null); });
  };
  const observe = () => new MutationObserver((records) => {
    const t = performance.now();
    b.lastMutation = t;
    afterNextPaint();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest('[data-testid="monthly-chart"]')) { b.lastChartMutation = t; break; }
    }
    if (b.chartAt === null && chartHasBars()) b.chartAt = t;
  }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  if (document.documentElement) observe(); else document.addEventListener('DOMContentLoaded', observe);
})();
`;
