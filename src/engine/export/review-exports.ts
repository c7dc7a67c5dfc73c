import type { Db } from '../db/db.ts';
import { CATEGORY_LABELS } from '../classify/categories.ts';
import { deniedLinesExportSql, type DeniedLineExportRow, type ExportAdjustment, type SortDirection } from '../analytics/dashboard.sql.ts';
import type { Filters } from '../analytics/filters.sql.ts';
import { describeCause, reviewPatterns, type PatternRow } from '../analytics/patterns.ts';
import { toCsv, type CsvColumn } from './csv.ts';

/** Group, reason and amount of the nth adjustment, in three columns each, for as many as the widest row has. */
function adjustmentColumns(label: string, n: number, of: (r: DeniedLineExportRow) => ExportAdjustment[]): CsvColumn<DeniedLineExportRow>[] {
  return Array.from({ length: n }, (_, i): CsvColumn<DeniedLineExportRow>[] => [
    { header: `${label} ${i + 1} group`, value: (r) => of(r)[i]?.group_code ?? null },
    { header: `${label} ${i + 1} CARC`, value: (r) => of(r)[i]?.carc ?? null },
    { header: `${label} ${i + 1} ($)`, value: (r) => of(r)[i]?.amount ?? null },
  ]).flat();
}

function lineColumns(rows: DeniedLineExportRow[]): CsvColumn<DeniedLineExportRow>[] {
  const widest = (of: (r: DeniedLineExportRow) => unknown[]) => rows.reduce((n, r) => Math.max(n, of(r).length), 0);
  return [
    { header: 'Claim', value: (r) => r.claim_id },
    { header: 'Line', value: (r) => r.line_number },
    { header: 'Patient account', value: (r) => r.patient_account },
    { header: 'Payer claim number', value: (r) => r.payer_claim_number },
    { header: 'Date of service', value: (r) => r.service_date },
    { header: 'Remittance date', value: (r) => r.paid_date },
    { header: 'Payer', value: (r) => r.payer },
    { header: 'Rendering provider', value: (r) => r.provider },
    { header: 'CPT/HCPCS', value: (r) => r.procedure },
    { header: 'Modifiers', value: (r) => r.modifiers.join(' ') },
    { header: 'Diagnoses', value: (r) => r.diagnoses.join(' ') },
    { header: 'Billed ($)', value: (r) => r.billed },
    { header: 'Paid ($)', value: (r) => r.paid },
    { header: 'Denied ($)', value: (r) => r.denied_amount },
    { header: 'Denial', value: (r) => r.denial_type },
    { header: 'Category', value: (r) => CATEGORY_LABELS[r.category] ?? r.category },
    ...adjustmentColumns('Line adjustment', widest((r) => r.line_adjustments), (r) => r.line_adjustments),
    { header: 'Line remarks (RARC)', value: (r) => r.line_remarks.join(' ') },
    ...adjustmentColumns('Claim adjustment', widest((r) => r.claim_adjustments), (r) => r.claim_adjustments),
    { header: 'Claim remarks (RARC)', value: (r) => r.claim_remarks.join(' ') },
    { header: 'Evidence', value: (r) => r.evidence.join(' | ') },
    { header: 'Suggested fix', value: (r) => r.fix },
    { header: 'Paid later ($)', value: (r) => r.paid_later },
  ];
}

/** The denied-lines table as CSV: every row of the current filters, search and sort (not just the rows on screen). */
export async function deniedLinesCsv(
  db: Db,
  filters: Filters,
  options: { sort?: { column: string; direction: SortDirection }; search?: string } = {},
): Promise<string> {
  const rows = await db.query<DeniedLineExportRow>(deniedLinesExportSql(filters, options));
  return toCsv(lineColumns(rows), rows);
}

/** Every pattern up to the reviewed month with its status, dollars, monthly series and fix. */
export async function patternsCsv(db: Db, filters: Filters): Promise<string> {
  const review = await reviewPatterns(db, filters, { limit: Infinity });
  const columns: CsvColumn<PatternRow>[] = [
    { header: 'Status', value: (r) => r.status },
    { header: 'Category', value: (r) => CATEGORY_LABELS[r.category] ?? r.category },
    { header: 'Payer', value: (r) => r.payer },
    { header: 'Rendering provider', value: (r) => r.provider },
    { header: 'CPT/HCPCS billed', value: (r) => r.procedure ?? 'any' },
    { header: 'Cause', value: describeCause },
    { header: `Denied lines ${review.month}`, value: (r) => r.lines },
    { header: `Claims ${review.month}`, value: (r) => r.claims },
    { header: `Denied ($) ${review.month}`, value: (r) => r.denied_amount },
    { header: `At risk ($) ${review.month}`, value: (r) => r.at_risk },
    { header: 'Denied ($) 3 months before', value: (r) => r.denied_prior3 },
    { header: 'First seen', value: (r) => r.first_seen },
    { header: 'Last seen', value: (r) => r.last_seen },
    ...review.axis.map((m, i): CsvColumn<PatternRow> => ({ header: `${m} denied ($)`, value: (r) => r.sparkline[i] })),
    { header: 'Suggested fix', value: (r) => r.fix },
    { header: 'Evidence (latest line)', value: (r) => r.evidence.map((e) => e.text).join(' | ') },
  ];
  return toCsv(columns, review.rows);
}
