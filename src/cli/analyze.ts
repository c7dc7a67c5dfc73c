import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeDb } from '../engine/db/node-db.ts';
import { Engine } from '../engine/engine.ts';
import { readShippedReferenceFiles } from '../engine/reference/shipped-files-node.ts';
import { buildReport, type Report } from '../engine/analytics/report.ts';
import { SAMPLE_OPTIONS, SAMPLE_USAGE, confidenceFromOption, resultsText, sampleSpecFromOptions, sampleText } from '../engine/audit/sample-cli.ts';
import { worksheetDrawnAt } from '../engine/audit/worksheet-csv.ts';
import type { AuditSample } from '../engine/audit/sample.ts';
import { NativeDb } from '../engine/db/native-db.ts';
import { writeResultsSql } from '../engine/export/server-run.sql.ts';
import { emitAnalysisSql } from './emit-sql.ts';
import { messageOf } from '../engine/message-of.ts';
import { backtestText, worklistText } from '../engine/check/check-cli.ts';

/**
 * Headless Denial Lens: the same engine as the browser, over files on disk.
 *   npm run analyze -- <files or folders...> [--json]
 */
const USAGE = `usage: npm run analyze -- <files or folders...> [--json]
  --json   print one JSON document (files, lines, adjudications, months) instead of a summary
  --native            run on native DuckDB (@duckdb/node-api, all cores) instead of DuckDB-WASM
  --db <file>         (with --native) keep the database in this file, e.g. to add a month to a year
  --results <dir>     write denial_facts (CSV; Parquet with --native), line_patterns, rejects, files and
                      review-export.csv (the app opens it) to <dir>; --from/--to YYYY-MM limit the review export
  --emit-sql <dir>    write <dir>/denial-lens.sql: the whole analysis of the given CSV exports for the DuckDB CLI
  --check <claims>    check an outgoing batch (837P or claims CSV) against the history files given, without
                      adding it to them: prints the worklist by dollars at risk; --worklist <file.csv> writes it
  --backtest          for each month, check its lines as if unsent with what the months before taught, and
                      compare with what the payers did: recall and precision per coding category
${SAMPLE_USAGE}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      native: { type: 'boolean', default: false },
      db: { type: 'string' },
      results: { type: 'string' },
      'emit-sql': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      check: { type: 'string' },
      worklist: { type: 'string' },
      backtest: { type: 'boolean', default: false },
      ...SAMPLE_OPTIONS,
    },
  });
  if (values['emit-sql']) return emitSql(values['emit-sql'], positionals.flatMap(expand), values);
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const sampleSpec = sampleSpecFromOptions(values, () => crypto.getRandomValues(new Uint32Array(1))[0]);
  const paths = positionals.flatMap(expand);
  const db = values.native || values.db ? await NativeDb.open({ file: values.db }) : await createNodeDb();
  const engine = await Engine.open(db, await readShippedReferenceFiles());
  const results = await engine.loadFiles(paths.map((p) => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) })));
  if (values.check || values.backtest) return checkAndBacktest(engine, results, values);
  const report = await buildReport(engine, results);
  if (sampleSpec) report.sample = await engine.drawSample(sampleSpec);
  if (!report.sample && (values.worksheet || values['frame-csv'])) throw new Error('--worksheet and --frame-csv need --sample (the same options as the sample was drawn with)');
  if (sampleSpec && values['frame-csv']) writeFileSync(values['frame-csv'], await engine.frameCsv(sampleSpec));
  const auditResults = report.sample && values.worksheet ? readWorksheet(engine, report.sample, values.worksheet, confidenceFromOption(values.confidence)) : undefined;
  if (values.json) process.stdout.write(`${JSON.stringify(auditResults ? { ...report, auditResults } : report, null, 1)}\n`);
  else printSummary(report);
  if (report.sample && !values.json) console.log(`\n${sampleText(report.sample)}`);
  if (report.sample && auditResults && !values.json) console.log(`\n${resultsText(report.sample, auditResults)}`);
  if (values.results) {
    mkdirSync(values.results, { recursive: true });
    await engine.db.exec(writeResultsSql(values.results, { from: values.from, to: values.to, parquet: db instanceof NativeDb }));
  }
  await db.close();
  return results.some((r) => r.status === 'loaded') ? 0 : 1;
}

/** --check and --backtest: the history's load summary on stderr, the worklist and the backtest on stdout. */
async function checkAndBacktest(
  engine: Engine,
  results: { name: string; status: string; message: string }[],
  options: { check?: string; worklist?: string; backtest?: boolean; json?: boolean },
): Promise<number> {
  for (const r of results) console.error(`${r.name}: ${r.status} — ${r.message}`);
  if (!results.some((r) => r.status === 'loaded')) throw new Error('no history was loaded: give the remittances and exports to check against');
  const json: Record<string, unknown> = {};
  if (options.check) {
    const loaded = await engine.checkBatch({ name: path.basename(options.check), bytes: new Uint8Array(readFileSync(options.check)) });
    if (loaded.status !== 'loaded') throw new Error(`${loaded.name}: ${loaded.status} — ${loaded.message}`);
    const result = await engine.checkResult();
    if (options.worklist) writeFileSync(options.worklist, await engine.checkWorklistCsv());
    if (options.json) json.check = result;
    else console.log(worklistText(result));
  }
  if (options.backtest) {
    const rows = await engine.backtest();
    if (options.json) json.backtest = rows;
    else console.log(`${options.check ? '\n' : ''}${backtestText(rows)}`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(json, null, 1)}\n`);
  await engine.db.close();
  return 0;
}

/** A filled-in worksheet of the sample just redrawn: its answers (refused if it is another sample's) and the results. */
function readWorksheet(engine: Engine, sample: AuditSample, file: string, level: number) {
  const bytes = new Uint8Array(readFileSync(file));
  sample.drawnAt = worksheetDrawnAt(bytes) ?? sample.drawnAt;
  const read = engine.readWorksheetCsv(sample, {}, bytes);
  for (const u of read.unmatched) console.error(`${file} row ${u.row}: ${u.reason}`);
  for (const p of read.problems) console.error(`${file} row ${p.row}, ${p.column}: '${p.value}' — ${p.reason}`);
  return engine.auditResults(sample, read.reviews, level);
}

async function emitSql(dir: string, files: string[], range: { from?: string; to?: string }): Promise<number> {
  const { sql, problems } = await emitAnalysisSql({ files, outDir: dir, from: range.from, to: range.to });
  mkdirSync(path.join(dir, 'results'), { recursive: true });
  writeFileSync(path.join(dir, 'denial-lens.sql'), sql);
  for (const problem of problems) console.error(`not loaded: ${problem}`);
  console.error(`written: ${path.join(dir, 'denial-lens.sql')} — run it with: duckdb denial-lens.duckdb < ${path.join(dir, 'denial-lens.sql')}`);
  return problems.length === files.length && files.length > 0 ? 1 : 0;
}

function expand(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirRecursive(p).sort();
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? readdirRecursive(path.join(dir, e.name)) : e.name.startsWith('.') ? [] : [path.join(dir, e.name)],
  );
}

function printSummary(report: Report): void {
  for (const f of report.files) {
    console.log(`${f.name}: ${f.status} — ${f.message}`);
    for (const r of f.rejects.slice(0, 5)) console.log(`    line ${r.line ?? '?'}: ${r.reason}`);
    if (f.rejects.length > 5) console.log(`    … ${f.rejects.length - 5} more rejects`);
  }
  console.log('\nmonth     lines  denied  denied $     top categories');
  for (const m of report.months) {
    const top = Object.entries(m.byCategory).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`${m.month}  ${String(m.lines).padStart(5)}  ${String(m.deniedLines).padStart(6)}  ${m.deniedAmount.toFixed(2).padStart(11)}  ${top}`);
  }
}

// exitCode, not exit(): exit() would cut off a large --json still flowing into a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(messageOf(error));
    process.exit(1);
  },
);
