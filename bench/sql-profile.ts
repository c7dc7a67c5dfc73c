/**
 * Where the time goes: loads files through the engine and times every SQL
 * statement of the load and of the classification (refresh), on DuckDB-WASM
 * (default) or native DuckDB.
 *   npx tsx bench/sql-profile.ts [--native] [--all] <files...>
 * Prints statements slower than 200 ms (every one with --all) and the totals.
 */
import { readFileSync } from 'node:fs';
import { statementsOf, type Sql } from '../src/engine/db/sql.ts';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeDb } from '../src/engine/db/node-db.ts';
import { NativeDb } from '../src/engine/db/native-db.ts';
import type { Db } from '../src/engine/db/db.ts';
import { Engine } from '../src/engine/engine.ts';
import { readShippedReferenceFiles } from '../src/engine/reference/shipped-files-node.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { native: { type: 'boolean', default: false }, all: { type: 'boolean', default: false } },
});

const db: Db = values.native ? await NativeDb.open() : await createNodeDb();
const engine = await Engine.open(db, await readShippedReferenceFiles());
const exec = db.exec.bind(db);
let phase = 'load';
const totals = new Map<string, number>();
db.exec = async (script: Sql) => {
  for (const statement of statementsOf(script)) {
    const started = performance.now();
    await exec(statement);
    const ms = performance.now() - started;
    const label = statement.text.trim().replace(/\s+/g, ' ').slice(0, 90);
    totals.set(phase, (totals.get(phase) ?? 0) + ms);
    if (values.all || ms > 200) console.log(`${phase.padEnd(8)} ${ms.toFixed(0).padStart(7)} ms  ${label}`);
  }
};

const started = performance.now();
for (const file of positionals) {
  const t = performance.now();
  const result = await engine.loadFile({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
  console.log(`${path.basename(file)}: ${result.status}, ${result.message} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
const loaded = performance.now();
phase = 'refresh';
await engine.refresh();
const done = performance.now();
console.log(`\n${values.native ? 'native' : 'wasm'}: load ${((loaded - started) / 1000).toFixed(1)} s (SQL ${((totals.get('load') ?? 0) / 1000).toFixed(1)} s), ` +
  `classify ${((done - loaded) / 1000).toFixed(1)} s`);
await db.close();
