import { sqlValue } from '../db/sql-quote.ts';
import { CARCS, RARCS } from './payer-codes.ts';

/**
 * The CARC/RARC table as SQL, so classification is one SQL pass. Columns are the
 * columns classify.sql.ts reads: denial is NULL for remarks, stop_date NULL
 * while a code is active (the RARC source has no stop dates).
 */
export function createPayerCodesSql(): string {
  const rows = [
    ...CARCS.map((c) => ['CARC', c.code, c.denial, c.bucket, c.label, c.role, c.stop ?? null]),
    ...RARCS.map((r) => ['RARC', r.code, null, r.bucket, r.label, r.role, null]),
  ];
  return /* sql */ `
CREATE OR REPLACE TABLE payer_codes (
  kind VARCHAR, code VARCHAR, denial BOOLEAN, bucket VARCHAR, label VARCHAR, role VARCHAR, stop_date DATE
);
INSERT INTO payer_codes VALUES ${rows.map((r) => `(${r.map((v) => sqlValue(v)).join(', ')})`).join(',\n  ')};
`;
}
