/**
 * The one evaluator of the classifier corpus, used by corpus.test.ts and by
 * `npm run -s labels` (print-labels.ts): load the labelled lines into an engine,
 * read what it decided from denial_facts (claim_id, line_number, denied,
 * category), and score every label by precision and recall. Initial adjudications
 * that cannot be denied ($0 lines, reporting-only codes, predeterminations) are
 * kept out of denial_facts: they are judged not denied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sql } from '../../../../src/engine/db/sql.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Engine } from '../../../../src/engine/engine.ts';
import type { FileLoadResult } from '../../../../src/engine/ingest/file-load-result.ts';
import { csvFile } from '../../helpers.ts';
import { exportCsv, type TestLine } from '../export-builder.ts';
import { LABELS, isLabel, type Label, type LineLabel } from './labels.ts';
import { historyLines } from './history.ts';
import { remit835, type RemitClaim } from './remit-builder.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';

const projectRoot = fileURLToPath(new URL('../../../..', import.meta.url));
/** The public 835s (../shared, absent on machines without the shared folder). */
export const SAMPLES = path.resolve(projectRoot, '../shared/real-samples');
export const REAL_LABELS_FILE = path.join(projectRoot, 'test/fixtures/real-sample-labels.csv');

export interface Case {
  key: string;
  scenario: string;
  label: LineLabel;
}

/** What the engine decided for one line: its category when denied, else 'not_denied'. */
export type Predictions = Map<string, string>;

export interface Evaluation {
  cases: Case[];
  predicted: Predictions;
  loads: FileLoadResult[];
  /** labelled lines the engine's denial_facts does not have (or has with another procedure) */
  missing: string[];
}

// ---------------------------------------------------------------- synthetic corpus

/** Every initial adjudication (and predetermination: never one) with the engine's decision. */
const JUDGED = sql`(SELECT al.line_id, al.claim_key, al.file_id, al.claim_id, al.line_number, al.procedure, al.billed_procedure,
    coalesce(f.denied, false) AS denied, f.category
  FROM analysis_lines al LEFT JOIN denial_facts f USING (line_id) WHERE al.is_initial OR al.adjudication_kind = 'predetermination')`;

const lineKey = (claim: string, line: number | null) => `${claim}#${line ?? '-'}`;

/** The corpus as files: the export's lines (after the practice's paid history), the 835's claims, and every labelled line with its key. */
export function buildCorpus(scenarios: Scenario[] = SCENARIOS) {
  const csv: TestLine[] = historyLines();
  const remit: RemitClaim[] = [];
  const cases: Case[] = [];
  const lineNumbers = new Map<string, number>();
  scenarios.forEach((s, i) => {
    const id = `S${String(i + 1).padStart(3, '0')}`;
    for (const { part, label, dx, ...line } of s.csv ?? []) {
      const claim = id + (part ?? '');
      const n = (lineNumbers.get(claim) ?? 0) + 1;
      lineNumbers.set(claim, n);
      csv.push({ ...line, dx: dx ?? [], claim });
      if (label) cases.push({ key: lineKey(claim, n), scenario: s.name, label });
    }
    if (s.remit) {
      const { label, lines, ...claim } = s.remit;
      remit.push({ ...claim, claim: id, lines: lines.map(({ label: _, ...l }) => l) });
      lines.forEach((l, li) => l.label && cases.push({ key: lineKey(id, li + 1), scenario: s.name, label: l.label }));
      if (label) cases.push({ key: lineKey(id, null), scenario: s.name, label });
    }
  });
  return { csv, remit, cases };
}

interface FactRow {
  claim_id: string;
  line_number: number | null;
  denied: boolean;
  category: string | null;
}

const outcome = (r: { denied: boolean; category: string | null }) => (r.denied ? (r.category ?? '(denied, no category)') : 'not_denied');

export async function evaluateCorpus(engine: Engine, scenarios: Scenario[] = SCENARIOS): Promise<Evaluation> {
  const { csv, remit, cases } = buildCorpus(scenarios);
  const loads = await engine.loadFiles([csvFile('corpus-export.csv', exportCsv(csv)), csvFile('corpus-remit.835', remit835(remit))]);
  const rows = await engine.db.query<FactRow>(sql`SELECT claim_id, line_number, denied, category FROM ${JUDGED}`);
  const predicted: Predictions = new Map();
  for (const r of rows) {
    const key = lineKey(r.claim_id, r.line_number);
    if (predicted.has(key)) throw new Error(`denial_facts has ${key} twice: the corpus keys must be unique`);
    predicted.set(key, outcome(r));
  }
  return { cases, predicted, loads, missing: cases.filter((c) => !predicted.has(c.key)).map((c) => `${c.key} (${c.scenario})`) };
}

// ---------------------------------------------------------------- real samples

export interface RealLabel {
  file: string;
  clp01: string;
  /** 1-based occurrence of CLP01 in the file (sample files reuse claim ids) */
  claimNth: number;
  procedure: string;
  /** SVC position in the claim, or '' for a claim that came back without service lines */
  line: string;
  lineControl: string;
  label: LineLabel;
}

const REAL_COLUMNS = ['file', 'clp01', 'claim_nth', 'svc_procedure', 'line', 'ref_6r', 'expected', 'kind', 'why', 'source'];

export function readRealLabels(file = REAL_LABELS_FILE): RealLabel[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  const missingColumns = REAL_COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missingColumns.length) throw new Error(`${file}: missing columns ${missingColumns.join(', ')}`);
  return parsed.data.map((r, i) => {
    if (!isLabel(r.expected)) throw new Error(`${file} row ${i + 2}: '${r.expected}' is not a label`);
    if (!r.why.trim() || !r.source.trim()) throw new Error(`${file} row ${i + 2}: why and source are required`);
    return {
      file: r.file, clp01: r.clp01, claimNth: Number(r.claim_nth || 1), procedure: r.svc_procedure, line: r.line,
      lineControl: r.ref_6r,
      label: { expect: r.expected, why: r.why, source: r.source, ...(r.kind ? { kind: r.kind as LineLabel['kind'] } : {}) },
    };
  });
}

const realKey = (file: string, clp01: string, nth: number, line: string) => `${file}|${clp01}|${nth}|${line || '-'}`;

interface RealFactRow extends FactRow {
  file: string;
  claim_nth: number;
  procedure: string | null;
  billed_procedure: string | null;
  line_control: string | null;
}

/** Loads each labelled sample file (as it is named in ../shared/real-samples) and reads the engine's decision per labelled line. */
export async function evaluateRealSamples(engine: Engine, labels: RealLabel[] = readRealLabels()): Promise<Evaluation> {
  const files = [...new Set(labels.map((l) => l.file))];
  const absent = files.filter((f) => !existsSync(path.join(SAMPLES, f)));
  if (absent.length) throw new Error(`real-sample labels name files that are not in ${SAMPLES}: ${absent.join(', ')}`);
  const loads = await engine.loadFiles(files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(SAMPLES, f))) })));
  const rows = await engine.db.query<RealFactRow>(sql`
    WITH nth AS (
      SELECT claim_key, dense_rank() OVER (PARTITION BY file_id, claim_id ORDER BY claim_key)::INTEGER AS claim_nth FROM claims
    )
    SELECT f.name AS file, d.claim_id, n.claim_nth, d.line_number, d.denied, d.category, d.procedure, d.billed_procedure,
      l.line_control
    FROM ${JUDGED} d JOIN files f USING (file_id) JOIN nth n USING (claim_key)
    LEFT JOIN service_lines l USING (line_id)`);
  const byKey = new Map(rows.map((r) => [realKey(r.file, r.claim_id, r.claim_nth, r.line_number === null ? '' : String(r.line_number)), r]));
  const cases: Case[] = [];
  const predicted: Predictions = new Map();
  const missing: string[] = [];
  for (const l of labels) {
    const key = realKey(l.file, l.clp01, l.claimNth, l.line);
    if (cases.some((c) => c.key === key)) throw new Error(`real-sample labels: ${key} is labelled twice`);
    cases.push({ key, scenario: `${l.file} ${l.clp01} ${l.procedure}`, label: l.label });
    const row = byKey.get(key);
    const wrongProcedure = row && row.procedure !== null && l.procedure !== '' && ![row.procedure, row.billed_procedure].includes(l.procedure);
    const wrongControl = row && l.lineControl !== '' && row.line_control !== l.lineControl;
    if (!row || wrongProcedure || wrongControl) {
      missing.push(`${key} ${l.procedure}${row ? ` (engine has ${row.procedure ?? 'no procedure'} / ${row.line_control ?? 'no REF*6R'})` : ' (not an initial adjudication in denial_facts)'}`);
      continue;
    }
    predicted.set(key, outcome(row));
  }
  return { cases, predicted, loads, missing };
}

// ---------------------------------------------------------------- scoring

export interface Score {
  label: Label;
  n: number;
  predictedN: number;
  tp: number;
  precision: number;
  recall: number;
}

export const THRESHOLD = 0.95;

/** Precision and recall per label over the labelled lines (a label nobody expects nor predicts is left out). */
export function score(e: Pick<Evaluation, 'cases' | 'predicted'>): Score[] {
  return LABELS.flatMap((label) => {
    const n = e.cases.filter((c) => c.label.expect === label).length;
    const predictedN = e.cases.filter((c) => e.predicted.get(c.key) === label).length;
    const tp = e.cases.filter((c) => c.label.expect === label && e.predicted.get(c.key) === label).length;
    if (n === 0 && predictedN === 0) return [];
    return [{ label, n, predictedN, tp, precision: predictedN ? tp / predictedN : 0, recall: n ? tp / n : 0 }];
  });
}

export const failing = (scores: Score[]) => scores.filter((s) => s.precision < THRESHOLD || s.recall < THRESHOLD).map((s) => s.label);

export function formatScores(title: string, scores: Score[]): string {
  const head = `${'label'.padEnd(17)} ${'n'.padStart(4)} ${'pred'.padStart(5)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`;
  const rows = scores.map((s) =>
    `${s.label.padEnd(17)} ${String(s.n).padStart(4)} ${String(s.predictedN).padStart(5)} ${s.precision.toFixed(2).padStart(9)} ${s.recall.toFixed(2).padStart(7)}`);
  const total = scores.reduce((a, s) => a + s.n, 0);
  const right = scores.reduce((a, s) => a + s.tp, 0);
  return [`${title}: ${right}/${total} lines right`, head, ...rows].join('\n');
}

/** Every labelled line the engine put elsewhere, with the label's reason. */
export function misclassified(e: Pick<Evaluation, 'cases' | 'predicted'>): string[] {
  return e.cases
    .filter((c) => e.predicted.has(c.key) && e.predicted.get(c.key) !== c.label.expect)
    .map((c) => `${c.key} ${c.scenario}: expected ${c.label.expect}, got ${e.predicted.get(c.key)} — ${c.label.why}`);
}

/** Predictions outside the vocabulary (e.g. a category the brief retired), counted as wrong: 'pricing ×15'. */
export function unknownPredictions(e: Pick<Evaluation, 'predicted' | 'cases'>): string[] {
  const counts = new Map<string, number>();
  for (const c of e.cases) {
    const p = e.predicted.get(c.key);
    if (p !== undefined && !isLabel(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts].map(([p, n]) => `${p} ×${n}`);
}
