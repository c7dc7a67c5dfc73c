import { CANCELLED, type BatchPosition, type EngineArgs, type EngineMethod, type EngineResult, type LoadReply, type WorkerError, type WorkerMessage, type WorkerRequest } from '../worker/protocol.ts';
import type { HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';
import type { LoadProgress } from '../engine/ingest/load-progress.ts';
import type { ReferenceRestore } from '../worker/restore-reference.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** An engine request's answer, which the page can cancel while it waits (see the worker's queue). */
export type EngineRequest<T> = Promise<T> & { cancel: () => void };

/** An error the engine sent back: its name, message and stack as the worker saw them, and the method that failed. */
export class EngineError extends Error {
  readonly method: string;
  constructor(error: WorkerError) {
    super(error.message);
    this.name = error.name;
    this.method = error.method;
    if (error.stack) this.stack = error.stack;
  }
}

/** True for the answer to a request that was cancelled: nobody waits for it, it is not a failure to show. */
export const isCancelled = (error: unknown) => error instanceof EngineError && error.name === CANCELLED;

/** The page's handle on the engine worker: typed calls, progress events, one request at a time in the worker. */
export class EngineClient {
  private readonly worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly ready: Promise<void>;
  onProgress: (file: string, progress: LoadProgress, batch: BatchPosition) => void = () => {};
  onReferenceFailed: (error: string) => void = () => {};
  onReferenceRestore: (restore: ReferenceRestore) => void = () => {};

  constructor() {
    let markReady!: () => void;
    let fail!: (e: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      fail = reject;
    });
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'ready') markReady();
      else if (message.kind === 'fatal') fail(new Error(message.error));
      else if (message.kind === 'progress') this.onProgress(message.file, message.progress, message.batch);
      else if (message.kind === 'reference-failed') this.onReferenceFailed(message.error);
      else if (message.kind === 'reference-restore') this.onReferenceRestore(message);
      else {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new EngineError(message.error));
      }
    };
    this.worker.onerror = (event) => fail(new Error(event.message || 'the engine worker failed to start'));
  }

  call<M extends EngineMethod>(method: M, ...args: EngineArgs<M>): EngineRequest<EngineResult<M>> {
    const id = this.nextId++;
    const answer = this.send({ id, kind: 'call', method, args }) as Promise<EngineResult<M>>;
    return Object.assign(answer, { cancel: () => this.worker.postMessage({ id, kind: 'cancel' } satisfies WorkerRequest) });
  }

  load(files: File[], mappings: Record<string, HeaderMapping>, fileMappings?: (HeaderMapping | null)[]): Promise<LoadReply> {
    return this.send({ id: this.nextId++, kind: 'load', files, mappings, fileMappings }) as Promise<LoadReply>;
  }

  private send(request: WorkerRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }
}
