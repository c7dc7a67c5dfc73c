/**
 * The same load + classification on native DuckDB (@duckdb/node-api 1.4.3-r.3,
 * the engine version of duckdb-wasm 1.32.0): the same Engine, the same SQL and
 * the same JavaScript parsers, only the Db differs.
 */
import { readFileSync } from 'node:fs';
import { sql } from '../src/engine/db/sql.ts';
import path from 'node:path';
import { NativeDb } from '../src/engine/db/native-db.ts';
import { Engine } from '../src/engine/engine.ts';
import { readShippedReferenceFiles } from '../src/engine/reference/shipped-files-node.ts';

export interface NativeTiming {
  loadSeconds: number;
  classifySeconds: number;
  threads: number;
  linesLoaded: number;
}

export async function runNativeScenario(files: string[], threads = 2): Promise<NativeTiming> {
  const db = await NativeDb.open({ threads });
  try {
    const engine = await Engine.open(db, await readShippedReferenceFiles());
    const started = performance.now();
    for (const file of files) {
      const result = await engine.loadFile({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
      if (result.status !== 'loaded') throw new Error(`${file}: ${result.status}: ${result.message}`);
    }
    const loaded = performance.now();
    await engine.refresh();
    const done = performance.now();
    const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM denial_facts`);
    return { loadSeconds: (loaded - started) / 1000, classifySeconds: (done - loaded) / 1000, threads, linesLoaded: n };
  } finally {
    await db.close();
  }
}
