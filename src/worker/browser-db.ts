import * as duckdb from 'duckdb-browser-blocking';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { DuckDbWasmDb, type BlockingBindings } from '../engine/db/duckdb-wasm-db.ts';
import type { Db } from '../engine/db/db.ts';

/**
 * DuckDB-WASM inside our engine worker, synchronously, next to the parsers:
 * files go from the parser to DuckDB without another thread hop. The .wasm
 * files are served by our own origin (Vite emits them), never from a CDN.
 */
/** The emscripten module under the bindings (not in DuckDBBindings' interface, present on the class). */
type WithModule = { mod: { HEAPU8: Uint8Array } };
let instance: WithModule | null = null;

/** DuckDB-WASM's linear memory now: what the loaded data holds (wasm memory grows, never shrinks). */
export function wasmMemoryBytes(): number {
  return instance?.mod.HEAPU8.buffer.byteLength ?? 0;
}

export async function createBrowserDb(): Promise<Db> {
  // The blocking build runs DuckDB in this thread: there is no DuckDB worker to name.
  const bindings = await duckdb.createDuckDB(
    {
      mvp: { mainModule: mvpWasm, mainWorker: '' },
      eh: { mainModule: ehWasm, mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.BROWSER_RUNTIME,
  );
  await bindings.instantiate(() => {});
  instance = bindings as unknown as WithModule;
  return new DuckDbWasmDb(bindings as unknown as BlockingBindings);
}
