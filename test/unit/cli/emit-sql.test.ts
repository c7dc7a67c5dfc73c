import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emitAnalysisSql } from '../../../src/cli/emit-sql.ts';
import { NativeDb } from '../../../src/engine/db/native-db.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import { openTestEngine } from '../helpers.ts';

const SAMPLE_CSV = 'sample-data/claims-export-2025-10_2026-09.csv';
/** Every column of denial_facts but the keys, which the script numbers per file. */
const FACTS = sql`SELECT * EXCLUDE (line_id, claim_key, file_id) FROM denial_facts ORDER BY claim_id, line_number, service_date, billed_procedure, billed`;
const BY_CATEGORY = (where = sql`TRUE`) => sql`SELECT category, count(*)::INTEGER AS lines, sum(denied_amount)::DOUBLE AS denied
  FROM denial_facts WHERE ${where} GROUP BY ALL ORDER BY category NULLS FIRST`;

let dir: string;
let script: NativeDb;
let browser: Engine;
let problems: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'emit-sql-'));
  // an export with rows the loader rejects, beside the sample
  const damaged = path.join(dir, 'damaged.csv');
  writeFileSync(damaged, 'Claim ID,DOS,CPT,Billed,Paid,Adj Codes\nD1,02/01/2026,99213,100.00,0,CO-16\n,02/01/2026,99213,100.00,0,CO-16\nD3,02/30/2026,99213,100.00,0,CO-16\n');
  const emitted = await emitAnalysisSql({ files: [SAMPLE_CSV, damaged, 'sample-data/835/medi-cal-2026-01.835'], outDir: dir, from: '2026-08', to: '2026-09' });
  problems = emitted.problems;
  writeFileSync(path.join(dir, 'denial-lens.sql'), emitted.sql);
  mkdirSync(path.join(dir, 'results'));
  // run as the DuckDB CLI would: the whole script, statement after statement, on native DuckDB 1.4
  script = await NativeDb.open();
  await script.runScript(readFileSync(path.join(dir, 'denial-lens.sql'), 'utf8'));
  browser = await openTestEngine();
  await browser.loadFiles([SAMPLE_CSV, damaged].map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) })));
}, 180_000);

afterAll(async () => {
  await script?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run analyze -- --emit-sql: the analysis as one DuckDB script', () => {
  it('classifies every line exactly as the app does, and accounts for every row', async () => {
    expect(await script.query(FACTS)).toEqual(await browser.db.query(FACTS));
    const files = sql`SELECT name, rows_read, rows_loaded, rows_rejected FROM files ORDER BY name`;
    expect(await script.query(files)).toEqual(await browser.db.query(files));
    const rejects = sql`SELECT f.name, r.line, r.reason FROM rejects r JOIN files f USING (file_id) ORDER BY 1, 2`;
    expect(await script.query(rejects)).toEqual(await browser.db.query(rejects));
    expect((await script.query(rejects)).length).toBe(2);
  });

  it('names what SQL alone cannot read, with what to do', () => {
    expect(problems).toEqual([expect.stringMatching(/medi-cal-2026-01\.835: X12 is read by the JavaScript parsers: load it with `npm run analyze -- --native/)]);
  });

  it('writes results, and the review export opens in the app with the same classification', async () => {
    const results = path.join(dir, 'results');
    const parquet = await script.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM read_parquet(${`${results}/denial_facts.parquet`})`);
    expect(parquet[0].n).toBe((await browser.db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM denial_facts`))[0].n);
    const reopened = await openTestEngine();
    const [loaded] = await reopened.loadFiles([{ name: 'review-export.csv', bytes: new Uint8Array(readFileSync(path.join(results, 'review-export.csv'))) }]);
    expect(loaded).toMatchObject({ status: 'loaded', rowsRejected: 0 });
    const months = sql`service_month BETWEEN DATE '2026-08-01' AND DATE '2026-09-01'`;
    expect(await reopened.db.query(BY_CATEGORY())).toEqual(await script.query(BY_CATEGORY(months)));
  }, 60_000);
});
