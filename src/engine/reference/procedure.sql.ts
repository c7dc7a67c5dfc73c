import type { ProcedureCodeFact } from './procedure-facts.ts';
import { joinSql, sql, type Sql } from '../db/sql.ts';

export const replaceProcedureFactsSql = (facts: readonly ProcedureCodeFact[], groups: Record<string, readonly string[]>): Sql => sql`
DELETE FROM ref_procedure_codes;
INSERT INTO ref_procedure_codes VALUES ${joinSql(
  facts.map(
    (f) =>
      sql`(${f.code}, ${f.system}, ${f.validFrom}::DATE, ${f.validTo}::DATE, ${f.replacements.length ? f.replacements : null}::VARCHAR[], ${f.source})`,
  ),
  sql`,
  `,
)};
DELETE FROM ref_procedure_groups;
INSERT INTO ref_procedure_groups VALUES ${joinSql(Object.entries(groups).flatMap(([grp, codes]) => codes.map((code) => sql`(${code}, ${grp})`)))}`;
