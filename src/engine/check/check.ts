import type { Db } from '../db/db.ts';
import { loadFile, type InputFile, type LoadFileOptions } from '../ingest/load-file.ts';
import type { FileLoadResult } from '../ingest/file-load-result.ts';
import { removeFileSql } from '../ingest/remove-file.sql.ts';
import { sql } from '../db/sql.ts';
import { toCsv, type CsvColumn } from '../export/csv.ts';
import type { BacktestRow } from './backtest-rates.ts';
import {
  BACKTEST_MONTHS_SQL,
  CHECK_BATCH_SQL,
  CHECK_HAS_LINES_SQL,
  CHECK_REJECTS_SQL,
  CHECK_WORKLIST_SQL,
  CLEAR_CHECK_SQL,
  backtestLinesSql,
  backtestScoresSql,
  checkSql,
  takeBatchSql,
} from './check.sql.ts';

/** A denial in the history behind a flag: the original line (open it with lineDetail). */
export interface PastDenial {
  line_id: number;
  claim_id: string;
  service_date: string | null;
  paid_date: string | null;
  denied_amount: number;
}

export interface CheckFlag {
  /** A category when the flag counts (a coding category, or bundling for a pair never paid together); null for a note. */
  category: string | null;
  /** reference / rule (the classifier's rules), history (paid often, never with this diagnosis), pattern, crosswalk */
  source: string;
  text: string;
  codes: string[];
  fix: string | null;
  /** The most recent past denials behind a pattern or crosswalk flag (at most PAST_SHOWN). */
  past: PastDenial[];
}

export interface CheckLine {
  line_id: number;
  claim_id: string;
  line_number: number | null;
  patient_account: string | null;
  payer: string | null;
  provider: string | null;
  service_date: string | null;
  procedure: string | null;
  modifiers: string[];
  diagnoses: string[];
  billed: number | null;
  /** The line's charge when a flag with a category is on it, else 0: a coding denial refuses the whole line. */
  at_risk: number;
  flags: CheckFlag[];
}

export interface CheckClaim {
  claim_id: string;
  patient_account: string | null;
  payer: string | null;
  provider: string | null;
  service_date: string | null;
  billed: number;
  at_risk: number;
  lines: CheckLine[];
}

export interface CheckBatch {
  name: string;
  format: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  warnings: string[];
  lines: number;
  claims: number;
}

export interface CheckResult {
  batch: CheckBatch | null;
  rejects: { line: number | null; reason: string; excerpt: string | null }[];
  /** Claims with a line at risk first, by dollars at risk (then claim id); then the clean claims. */
  claims: CheckClaim[];
  flagged_lines: number;
  at_risk: number;
}

/**
 * Checks an outgoing claim batch (837P or a claims CSV) against the loaded history. The file goes
 * through the normal loader (every format and layout the app reads, rejected rows accounted
 * for), its lines are taken into check_lines and the file is removed from the canonical tables
 * before anything is re-classified: the history's figures never see it. A new batch replaces the
 * previous one. Answers the load result; a file that did not load leaves the previous batch.
 */
export async function loadCheckBatch(db: Db, file: InputFile, options: LoadFileOptions = {}): Promise<FileLoadResult> {
  const result = await loadFile(db, file, options);
  if (result.status !== 'loaded' || result.fileId === null) {
    if (result.status === 'duplicate') return { ...result, message: `${result.message}: a batch to check must not be part of the loaded history` };
    return result;
  }
  try {
    if (result.content === 'remit') {
      return { ...result, status: 'rejected', message: 'is a remittance (835): a batch to check is claims not yet sent (an 837P or a claims CSV)' };
    }
    await db.exec(takeBatchSql(result.fileId));
  } finally {
    await db.exec(removeFileSql(result.fileId));
  }
  await runCheck(db);
  return result;
}

/** Runs the check over the batch again (after the history or the reference changed). */
export async function runCheck(db: Db): Promise<void> {
  const [{ n }] = await db.query<{ n: number }>(CHECK_HAS_LINES_SQL);
  if (n === 0) return;
  for (const statement of checkSql(sql`check_`, sql`check_lines`, sql`check_lines`)) await db.exec(statement);
}

export async function clearCheck(db: Db): Promise<void> {
  await db.exec(CLEAR_CHECK_SQL);
}

export async function checkResult(db: Db): Promise<CheckResult> {
  const [batch] = await db.query<CheckBatch>(CHECK_BATCH_SQL);
  const rejects = await db.query<{ line: number | null; reason: string; excerpt: string | null }>(CHECK_REJECTS_SQL);
  const lines = await db.query<CheckLine>(CHECK_WORKLIST_SQL);
  const claims = new Map<string, CheckClaim>();
  for (const line of lines) {
    const claim = claims.get(line.claim_id) ?? {
      claim_id: line.claim_id,
      patient_account: line.patient_account,
      payer: line.payer,
      provider: line.provider,
      service_date: line.service_date,
      billed: 0,
      at_risk: 0,
      lines: [],
    };
    claim.billed += line.billed ?? 0;
    claim.at_risk += line.at_risk;
    if (line.service_date && (!claim.service_date || line.service_date < claim.service_date)) claim.service_date = line.service_date;
    claim.lines.push(line);
    claims.set(line.claim_id, claim);
  }
  const ranked = [...claims.values()].sort((a, b) => b.at_risk - a.at_risk || (a.claim_id < b.claim_id ? -1 : a.claim_id > b.claim_id ? 1 : 0));
  const flagged = lines.filter((l) => l.at_risk > 0 || l.flags.some((f) => f.category !== null));
  return {
    batch: batch ?? null,
    rejects,
    claims: ranked,
    flagged_lines: flagged.length,
    at_risk: Math.round(lines.reduce((s, l) => s + l.at_risk, 0) * 100) / 100,
  };
}

interface WorklistRow {
  rank: number;
  claim: CheckClaim;
  line: CheckLine;
  flag: CheckFlag;
}

const WORKLIST_COLUMNS: CsvColumn<WorklistRow>[] = [
  { header: 'Rank', value: (r) => r.rank },
  { header: 'Claim', value: (r) => r.claim.claim_id },
  { header: 'Patient account', value: (r) => r.claim.patient_account },
  { header: 'Payer', value: (r) => r.claim.payer },
  { header: 'Provider', value: (r) => r.line.provider },
  { header: 'Claim dollars at risk', value: (r) => r.claim.at_risk },
  { header: 'Line', value: (r) => r.line.line_number },
  { header: 'Date of service', value: (r) => r.line.service_date },
  { header: 'CPT/HCPCS', value: (r) => r.line.procedure },
  { header: 'Modifiers', value: (r) => r.line.modifiers },
  { header: 'Diagnoses', value: (r) => r.line.diagnoses },
  { header: 'Charge', value: (r) => r.line.billed },
  { header: 'Line dollars at risk', value: (r) => r.line.at_risk },
  { header: 'Category', value: (r) => r.flag.category ?? 'note' },
  { header: 'Source', value: (r) => r.flag.source },
  { header: 'Evidence', value: (r) => r.flag.text },
  { header: 'Fix', value: (r) => r.flag.fix },
  {
    header: 'Past denials (line id, claim, date of service, denied $)',
    value: (r) => r.flag.past.map((p) => `${p.line_id} ${p.claim_id} ${p.service_date ?? ''} ${Number(p.denied_amount).toFixed(2)}`),
  },
];

/** The worklist as an Excel-safe CSV (formulas neutralised): one row per flag, claims by dollars at risk. */
export function worklistCsv(result: CheckResult): string {
  const rows: WorklistRow[] = [];
  result.claims.forEach((claim, i) => {
    for (const line of claim.lines) for (const flag of line.flags) rows.push({ rank: i + 1, claim, line, flag });
  });
  return toCsv(WORKLIST_COLUMNS, rows);
}

/**
 * For each service month m of the loaded history: check m's counted lines as if unsent, learning
 * only from adjudications known before m (remittance date, else date of service), and score the
 * flags against what the payers did (backtestScoresSql). The same statements as a batch's check.
 */
export async function backtest(db: Db): Promise<BacktestRow[]> {
  const months = await db.query<{ month: string }>(BACKTEST_MONTHS_SQL);
  const rows: BacktestRow[] = [];
  for (const { month } of months) {
    await db.exec(backtestLinesSql(month));
    for (const statement of checkSql(sql`backtest_`, sql`backtest_lines`, sql`analysis_lines`, month)) await db.exec(statement);
    rows.push(...(await db.query<BacktestRow>(backtestScoresSql(month))));
  }
  return rows;
}
