/**
 * `npm run analyze -- --emit-sql <dir> [exports.csv …] [--from YYYY-MM --to YYYY-MM]`:
 * the whole analysis as one standalone SQL script for the DuckDB CLI (or any
 * DuckDB 1.4 client, MotherDuck included) — the engine's own SQL strings, not a copy:
 * schema, value macros, reference data, each CSV export's load (chunking aside, the
 * statements the browser runs), classification, and the results written as
 * Parquet and CSV (README "Beyond one browser").
 *
 * What the browser learns from a file before reading it (delimiter, header
 * mapping, date format, hash) is learnt here, so the script is made for the
 * files it names. Files SQL alone cannot read as they are are listed as problems
 * with what to do.
 */
import { Sql, sql } from '../engine/db/sql.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeDb } from '../engine/db/node-db.ts';
import type { Db } from '../engine/db/db.ts';
import { CANONICAL_SCHEMA_SQL } from '../engine/schema/canonical.sql.ts';
import { REFERENCE_SCHEMA_SQL } from '../engine/reference/reference.sql.ts';
import { CSV_VALUE_MACROS_SQL, csvRejectsSql, DROP_CSV_TEMP_SQL, createRowsSql, csvKeysSql, dateFormatHitsSql, insertClaimsSql, insertLinesSql, insertRowsSql, mapsAdjustmentAmounts } from '../engine/ingest/csv/csv-normalise.sql.ts';
import { DROP_CHUNK_SQL, chunkRowsSql, emptyRowsSql, insertMalformedSql, readChunkSql } from '../engine/ingest/csv/stage-csv.sql.ts';
import { planCsv, usualDateFormat } from '../engine/ingest/csv/load-csv.ts';
import { detectFormat } from '../engine/ingest/detect-format.ts';
import { DISPLAY_MACROS_SQL } from '../engine/analytics/lines.sql.ts';
import { createPayerCodesSql } from '../engine/classify/payer-codes.sql.ts';
import { DROP_SHIPPED_STAGING_SQL, loadShippedReleasesSql, readShippedIcd10cmSql, REPLACE_WITH_SHIPPED_SQL } from '../engine/reference/shipped.sql.ts';
import { replaceProcedureFactsSql } from '../engine/reference/procedure.sql.ts';
import { PROCEDURE_CODE_FACTS, PROCEDURE_GROUPS } from '../engine/reference/procedure-facts.ts';
import { SHIPPED_REFERENCE_FILES } from '../engine/reference/load-reference.ts';
import { loadShippedPfsSql, PFS_COPY_SHIPPED_SQL } from '../engine/reference/pfs/pfs.sql.ts';
import { REFRESH_STEPS, createEmptySql, insertBatchSql } from '../engine/refresh.sql.ts';
import { insertLoadedCsvFileSql, writeResultsSql } from '../engine/export/server-run.sql.ts';

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/reference');
/** Each export gets its own key range: file i's claims and lines are numbered from i·10¹². */
const KEY_SPACE = 1e12;
/** One batch covering every line: a server has the memory the browser lacks. */
const ALL_LINES: [number, number] = [-(2 ** 53), 2 ** 53];
/** The first records the date format is learnt from (as the loader's first chunk). */
const HEAD_BYTES = 1024 * 1024;

export interface EmitOptions {
  /** CSV exports to load (absolute or relative to the working directory). */
  files: string[];
  /** Where the script writes its results (results/ under it). */
  outDir: string;
  /** Months (YYYY-MM) of the review export that the app opens. */
  from?: string;
  to?: string;
}

export interface EmittedScript {
  sql: string;
  /** Files left out, with why and what to do. */
  problems: string[];
}

export async function emitAnalysisSql(options: EmitOptions): Promise<EmittedScript> {
  const problems: string[] = [];
  const loads: string[] = [];
  const db = await createNodeDb();
  try {
    let fileId = 0;
    for (const file of options.files) {
      const result = await exportLoadSql(db, path.resolve(file), fileId + 1);
      if (typeof result === 'string') {
        loads.push(result);
        fileId++;
      } else problems.push(`${file}: ${result.problem}`);
    }
  } finally {
    await db.close();
  }
  const reference = (name: string) => path.join(REFERENCE_DIR, name);
  const statements = [
    CANONICAL_SCHEMA_SQL,
    REFERENCE_SCHEMA_SQL,
    CSV_VALUE_MACROS_SQL,
    DISPLAY_MACROS_SQL,
    createPayerCodesSql(),
    section('Reference data: ICD-10-CM (CDC/CMS releases), CMS fee-schedule indicators (shipped with the app) and the CPT/HCPCS starter lists'),
    readShippedIcd10cmSql(reference(SHIPPED_REFERENCE_FILES.icd10cm)),
    loadShippedReleasesSql(reference(SHIPPED_REFERENCE_FILES.releases)),
    REPLACE_WITH_SHIPPED_SQL,
    DROP_SHIPPED_STAGING_SQL,
    loadShippedPfsSql(reference(SHIPPED_REFERENCE_FILES.pfs), reference(SHIPPED_REFERENCE_FILES.pfsReleases)),
    PFS_COPY_SHIPPED_SQL,
    replaceProcedureFactsSql(PROCEDURE_CODE_FACTS, PROCEDURE_GROUPS),
    ...loads,
    section('Classification: links, adjudication chains, payer / reference / rule / history findings, denial_facts, patterns'),
    ...REFRESH_STEPS.flatMap((step) => (step instanceof Sql ? [step] : [createEmptySql(step), insertBatchSql(step, ...ALL_LINES)])),
    section(`Results, written to ${path.join(path.resolve(options.outDir), 'results')}`),
    writeResultsSql(path.join(path.resolve(options.outDir), 'results'), { from: options.from, to: options.to, parquet: true }),
  ];
  return { sql: `${header(options, problems)}\n${scriptOf(statements)}\n`, problems };
}

/** Statements as the script's text, each ending with one semicolon. */
const scriptOf = (statements: readonly (Sql | string)[]) => statements.map((s) => `${String(s).trim().replace(/;$/, '')};`).join('\n\n');

/** A banner comment and a SELECT naming the step, so the DuckDB CLI shows where it is. */
const section = (title: string) => `-- ${'='.repeat(100)}\n-- ${title}\n-- ${'='.repeat(100)}\n${sql`SELECT ${title.slice(0, 60)} AS step`.text}`;

function header(options: EmitOptions, problems: string[]): string {
  return `-- Denial Lens: the whole analysis as DuckDB SQL (generated by \`npm run analyze -- --emit-sql\`, ${new Date().toISOString().slice(0, 10)}).
-- The statements are the engine's own (src/engine/**/*.sql.ts); DuckDB 1.4 or newer.
--
--   mkdir -p ${path.join(options.outDir, 'results')}
--   duckdb denial-lens.duckdb < ${path.join(options.outDir, 'denial-lens.sql')}
--
-- Loads ${options.files.length - problems.length} CSV export(s), classifies every line and writes results/: denial_facts
-- (Parquet and CSV), line_patterns, rejects, files, and review-export.csv (${options.from ?? 'first'} .. ${options.to ?? 'last'} month):
-- the app opens that one like any export.${problems.length ? `\n--\n-- Not loaded:\n${problems.map((p) => `--   ${p}`).join('\n')}` : ''}
`;
}

/** The load of one export as SQL, or why SQL alone cannot read it. */
async function exportLoadSql(db: Db, file: string, fileId: number): Promise<string | { problem: string }> {
  const bytes = new Uint8Array(readFileSync(file));
  const format = detectFormat(bytes);
  if (format.kind === 'x12') return { problem: 'X12 is read by the JavaScript parsers: load it with `npm run analyze -- --native --db <file.duckdb>` instead' };
  if (format.kind === 'unsupported') return { problem: format.reason };
  if (!isUtf8(bytes)) return { problem: 'not UTF-8: convert it first (iconv -f WINDOWS-1252 -t UTF-8)' };
  if (hasMixedLineEnds(bytes)) return { problem: 'mixed or bare-CR line ends, which DuckDB\'s reader refuses: convert them to LF first (dos2unix)' };
  const plan = planCsv(bytes, {});
  if ('status' in plan) return { problem: plan.status === 'rejected' ? plan.reason : plan.problem ?? `columns not recognised: ${plan.proposal.missing.join(', ')}` };
  if (plan.layout.headerRow !== 1) return { problem: 'blank lines before the header: remove them first' };
  const { layout, mapping, mappedColumns, content } = plan;

  // The date format, learnt from the first records exactly as the loader's first chunk does.
  const end = Math.min(bytes.length, bytes.lastIndexOf(0x0a, HEAD_BYTES) + 1 || bytes.length);
  await db.registerFile('head.csv', bytes.subarray(0, end));
  await db.exec(readChunkSql({ fileName: 'head.csv', columnCount: layout.headers.length, delimiter: layout.delimiter }));
  const [{ hits }] = await db.query<{ hits: number[] }>(dateFormatHitsSql(mapping.service_date!));
  await db.exec(DROP_CHUNK_SQL);
  await db.dropFile('head.csv');

  const base = fileId * KEY_SPACE;
  const rowBase = layout.headerRow;
  return scriptOf([
    section(`Export ${fileId}: ${path.basename(file)} (${content}; columns ${Object.entries(mapping).map(([f, i]) => `${f}=${layout.headers[i!]}`).join(', ')})`),
    createRowsSql(mapping, emptyRowsSql(mappedColumns)),
    readChunkSql({ fileName: file, columnCount: layout.headers.length, delimiter: layout.delimiter }),
    insertRowsSql(mapping, chunkRowsSql({ rowBase, mappedColumns }), usualDateFormat(hits)),
    insertMalformedSql({ fileId, rowBase }),
    csvRejectsSql(fileId),
    csvKeysSql({ claimKeyBase: base + 1, lineIdBase: base + 1 }),
    insertLinesSql({ fileId, source: content, from: base, to: base + KEY_SPACE - 1, amountColumns: mapsAdjustmentAmounts(mapping) }),
    insertClaimsSql({ fileId, source: content, from: base, to: base + KEY_SPACE - 1 }),
    insertLoadedCsvFileSql({ fileId, name: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length, content }),
    DROP_CHUNK_SQL,
    DROP_CSV_TEMP_SQL,
  ]);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** CRLF and lone LF in one file, or a CR not followed by LF. */
function hasMixedLineEnds(bytes: Uint8Array): boolean {
  let crlf = false;
  let lf = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d) {
      if (bytes[i + 1] !== 0x0a) return true;
      crlf = true;
      i++;
    } else if (bytes[i] === 0x0a) lf = true;
    if (crlf && lf) return true;
  }
  return false;
}
