import { describe, it, expect, beforeAll } from 'vitest';
import { sql, type Sql } from '../../../src/engine/db/sql.ts';
import { readFileSync } from 'node:fs';
import { openTestEngine } from '../helpers.ts';
import { importNcciPtp } from '../../../src/engine/reference/ncci/import-ptp.ts';
import type { Engine } from '../../../src/engine/engine.ts';

/**
 * The recurring problems planted in sample-data/ (planted.json, written by the
 * generator from its own model) must come out of the classifier in the expected
 * category, month by month, with the right number of denied lines and dollars.
 */
interface Planted {
  id: string;
  category: string;
  totals: { denied_lines: number; denied_charges: number };
  by_month: Record<string, { denied_lines: number; denied_charges: number }>;
}
const planted: Planted[] = JSON.parse(readFileSync('sample-data/planted.json', 'utf8')).planted;

/** How to recognise each planted problem's lines in denial_facts (the signature planted.json describes). */
const SIGNATURES: Record<string, Sql> = {
  'outdated-dx-m54.5': sql`list_contains(diagnoses, 'M545')`,
  'mismatch-chest-xray-ankle-pain': sql`procedure = '71046' AND list_contains(diagnoses, 'M25571')`,
  'unspecified-knee-laterality': sql`list_contains(diagnoses, 'M25569')`,
  'em-with-injection-no-25':
    sql`procedure BETWEEN '99202' AND '99215' AND NOT list_contains(modifiers, '25') AND claim_key IN (SELECT claim_key FROM denial_facts WHERE procedure = '20610')`,
  'deleted-telephone-em-99442': sql`procedure = '99442'`,
  'knee-xray-no-side-modifier': sql`procedure = '73560' AND len(list_intersect(modifiers, ['RT', 'LT', '50'])) = 0`,
  'pt-ncci-pair-no-59':
    sql`procedure = '97140' AND len(list_intersect(modifiers, ['59', 'XE', 'XS', 'XP', 'XU'])) = 0 AND claim_key IN (SELECT claim_key FROM denial_facts WHERE procedure = '97530')`,
};

async function deniedByMonth(engine: Engine, id: string) {
  return engine.db.query<{ month: string; category: string; lines: number; amount: number }>(sql`
    SELECT strftime(service_month, '%Y-%m') AS month, category, count(*)::INTEGER AS lines, sum(denied_amount)::DOUBLE AS amount
    FROM denial_facts WHERE denied AND ${SIGNATURES[id]} GROUP BY ALL ORDER BY month, category`);
}

function expectedByMonth(p: Planted) {
  return Object.entries(p.by_month)
    .filter(([, m]) => m.denied_lines > 0)
    .map(([month, m]) => ({ month, category: p.category, lines: m.denied_lines, amount: m.denied_charges }));
}

describe('planted problems in the sample CSV export', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine();
    const [result] = await engine.loadFiles([
      { name: 'claims-export.csv', bytes: new Uint8Array(readFileSync('sample-data/claims-export-2025-10_2026-09.csv')) },
    ]);
    expect(result).toMatchObject({ status: 'loaded', rowsRejected: 0 });
  });

  it('knows every planted problem', () => {
    expect(planted.map((p) => p.id).sort()).toEqual(Object.keys(SIGNATURES).sort());
  });

  for (const p of planted.filter((x) => x.id !== 'pt-ncci-pair-no-59')) {
    it(`${p.id}: ${p.totals.denied_lines} denied lines as ${p.category}, month by month`, async () => {
      expect(await deniedByMonth(engine, p.id)).toEqual(expectedByMonth(p));
    });
  }

  it('pt-ncci-pair-no-59: CO-236 denials are missing modifiers; CO-97 + M15 stays bundling without NCCI data', async () => {
    const p = planted.find((x) => x.id === 'pt-ncci-pair-no-59')!;
    const rows = await engine.db.query<{ category: string; carc: string; lines: number }>(sql`
      SELECT f.category, r.carc, count(DISTINCT f.line_id)::INTEGER AS lines
      FROM (SELECT * FROM denial_facts WHERE denied AND ${SIGNATURES[p.id]}) f
      JOIN line_reasons r USING (line_id) WHERE r.bucket NOT IN ('contractual', 'patient_responsibility')
      GROUP BY ALL ORDER BY 1`);
    expect(rows.map((r) => [r.category, r.carc])).toEqual([['bundling', '97'], ['missing_modifier', '236']]);
    expect(rows.reduce((n, r) => n + r.lines, 0)).toBe(p.totals.denied_lines);
  });

  it('pt-ncci-pair-no-59: with an NCCI PTP file that allows the pair with a modifier, all of them are missing modifiers', async () => {
    // A file in the CMS practitioner PTP layout naming only this pair (column 1 97530, column 2 97140,
    // modifier indicator 1). It is test input for the importer and the rule, not a claim about CMS's current edits.
    const ptp = [
      'CPT only copyright 2025 American Medical Association.  All rights reserved.\t\t\t\t\t\t',
      'Column1/Column2 Edits\t\t\t\t\t\t',
      'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
      '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
      '\t\t\t\t*=no data\t1=allowed\t',
      '\t\t\t\t\t9=not applicable\t',
      '97530\t97140\t\t20200101\t*\t1\tMutually exclusive procedures',
    ].join('\r\n');
    const imported = await importNcciPtp(engine.db, { name: 'ptp-test.txt', bytes: new TextEncoder().encode(ptp) });
    expect(imported.loaded).toBe(1);
    await engine.refresh();
    const p = planted.find((x) => x.id === 'pt-ncci-pair-no-59')!;
    expect(await deniedByMonth(engine, p.id)).toEqual(expectedByMonth(p));
  });
});
