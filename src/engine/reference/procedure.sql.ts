import { sqlList, sqlString, sqlValue } from '../db/sql-quote.ts';
import type { ProcedureCodeFact } from './procedure-facts.ts';

const date = (value: string | null) => (value === null ? 'NULL' : `${sqlString(value)}::DATE`);

export const REPLACE_PROCEDURE_FACTS_SQL = (facts: readonly ProcedureCodeFact[], groups: Record<string, readonly string[]>) => /* sql */ `
DELETE FROM ref_procedure_codes;
INSERT INTO ref_procedure_codes VALUES ${facts
  .map(
    (f) =>
      `(${sqlString(f.code)}, ${sqlString(f.system)}, ${date(f.validFrom)}, ${date(f.validTo)}, ${
        f.replacements.length ? sqlList(f.replacements) : 'NULL'
      }::VARCHAR[], ${sqlValue(f.source)})`,
  )
  .join(',\n  ')};
DELETE FROM ref_procedure_groups;
INSERT INTO ref_procedure_groups VALUES ${Object.entries(groups)
  .flatMap(([grp, codes]) => codes.map((code) => `(${sqlString(code)}, ${sqlString(grp)})`))
  .join(', ')}`;
