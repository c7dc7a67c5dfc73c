import { sqlValue } from '../db/sql-quote.ts';
import { CARC, RARC } from './payer-codes.ts';

/** The CARC/RARC mapping as a table, so classification is one SQL pass. */
export function createPayerCodesSql(): string {
  const rows = [
    ...CARC.map((c) => ['CARC', c.code, c.bucket, c.description]),
    ...RARC.map((c) => ['RARC', c.code, c.bucket, c.description]),
  ];
  return /* sql */ `
CREATE OR REPLACE TABLE payer_codes (kind VARCHAR, code VARCHAR, bucket VARCHAR, description VARCHAR);
INSERT INTO payer_codes VALUES ${rows.map((r) => `(${r.map((v) => sqlValue(v)).join(', ')})`).join(',\n  ')};
`;
}
