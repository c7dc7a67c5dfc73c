import { readFileSync } from 'node:fs';
import { ident, inListSql, sql, type Sql } from '../../../src/engine/db/sql.ts';
import { describe, expect, it } from 'vitest';
import { csvFile, openTestEngine } from '../helpers.ts';
import type { Engine } from '../../../src/engine/engine.ts';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/x12/${name}`, import.meta.url))) });

// Two lines kept, one rejected (a date that is not a date). By hand: 2 claims, 2 lines, billed
// 100 + 80 = 180, paid 80 + 0 = 80; B2 is denied (CO-11, nothing paid), B1 is not (CO-45).
const EXPORT = csvFile(
  'export.csv',
  [
    'Claim ID,DOS,Payer,CPT,Dx 1,Dx Pointer,Billed,Paid,Adj Codes,Check Date',
    'B1,01/05/2026,Aetna,99213,J06.9,1,100.00,80.00,CO-45 20.00,01/20/2026',
    'B2,01/06/2026,Aetna,71046,M25.571,1,80.00,0,CO-11 80.00,01/20/2026',
    'B3,13/45/2026,Aetna,99213,J06.9,1,100.00,80.00,CO-45 20.00,01/20/2026',
  ].join('\n'),
);

/** Every table (canonical or derived) with a column `column`. */
async function tablesWith(engine: Engine, column: string): Promise<string[]> {
  const rows = await engine.db.query<{ table_name: string }>(
    sql`SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = ${column} AND table_schema = 'main' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

/** Rows of any table whose `column` holds one of `ids`, table by table (only tables with rows). */
async function rowsKeyedBy(engine: Engine, column: string, ids: number[]): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  if (ids.length === 0) return found;
  for (const table of await tablesWith(engine, column)) {
    const [{ n }] = await engine.db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${ident(table)} WHERE ${ident(column)} IN ${inListSql(ids)}`);
    if (n > 0) found[table] = n;
  }
  return found;
}

async function keysOf(engine: Engine, fileId: number) {
  const ids = async (query: Sql) => (await engine.db.query<{ id: number }>(query)).map((r) => Number(r.id));
  return {
    file_id: [fileId],
    claim_key: await ids(sql`SELECT claim_key AS id FROM claims WHERE file_id = ${fileId}`),
    line_id: await ids(sql`SELECT line_id AS id FROM service_lines WHERE file_id = ${fileId}`),
    remit_id: await ids(sql`SELECT remit_id AS id FROM remittances WHERE file_id = ${fileId}`),
  };
}

describe('removing a loaded file', () => {
  it('leaves exactly what loading the other file alone gives, and no row of the removed files', async () => {
    const engine = await openTestEngine();
    const results = await engine.loadFiles([fixture('835-remit.835'), EXPORT, fixture('837p-claims.837')]);
    expect(results.map((r) => r.status)).toEqual(['loaded', 'loaded', 'loaded']);
    const [remit, , claims837] = results;
    const removedKeys = [await keysOf(engine, remit.fileId!), await keysOf(engine, claims837.fileId!)];
    // the fixtures do fill every kind of table: payments, PLB, CAS, remarks, diagnoses, rejects
    expect(await rowsKeyedBy(engine, 'remit_id', removedKeys[0].remit_id)).toMatchObject({ remittances: 1, provider_adjustments: 2 });
    expect((await rowsKeyedBy(engine, 'claim_key', removedKeys[1].claim_key)).diagnoses).toBeGreaterThan(0);

    expect(await engine.removeFile(remit.fileId!)).toEqual({ name: '835-remit.835', repeats: [] });
    await engine.removeFile(claims837.fileId!);

    for (const keys of removedKeys) {
      for (const [column, ids] of Object.entries(keys)) expect(await rowsKeyedBy(engine, column, ids), column).toEqual({});
    }
    expect((await engine.files()).map((f) => f.name)).toEqual(['export.csv']);
    expect((await engine.rejects()).map((r) => [r.file, r.line])).toEqual([['export.csv', 4]]);

    const kpis = await engine.kpis();
    expect(kpis).toMatchObject({ lines: 2, claims: 2, denied_lines: 1, billed: 180, paid: 80 });
    const alone = await openTestEngine();
    await alone.loadFiles([EXPORT]);
    expect(kpis).toEqual(await alone.kpis());
    expect(await engine.monthly()).toEqual(await alone.monthly());
  });

  it('names the files whose repeated payments count again only once they are loaded again', async () => {
    const engine = await openTestEngine();
    const first = fixture('835-remit.835');
    // the same payment in a re-formatted copy (other bytes): its claims were refused as repeats
    const copy = { name: 'copy.835', bytes: new TextEncoder().encode(new TextDecoder().decode(first.bytes).replaceAll('~', '~\n')) };
    const [a, b] = await engine.loadFiles([first, copy]);
    expect(b.status).toBe('loaded');
    expect(await engine.removeFile(a.fileId!)).toEqual({ name: '835-remit.835', repeats: [{ name: 'copy.835', payments: 1 }] });
    await expect(engine.removeFile(a.fileId!)).rejects.toThrow(/no loaded file/);
  });
});
