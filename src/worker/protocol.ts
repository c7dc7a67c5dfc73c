import type { EngineApi, EngineMethod } from '../engine/engine-api.ts';
import type { FileLoadResult } from '../engine/ingest/file-load-result.ts';
import type { HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';
import type { LoadProgress } from '../engine/ingest/load-progress.ts';
import type { ReferenceRestore } from './restore-reference.ts';

/** Engine methods the page may call: the engine's allow-list (src/engine/engine-api.ts). */
export type { EngineMethod };
export type EngineArgs<M extends EngineMethod> = Parameters<EngineApi[M]>;
export type EngineResult<M extends EngineMethod> = Awaited<ReturnType<EngineApi[M]>>;

export type WorkerRequest =
  | { id: number; kind: 'call'; method: EngineMethod; args: unknown[] }
  /** The page no longer waits for request `id` (its panel asked again or went away): skip it if it has not run. */
  | { id: number; kind: 'cancel' }
  | {
      id: number;
      kind: 'load';
      files: File[];
      /** Mappings the user confirmed earlier, by header signature. */
      mappings: Record<string, HeaderMapping>;
      /** Per file, the mapping it must be loaded with (a kept file loaded again at start-up). */
      fileMappings?: (HeaderMapping | null)[];
    };

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'fatal'; error: string }
  /** The shipped ICD-10-CM reference could not be loaded: codes are then "unknown to reference". */
  | { kind: 'reference-failed'; error: string }
  /** The user's imported reference files are being imported again at start-up, or were. */
  | ({ kind: 'reference-restore' } & ReferenceRestore)
  | { kind: 'progress'; file: string; progress: LoadProgress; batch: BatchPosition }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: WorkerError };

/** An error sent whole across the worker boundary, so the page can say what failed and where. */
export interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  /** the engine method that failed ('load' for a load) */
  method: string;
}

/** The reply to a request the page cancelled before it ran. */
export const CANCELLED = 'Cancelled';

export function workerError(error: unknown, method: string): WorkerError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack, method };
  return { name: 'Error', message: String(error), method };
}

export type LoadReply = FileLoadResult[];

/** Where a batch of files is: the file being read (1-based) of how many, and the rows read so far by the whole batch. */
export interface BatchPosition {
  file: number;
  files: number;
  rowsRead: number;
}

/** Reference imports bigger than this are refused before reading (claim files: src/browser/memory-budget.ts). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
