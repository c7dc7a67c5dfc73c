import type { Db } from '../db/db.ts';
import { CATEGORY_LABELS } from '../classify/categories.ts';
import { deniedLinesExportSql, type DeniedLineExportRow, type SortDirection } from '../analytics/dashboard.sql.ts';
import type { Filters } from '../analytics/filters.sql.ts';
import { describeCause, reviewPatterns, type PatternRow } from '../analytics/patterns.ts';
import { toCsv, type CsvColumn } from './csv.ts';

const LINE_COLUMNS: CsvColumn<DeniedLineExportRow>[] = [
  { header: 'Claim', value: (r) => r.claim_id },
  { header: 'Line', value: (r) => r.line_number },
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
  { header: 'Evidence', value: (r) => r.evidence.join(' | ') },
  { header: 'Suggested fix', value: (r) => r.fix },
  { header: 'Paid later ($)', value: (r) => r.paid_later },
];

/** The denied-lines table as CSV: every row of the current filters, search and sort (not just the rows on screen). */
export async function deniedLinesCsv(
  db: Db,
  filters: Filters,
  options: { sort?: { column: string; direction: SortDirection }; search?: string } = {},
): Promise<string> {
  return toCsv(LINE_COLUMNS, await db.query<DeniedLineExportRow>(deniedLinesExportSql(filters, options)));
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
