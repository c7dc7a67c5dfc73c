/// <reference lib="webworker" />
import { Engine } from '../engine/engine.ts';
import { createBrowserDb, wasmMemoryBytes } from './browser-db.ts';
import { CANCELLED, workerError, type WorkerMessage, type WorkerRequest } from './protocol.ts';
import { isCallable } from '../engine/engine-api.ts';
import { rejectedFile, type FileLoadResult } from '../engine/ingest/file-load-result.ts';
import type { HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';
import { SHIPPED_REFERENCE_FILES, type ShippedReferenceBytes } from '../engine/reference/load-reference.ts';
import { restoreImportedReference } from './restore-reference.ts';
import { checkMemoryBudget, sniffLoadKind } from '../browser/memory-budget.ts';
import { messageOf } from '../engine/message-of.ts';

/**
 * Hosts the engine off the main thread: parsing, loading and every query run
 * here, so the page stays responsive while a year of remittances loads.
 */
const post = (message: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

const enginePromise = createBrowserDb().then((db) => Engine.open(db));
enginePromise.then(
  () => post({ kind: 'ready' }),
  (error) => post({ kind: 'fatal', error: String(error) }),
);

// Requests are handled one at a time, in order: DuckDB runs synchronously here.
// The shipped ICD-10-CM reference is fetched first, in the background, so that the
// page is usable at once and the first file dropped is classified against it; then the
// reference files the user imported earlier are imported again (kept in IndexedDB).
let queue: Promise<void> = enginePromise
  .then(async (engine) => engine.loadReference(await fetchShippedReference()))
  .catch((error) => post({ kind: 'reference-failed', error: messageOf(error) }))
  .then(() => enginePromise.then((engine) => restoreImportedReference(engine, (restore) => post({ kind: 'reference-restore', ...restore }))))
  .catch(() => {}); // the engine did not start: 'fatal' says so
// A request waits its turn; between two requests the worker yields to its message
// queue, so a cancel sent meanwhile (the panel asked again) is seen before the stale
// request runs. DuckDB runs synchronously: a request already running is not interrupted.
const cancelled = new Set<number>();
const turn = new MessageChannel();
const nextTask = () => new Promise<void>((resolve) => {
  turn.port1.onmessage = () => resolve();
  turn.port2.postMessage(null);
});
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  queue = queue.then(nextTask).then(() => handle(request));
};

async function handle(request: Exclude<WorkerRequest, { kind: 'cancel' }>): Promise<void> {
  const method = request.kind === 'call' ? request.method : 'load';
  if (cancelled.delete(request.id)) {
    post({ kind: 'reply', id: request.id, ok: false, error: { name: CANCELLED, message: `${method} was no longer needed`, method } });
    return;
  }
  try {
    const engine = await enginePromise;
    if (request.kind === 'call') {
      if (!isCallable(request.method)) throw new Error(`${request.method} is not an engine method the page may call`);
      const run = engine[request.method] as (...args: unknown[]) => Promise<unknown>;
      post({ kind: 'reply', id: request.id, ok: true, value: await run.apply(engine, request.args) });
    } else {
      post({ kind: 'reply', id: request.id, ok: true, value: await load(engine, request.files, request.mappings, request.fileMappings) });
    }
  } catch (error) {
    post({ kind: 'reply', id: request.id, ok: false, error: workerError(error, method) });
  }
}

async function load(
  engine: Engine,
  files: File[],
  mappings: Record<string, HeaderMapping>,
  fileMappings: (HeaderMapping | null)[] = [],
): Promise<FileLoadResult[]> {
  const results: FileLoadResult[] = [];
  for (const [i, file] of files.entries()) {
    // Before reading the file: will its load fit beside what is loaded already?
    const budget = checkMemoryBudget(file.size, await sniffLoadKind(file), {
      deviceGiB: (navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? null,
      engineBytes: wasmMemoryBytes(),
    });
    if (!budget.fits) {
      results.push(rejectedFile(file.name, budget.message));
      continue;
    }
    const rowsBefore = results.reduce((n, r) => n + r.rowsRead, 0);
    results.push(
      await engine.loadFile({ name: file.name, blob: file }, {
        mapping: fileMappings[i] ?? undefined,
        mappingFor: (signature) => mappings[signature],
        onProgress: (name, progress) =>
          post({ kind: 'progress', file: name, progress, batch: { file: i + 1, files: files.length, rowsRead: rowsBefore + progress.rowsRead } }),
      }),
    );
  }
  if (results.some((r) => r.status === 'loaded')) {
    const rowsRead = results.reduce((n, r) => n + r.rowsRead, 0);
    post({ kind: 'progress', file: '', progress: { phase: 'classifying', rowsRead: 0, bytesDone: 0, bytesTotal: 0 }, batch: { file: files.length, files: files.length, rowsRead } });
    await engine.refresh();
  }
  return results;
}

async function fetchShippedReference(): Promise<ShippedReferenceBytes> {
  const read = async (name: string) => {
    const response = await fetch(`/reference/${name}`);
    if (!response.ok) throw new Error(`/reference/${name}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const entries = Object.entries(SHIPPED_REFERENCE_FILES).map(async ([key, name]) => [key, await read(name)]);
  return Object.fromEntries(await Promise.all(entries)) as ShippedReferenceBytes;
}
