import type { Db } from '../db/db.ts';
import { rejectRowsSql } from '../analytics/files.sql.ts';
import { toCsv, type CsvColumn } from './csv.ts';

/** A rejected row with the reason group it falls in (files.sql.ts REASON_PATTERN). */
export interface RejectRow {
  file: string;
  line: number | null;
  reason: string;
  excerpt: string | null;
  pattern: string;
}

const COLUMNS: CsvColumn<RejectRow>[] = [
  { header: 'File', value: (r) => r.file },
  { header: 'Line', value: (r) => r.line },
  { header: 'Reason', value: (r) => r.reason },
  { header: 'Reason group', value: (r) => r.pattern },
  { header: 'Text', value: (r) => r.excerpt },
];

/** Every rejected row of one reason group, or of all groups, as an Excel-safe CSV. */
export async function rejectsCsv(db: Db, pattern?: string): Promise<string> {
  return toCsv(COLUMNS, await db.query<RejectRow>(rejectRowsSql(pattern)));
}
