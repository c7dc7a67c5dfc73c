import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import type { Db } from '../../../src/engine/db/db.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import { PROCEDURE_CODE_FACTS, PROCEDURE_GROUPS } from '../../../src/engine/reference/procedure-facts.ts';
import { replaceProcedureFactsSql } from '../../../src/engine/reference/procedure.sql.ts';
import { REFERENCE_SCHEMA_SQL } from '../../../src/engine/reference/reference.sql.ts';
import { procedureStatus } from './helpers.ts';

const CPT = /^[0-9]{4}[0-9A-Z]$/;
const HCPCS = /^[A-V][0-9]{4}$/;

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
  await db.exec(REFERENCE_SCHEMA_SQL);
  await db.exec(replaceProcedureFactsSql(PROCEDURE_CODE_FACTS, PROCEDURE_GROUPS));
}, 30_000);

describe('procedure code starter lists', () => {
  it('hold code numbers and citations only, no CPT descriptor text', async () => {
    const columns = await db.query<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name IN ('ref_procedure_codes', 'ref_procedure_groups') ORDER BY ALL`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      ['code', 'code', 'code_system', 'grp', 'replacements', 'source', 'valid_from', 'valid_to'].sort(),
    );
    for (const fact of PROCEDURE_CODE_FACTS) {
      expect(fact.code).toMatch(fact.system === 'CPT' ? CPT : HCPCS);
      for (const r of fact.replacements) expect(r).toMatch(CPT);
      // a citation: who published it and when it took effect - nothing else
      expect(fact.source).toMatch(/^(AMA CPT \d{4} annual release|CMS HCPCS Level II annual update), effective \d{4}-\d{2}-\d{2}/);
    }
    for (const codes of Object.values(PROCEDURE_GROUPS)) for (const code of codes) expect(code).toMatch(CPT);
  });

  it('lists each code once, and each code once per group', async () => {
    const [dupes] = await db.query(sql`
      SELECT (SELECT count(*) - count(DISTINCT code) FROM ref_procedure_codes)::INTEGER AS codes,
             (SELECT count(*) - count(DISTINCT (code, grp)) FROM ref_procedure_groups)::INTEGER AS groups`);
    expect(dupes).toEqual({ codes: 0, groups: 0 });
  });

  it('answers deleted / valid / unknown by date of service', async () => {
    expect(await procedureStatus(db, '99201', '2020-12-31')).toMatchObject({ status: 'valid', valid_to: '2020-12-31' });
    expect(await procedureStatus(db, '99201', '2021-01-01')).toMatchObject({ status: 'deleted', replacements: ['99202'] });
    expect(await procedureStatus(db, '99218', '2023-01-01')).toMatchObject({ status: 'deleted', replacements: ['99221', '99222', '99223'] });
    expect(await procedureStatus(db, '99343', '2023-06-01')).toMatchObject({ status: 'deleted' });
    expect(await procedureStatus(db, '99442', '2025-01-01')).toMatchObject({ status: 'deleted', valid_to: '2024-12-31' });
    expect(await procedureStatus(db, ' g2012', '2025-03-01')).toMatchObject({ status: 'deleted', replacements: ['98016'] });
    // not in the starter list: never called valid or invalid
    expect(await procedureStatus(db, '99213', '2023-06-01')).toMatchObject({ status: 'unknown', valid_to: null, source: null });
  });

  it('groups E/M and lateral procedures for the modifier rules', async () => {
    const groupsOf = async (code: string) =>
      (await db.query<{ grp: string }>(sql`SELECT grp FROM ref_procedure_groups WHERE code = ${code} ORDER BY grp`)).map((r) => r.grp);
    expect(await groupsOf('99214')).toEqual(['em']);
    expect(await groupsOf('99285')).toEqual(['em']);
    expect(await groupsOf('20610')).toEqual(['lateral']);
    expect(await groupsOf('73562')).toEqual(['lateral']);
    expect(await groupsOf('73565')).toEqual([]); // both knees: already bilateral
    expect(await groupsOf('36415')).toEqual([]);
  });
});
