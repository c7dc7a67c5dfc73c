import type { Db } from './db/db.ts';
import { LINE_BATCHES_SQL, type LineBatchRow } from './analysis/analysis-lines.sql.ts';
import { REFRESH_STEPS, createEmptySql, insertBatchSql } from './refresh.sql.ts';
import { Sql } from './db/sql.ts';

/**
 * Rebuilds links, adjudication chains, classification, the facts table and the
 * patterns from the canonical tables. The per-line tables are written in batches
 * of lines (LINE_BATCHES_SQL), so memory stays flat however many lines are loaded.
 */
export async function refreshAnalysis(db: Db): Promise<void> {
  let batches: LineBatchRow[] | undefined;
  for (const step of REFRESH_STEPS) {
    if (step instanceof Sql) {
      await db.exec(step);
      continue;
    }
    batches ??= await db.query<LineBatchRow>(LINE_BATCHES_SQL);
    await db.exec(createEmptySql(step));
    for (const b of batches) await db.exec(insertBatchSql(step, b.from_id, b.to_id));
  }
}
