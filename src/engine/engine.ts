import type { Db } from './db/db.ts';
import { CANONICAL_SCHEMA_SQL } from './schema/canonical.sql.ts';
import { CSV_VALUE_MACROS_SQL } from './ingest/csv/csv-normalise.sql.ts';
import { loadFile, type InputFile } from './ingest/load-file.ts';
import type { FileLoadResult } from './ingest/file-load-result.ts';
import type { HeaderMapping } from './ingest/csv/header-mapping.ts';
import type { LoadProgress } from './ingest/load-progress.ts';
import { fileNameSql, removeFileSql, repeatsOfFileSql, type FileNameRow, type RepeatsOfFileRow } from './ingest/remove-file.sql.ts';
import { createPayerCodesSql } from './classify/payer-codes.sql.ts';
import { UNMATCHED_SQL, type UnmatchedRow } from './analysis/analysis-lines.sql.ts';
import { refreshAnalysis } from './refresh.ts';
import { CachingDb } from './db/caching-db.ts';
import { REFERENCE_SCHEMA_SQL } from './reference/reference.sql.ts';
import { loadShippedReference, type ShippedReferenceBytes } from './reference/load-reference.ts';
import { DISPLAY_MACROS_SQL, EXPORT_ADJUDICATIONS_SQL, EXPORT_LINES_SQL, lineDetailSql, type LineDetailRow } from './analytics/lines.sql.ts';
import {
  FILTER_OPTIONS_SQL,
  deniedLinesSql,
  kpisSql,
  monthlyByCategorySql,
  type DeniedLineRow,
  type FilterOptions,
  type FilterOptionsRow,
  type Kpis,
  type MonthRow,
  type SortDirection,
} from './analytics/dashboard.sql.ts';
import { CLAIM_KEY_RANGE_SQL, type ClaimKeyRange } from './analytics/claim-count.sql.ts';
import {
  FILES_SQL,
  rejectsSql,
  REJECT_GROUPS_SQL,
  rejectRowsSql,
  REMITTANCES_SQL,
  UNBALANCED_SQL,
  type FileRow,
  type RejectGroupRow,
  type RejectListRow,
  type RemittanceRow,
  type UnbalancedRow,
} from './analytics/files.sql.ts';
import { SOURCE_DISAGREEMENTS_LIST_SQL, type SourceDisagreementRow } from './analysis/merge-report.sql.ts';
import type { Filters } from './analytics/filters.sql.ts';
import { reviewPatterns, type PatternOptions } from './analytics/patterns.ts';
import { reviewKpis } from './analytics/review-kpis.ts';
import { reviewMonths } from './analytics/partial-months.ts';
import { payerCategorySql, payerTrendSql, providerTrendSql, type PayerCategoryRow, type PayerMonthRow, type ProviderMonthRow } from './analytics/review.sql.ts';
import { claimDetail } from './analytics/claim.ts';
import { deniedLinesCsv, patternsCsv } from './export/review-exports.ts';
import { drawSample, frameCsv, frameSummary, type AuditSample } from './audit/sample.ts';
import type { SampleSpec } from './audit/spec.ts';
import type { Reviews } from './audit/review.ts';
import { auditReport } from './audit/results.ts';
import { readWorksheetCsv, worksheetCsv } from './audit/worksheet-csv.ts';
import { crosswalkPayers, crosswalkProcedures, crosswalkRows, crosswalkSummary } from './analytics/crosswalk.ts';
import { referenceOverview } from './reference/overview.ts';
import { importReferenceFiles, removeImportedReference, type ImportedReferenceFile, type ReferenceImportFile } from './reference/import-reference.ts';
import { rejectsCsv, type RejectRow } from './export/rejects-csv.ts';
import type { ReportAdjudication, ReportLine } from './analytics/report.ts';
import { CHECK_SCHEMA_SQL } from './check/check.sql.ts';
import { backtest, checkResult, clearCheck, loadCheckBatch, runCheck, worklistCsv } from './check/check.ts';
import type { PatternAction } from './actions/actions.ts';
import { actionOutcomes, type ActionOutcome } from './actions/outcome.ts';
import { actionsCsv, readActionsCsv } from './actions/actions-csv.ts';
import { codeChanges, codeSetChanges, codeSetChangesCsv, referenceGaps } from './reference/code-set-changes.ts';

export interface LoadOptions {
  /** The user's mapping for a CSV layout, looked up by header signature (remembered by the app). */
  mappingFor?: (signature: string) => HeaderMapping | undefined;
  /** An explicit mapping for this one file (from the mapping screen). */
  mapping?: HeaderMapping;
  onProgress?: (file: string, p: LoadProgress) => void;
}

/**
 * The UI-free engine: ingest → canonical tables → classification → analytics.
 * The browser worker and the Node CLI/tests drive this same class over a Db.
 */
export class Engine {
  private constructor(readonly db: Db) {}

  /**
   * Creates the schema. Without reference data every code is "unknown to
   * reference"; pass the shipped files here or later through loadReference().
   */
  static async open(db: Db, reference?: ShippedReferenceBytes): Promise<Engine> {
    await db.exec(CANONICAL_SCHEMA_SQL);
    await db.exec(REFERENCE_SCHEMA_SQL);
    await db.exec(CSV_VALUE_MACROS_SQL);
    await db.exec(DISPLAY_MACROS_SQL);
    await db.exec(createPayerCodesSql());
    await db.exec(CHECK_SCHEMA_SQL);
    // the screens ask the same queries again and again: answers are kept until the data changes
    const engine = new Engine(new CachingDb(db));
    if (reference) await loadShippedReference(engine.db, reference);
    await engine.refresh();
    return engine;
  }

  /** Loads (or reloads) the shipped reference tables and re-classifies. */
  async loadReference(reference: ShippedReferenceBytes): Promise<void> {
    await loadShippedReference(this.db, reference);
    await this.refresh();
  }

  /** Loads one file (all-or-nothing). Call refresh() after a batch to re-classify. */
  loadFile(file: InputFile, options: LoadOptions = {}): Promise<FileLoadResult> {
    return loadFile(this.db, file, {
      mapping: options.mapping,
      mappingFor: options.mappingFor,
      onProgress: (p) => options.onProgress?.(file.name, p),
    });
  }

  /** Loads files one by one, then re-classifies everything once. */
  async loadFiles(files: InputFile[], options: LoadOptions = {}): Promise<FileLoadResult[]> {
    const results: FileLoadResult[] = [];
    for (const file of files) results.push(await this.loadFile(file, options));
    if (results.some((r) => r.status === 'loaded')) await this.refresh();
    return results;
  }

  /**
   * Unloads a file and everything it added, then re-classifies. Answers the files whose
   * payments had been refused as repeats of this file's: they count again only when loaded again.
   */
  async removeFile(fileId: number): Promise<{ name: string; repeats: { name: string; payments: number }[] }> {
    const [file] = await this.db.query<FileNameRow>(fileNameSql(fileId));
    if (!file) throw new Error(`no loaded file has id ${fileId}`);
    const repeats = await this.db.query<RepeatsOfFileRow>(repeatsOfFileSql(fileId, file.name));
    await this.db.exec(removeFileSql(fileId));
    await this.refresh();
    return { name: file.name, repeats };
  }

  /** Rebuilds links, adjudication chains, classification and the facts table from the canonical tables. */
  async refresh(): Promise<void> {
    await refreshAnalysis(this.db);
    await runCheck(this.db);
  }

  /**
   * Checks an outgoing batch (837P or claims CSV) against the loaded history without adding it to
   * the history (check/check.ts); replaces the batch checked before. A CSV's columns are read by the
   * user's remembered mappings (by header signature: a plain object, so the page can send it to the worker).
   */
  checkBatch(file: InputFile, mappings: Record<string, HeaderMapping> = {}): Promise<FileLoadResult> {
    return loadCheckBatch(this.db, file, { mappingFor: (signature) => mappings[signature] });
  }

  /** The checked batch's claims by dollars at risk, each line's flags with evidence and fix. */
  checkResult() {
    return checkResult(this.db);
  }

  async checkWorklistCsv(): Promise<string> {
    return worklistCsv(await checkResult(this.db));
  }

  clearCheck() {
    return clearCheck(this.db);
  }

  /** Month by month: the check run on each month as if unsent, learning from the months before, against what payers did. */
  backtest() {
    return backtest(this.db);
  }

  monthly(filters: Filters = {}): Promise<MonthRow[]> {
    return this.db.query<MonthRow>(monthlyByCategorySql(filters));
  }

  async kpis(filters: Filters = {}): Promise<Kpis> {
    const [claimKeys] = await this.db.query<ClaimKeyRange>(CLAIM_KEY_RANGE_SQL);
    const [row] = await this.db.query<Kpis>(kpisSql(filters, claimKeys));
    return row;
  }

  deniedLines(
    filters: Filters,
    page: { offset: number; limit: number; sort?: { column: string; direction: SortDirection }; search?: string },
  ): Promise<DeniedLineRow[]> {
    return this.db.query<DeniedLineRow>(deniedLinesSql(filters, page));
  }

  async lineDetail(lineId: number): Promise<LineDetailRow | null> {
    const [row] = await this.db.query<LineDetailRow>(lineDetailSql(lineId));
    return row ?? null;
  }

  async filterOptions(): Promise<FilterOptions> {
    const [row] = await this.db.query<FilterOptionsRow>(FILTER_OPTIONS_SQL);
    return {
      payers: row.payers ?? [],
      providers: row.providers ?? [],
      service_months: row.service_months ?? [],
      remit_months: row.remit_months ?? [],
    };
  }

  files() {
    return this.db.query<FileRow>(FILES_SQL);
  }

  /** Fields on which an export copy and the 835 adjudication it repeats disagree, with the value kept and why. */
  sourceDisagreements() {
    return this.db.query<SourceDisagreementRow>(SOURCE_DISAGREEMENTS_LIST_SQL);
  }

  rejects(fileId?: number) {
    return this.db.query<RejectListRow>(rejectsSql(fileId));
  }

  /** Rejected rows grouped by reason (without the row's own values), the biggest group first. */
  rejectGroups() {
    return this.db.query<RejectGroupRow>(REJECT_GROUPS_SQL);
  }

  /** The first `limit` rejected rows of one reason group (as rejectGroups names it). */
  rejectRows(pattern: string, limit: number) {
    return this.db.query<RejectRow>(rejectRowsSql(pattern, limit));
  }

  /** Every rejected row of one reason group, or of all, as an Excel-safe CSV. */
  rejectsCsv(pattern?: string) {
    return rejectsCsv(this.db, pattern);
  }

  unmatched() {
    return this.db.query<UnmatchedRow>(UNMATCHED_SQL);
  }

  remittances() {
    return this.db.query<RemittanceRow>(REMITTANCES_SQL);
  }

  unbalanced() {
    return this.db.query<UnbalancedRow>(UNBALANCED_SQL);
  }

  /** Diagnoses a procedure was paid and denied with in the loaded data, at every payer or at those named, with their descriptions. */
  crosswalk(procedure: string, payers: string[] = []) {
    return crosswalkRows(this.db, procedure, payers);
  }

  /** The payers that billed a procedure (the crosswalk's payer filter). */
  crosswalkPayers(procedure: string) {
    return crosswalkPayers(this.db, procedure);
  }

  /** Procedures in the loaded data with their line counts (the crosswalk view's picker). */
  crosswalkProcedures() {
    return crosswalkProcedures(this.db);
  }

  /** One procedure's lines, what it is paid with, the denied diagnoses never paid with it, and the lines citing that. */
  crosswalkSummary(procedure: string) {
    return crosswalkSummary(this.db, procedure);
  }

  /** The loaded reference data (ICD-10-CM releases, NCCI PTP, procedure facts, CARC/RARC) and its coverage of the lines. */
  referenceOverview() {
    return referenceOverview(this.db);
  }

  /**
   * Before the code sets change: the codes billed in the last 12 months of data that the loaded
   * releases taking effect after it delete, expand or give new codes beside; and the dates of
   * service no loaded release answers for.
   */
  codeSetChanges() {
    return codeSetChanges(this.db);
  }

  async codeSetChangesCsv() {
    return codeSetChangesCsv(await codeSetChanges(this.db));
  }

  /** Every ICD-10-CM change of the loaded releases taking effect on or after a date (YYYY-MM-DD), billed or not. */
  codeChanges(onOrAfter: string) {
    return codeChanges(this.db, onOrAfter);
  }

  /** Dates of service after what the loaded releases answer for, with what to import. */
  referenceGaps() {
    return referenceGaps(this.db);
  }

  /** Imports official ICD-10-CM / NCCI PTP files (outcome per file), then re-classifies if anything was loaded. */
  async importReference(files: ReferenceImportFile[]) {
    const outcomes = await importReferenceFiles(this.db, files);
    if (outcomes.some((o) => o.status === 'loaded')) await this.refresh();
    return outcomes;
  }

  /** Takes imported files' data out of the reference again, then re-classifies. */
  async removeImportedReference(files: ImportedReferenceFile[]) {
    await removeImportedReference(this.db, files);
    await this.refresh();
  }

  exportLines() {
    return this.db.query<ReportLine>(EXPORT_LINES_SQL);
  }

  /** The review's months on both bases, newest first, the partial ones marked and explained. */
  reviewMonths() {
    return reviewMonths(this.db);
  }

  /** Every adjudication read, counted or not, with its kind and adjustments (the CLI's `adjudications`). */
  exportAdjudications() {
    return this.db.query<ReportAdjudication>(EXPORT_ADJUDICATIONS_SQL);
  }

  /** Monthly review (filters.month required): KPIs vs the month before and the average of the three before. */
  reviewKpis(filters: Filters) {
    return reviewKpis(this.db, filters);
  }

  /** Monthly review: new / recurring / returning / resolved / no-data denial patterns, by dollars at risk. */
  reviewPatterns(filters: Filters, options: PatternOptions = {}) {
    return reviewPatterns(this.db, filters, options);
  }

  payerTrend(filters: Filters) {
    return this.db.query<PayerMonthRow>(payerTrendSql(filters));
  }

  payerCategories(filters: Filters) {
    return this.db.query<PayerCategoryRow>(payerCategorySql(filters));
  }

  providerTrend(filters: Filters) {
    return this.db.query<ProviderMonthRow>(providerTrendSql(filters));
  }

  /** The claim a line belongs to: its documents, lines, adjustments, remarks, diagnoses and reversals. */
  claimDetail(lineId: number) {
    return claimDetail(this.db, lineId);
  }

  deniedLinesCsv(filters: Filters, options: { sort?: { column: string; direction: SortDirection }; search?: string } = {}) {
    return deniedLinesCsv(this.db, filters, options);
  }

  patternsCsv(filters: Filters) {
    return patternsCsv(this.db, filters);
  }

  /** What happened to each action's pattern before and after its date, and its status in the reviewed month. */
  actionOutcomes(actions: readonly PatternAction[], month: string, basis: 'service' | 'remit' = 'service') {
    return actionOutcomes(this.db, actions, month, basis);
  }

  /** Actions as an Excel-safe CSV, with their outcomes when given. */
  actionsCsv(actions: readonly PatternAction[], outcomes: readonly ActionOutcome[] = []) {
    return actionsCsv(actions, outcomes);
  }

  /** Actions read back from a CSV (all or none, problems by spreadsheet row). */
  readActionsCsv(bytes: Uint8Array) {
    return readActionsCsv(bytes);
  }

  /** Audit sampling (README "How a sample is drawn"): the frame's size and strata before drawing. */
  sampleFrame(spec: SampleSpec) {
    return frameSummary(this.db, spec);
  }

  /** Every unit of the frame with its order fields and key, and the fingerprint (CSV), to check a draw outside the app. */
  frameCsv(spec: SampleSpec) {
    return frameCsv(this.db, spec);
  }

  drawSample(spec: SampleSpec) {
    return drawSample(this.db, spec);
  }

  /** The sample's results with their intervals at `level` (README "How the results are computed"). */
  auditResults(sample: AuditSample, reviews: Reviews, level: number) {
    return auditReport(sample, reviews, level);
  }

  worksheetCsv(sample: AuditSample, reviews: Reviews) {
    return worksheetCsv(sample, reviews);
  }

  readWorksheetCsv(sample: AuditSample, reviews: Reviews, bytes: Uint8Array) {
    return readWorksheetCsv(sample, reviews, bytes);
  }
}
