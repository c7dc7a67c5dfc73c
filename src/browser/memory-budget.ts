import { detectFormat } from '../engine/ingest/detect-format.ts';
import { formatBytes } from './format-bytes.ts';

/**
 * Whether a file fits in what this browser can still hold, decided before the file is read,
 * so that a file too big gets a clear message instead of a crashed tab.
 *
 * Peak memory of a load, per byte of input (renderer process peak RSS growth, load and
 * classification, Chromium 156 on Linux, built app, Nov 2026): CSV export 11.3 (104 MB,
 * 502,458 rows); 835 48.2 (23 MB, 63,140 claims); 837P 37.7 (29 MB, 62,910 claims). X12 costs
 * more: the parsed segments are JavaScript objects before they reach DuckDB. Rounded up below;
 * remeasure when the loaders change (the benchmark prints peak renderer memory).
 */
export const PEAK_BYTES_PER_INPUT_BYTE = { csv: 12, x12: 50 } as const;
export type LoadKind = keyof typeof PEAK_BYTES_PER_INPUT_BYTE;

const GiB = 1024 ** 3;
/** wasm32: DuckDB-WASM's whole memory (its tables and its working memory) is at most 4 GiB. */
export const WASM_LIMIT_BYTES = 4 * GiB;
/** Take at most half of the computer's memory: the system, the browser and other tabs need the rest. */
const DEVICE_SHARE = 0.5;

export interface MemoryFacts {
  /**
   * navigator.deviceMemory (GiB, rounded by the browser), null when the browser does not tell
   * (Firefox, Safari): then only the WebAssembly limit applies, as on any PC with 8 GB or more.
   */
  deviceGiB: number | null;
  /** In use now: DuckDB-WASM's linear memory (the engine, the reference data, the data loaded so far), which never shrinks. */
  engineBytes: number;
}

export interface MemoryRoom {
  /** Bytes a load may still take at its peak. */
  bytes: number;
  /** What limits it: the computer's memory, or the 4 GiB of WebAssembly. */
  limitedBy: 'device' | 'wasm';
  ceilingBytes: number;
}

export function memoryRoom(facts: MemoryFacts): MemoryRoom {
  const device = facts.deviceGiB === null ? Infinity : facts.deviceGiB * GiB * DEVICE_SHARE;
  const limitedBy = device < WASM_LIMIT_BYTES ? 'device' : 'wasm';
  const ceilingBytes = Math.min(device, WASM_LIMIT_BYTES);
  return { bytes: Math.max(0, ceilingBytes - facts.engineBytes), limitedBy, ceilingBytes };
}

export type BudgetVerdict = { fits: true; needBytes: number; room: MemoryRoom } | { fits: false; needBytes: number; room: MemoryRoom; message: string };

export function checkMemoryBudget(size: number, kind: LoadKind, facts: MemoryFacts): BudgetVerdict {
  const factor = PEAK_BYTES_PER_INPUT_BYTE[kind];
  const needBytes = size * factor;
  const room = memoryRoom(facts);
  if (needBytes <= room.bytes) return { fits: true, needBytes, room };
  const what = kind === 'csv' ? 'a CSV export' : 'an X12 file';
  const limit =
    room.limitedBy === 'device'
      ? `half of this computer’s ${facts.deviceGiB} GB`
      : 'the 4 GB that DuckDB-WASM can address';
  const inUse = facts.engineBytes > 0 ? `; ${formatBytes(facts.engineBytes)} of it in use already` : '';
  return {
    fits: false,
    needBytes,
    room,
    message:
      `too big for this browser: the file is ${formatBytes(size)}, and loading ${what} takes about ${factor} times its size in memory (${formatBytes(needBytes)}); ` +
      `Denial Lens can use ${formatBytes(room.ceilingBytes)} (${limit}${inUse}). The file was not read. ` +
      'Split it (e.g. by month), or analyse a larger volume with DuckDB outside the browser (see the README).',
  };
}

/** The kind of load a file will be, from its first 64 KiB (as the loader decides it); unreadable kinds cost least. */
export async function sniffLoadKind(file: Blob): Promise<LoadKind> {
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  return detectFormat(head).kind === 'x12' ? 'x12' : 'csv';
}
