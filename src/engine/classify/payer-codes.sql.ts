import { CARCS, RARCS } from './payer-codes.ts';
import { joinSql, sql, type Sql } from '../db/sql.ts';

/**
 * The CARC/RARC table as SQL, so classification is one SQL pass. Columns are the
 * columns classify.sql.ts reads: denial is NULL for remarks, stop_date NULL
 * while a code is active (the RARC source has no stop dates).
 */
export function createPayerCodesSql(): Sql {
  const rows: (string | boolean | null)[][] = [
    ...CARCS.map((c) => ['CARC', c.code, c.denial, c.bucket, c.label, c.role, c.stop ?? null]),
    ...RARCS.map((r) => ['RARC', r.code, null, r.bucket, r.label, r.role, null]),
  ];
  return sql`
CREATE OR REPLACE TABLE payer_codes (
  kind VARCHAR, code VARCHAR, denial BOOLEAN, bucket VARCHAR, label VARCHAR, role VARCHAR, stop_date DATE
);
INSERT INTO payer_codes VALUES ${joinSql(rows.map((r) => sql`(${joinSql(r.map((v) => sql`${v}`))})`), sql`,
  `)};
`;
}
