import { describe, expect, it } from 'vitest';
import { cents, isDenied, readCsv, readPlanted, type CsvRow } from './outputs.ts';

/**
 * Each planted problem recognised again from the CSV alone (billed codes, modifiers,
 * pointers): the counts must equal what the generator wrote into planted.json.
 */
const SIGNATURES: Record<string, (row: CsvRow, claim: CsvRow[]) => boolean> = {
  'outdated-dx-m54.5': (r) => pointed(r).includes('M54.5'),
  'mismatch-chest-xray-ankle-pain': (r) => r['CPT/HCPCS'] === '71046' && pointed(r).includes('M25.571'),
  'unspecified-knee-laterality': (r) => pointed(r).includes('M25.569'),
  'em-with-injection-no-25': (r, claim) =>
    /^(9920[2-5]|9921[1-5])$/.test(r['CPT/HCPCS']) && !modifiers(r).includes('25') && claim.some((x) => x['CPT/HCPCS'] === '20610'),
  'deleted-telephone-em-99442': (r) => r['CPT/HCPCS'] === '99442',
  'knee-xray-no-side-modifier': (r) => r['CPT/HCPCS'] === '73560' && !modifiers(r).some((m) => ['RT', 'LT', '50'].includes(m)),
  'pt-ncci-pair-no-59': (r, claim) =>
    r['CPT/HCPCS'] === '97140' &&
    !modifiers(r).some((m) => ['59', 'XE', 'XS', 'XP', 'XU'].includes(m)) &&
    claim.some((x) => x['CPT/HCPCS'] === '97530'),
};

const modifiers = (r: CsvRow) => [r['Mod 1'], r['Mod 2'], r['Mod 3'], r['Mod 4']].filter(Boolean);
const pointed = (r: CsvRow) => r['Dx Pointer'].split(',').map((p) => r[`Dx ${p}`]);
const month = (r: CsvRow) => `${r.DOS.slice(6)}-${r.DOS.slice(0, 2)}`;

describe('planted coding problems', () => {
  const { rows } = readCsv();
  const planted = readPlanted();
  const claims = new Map<string, CsvRow[]>();
  for (const r of rows) claims.set(r['Claim ID'], [...(claims.get(r['Claim ID']) ?? []), r]);

  function recount(id: string) {
    const byMonth: Record<string, { lines: number; denied_lines: number; denied_charges: number; paid_lines: number }> = {};
    for (const r of rows) byMonth[month(r)] ??= { lines: 0, denied_lines: 0, denied_charges: 0, paid_lines: 0 };
    const charges: Record<string, number> = {};
    for (const r of rows) {
      if (!SIGNATURES[id](r, claims.get(r['Claim ID'])!)) continue;
      const m = byMonth[month(r)];
      m.lines++;
      if (isDenied(r)) {
        m.denied_lines++;
        charges[month(r)] = (charges[month(r)] ?? 0) + cents(r['Billed Amt']);
      } else m.paid_lines++;
    }
    for (const [m, c] of Object.entries(charges)) byMonth[m].denied_charges = c / 100;
    return byMonth;
  }

  it('lists the seven problems with their categories', () => {
    expect(planted.planted.map((p) => [p.id, p.category])).toEqual([
      ['outdated-dx-m54.5', 'outdated'],
      ['mismatch-chest-xray-ankle-pain', 'mismatch'],
      ['unspecified-knee-laterality', 'unspecified'],
      ['em-with-injection-no-25', 'missing_modifier'],
      ['deleted-telephone-em-99442', 'outdated'],
      ['knee-xray-no-side-modifier', 'missing_modifier'],
      ['pt-ncci-pair-no-59', 'missing_modifier'],
    ]);
  });

  for (const id of Object.keys(SIGNATURES)) {
    it(`${id}: planted.json counts equal a recount from the CSV, month by month`, () => {
      const problem = planted.planted.find((p) => p.id === id)!;
      expect(problem.by_month).toEqual(recount(id));
      expect(problem.totals.denied_lines).toBeGreaterThan(0);
    });
  }

  it('keeps recurring problems in every month, stops the resolved one, starts the new one late', () => {
    const denied = (id: string) => Object.entries(recount(id)).map(([m, c]) => [m, c.denied_lines] as const);
    for (const id of ['outdated-dx-m54.5', 'unspecified-knee-laterality', 'em-with-injection-no-25']) {
      expect(denied(id).every(([, n]) => n > 0), id).toBe(true);
    }
    for (const [m, n] of denied('deleted-telephone-em-99442')) expect(n > 0, m).toBe(m <= '2026-02');
    for (const [m, n] of denied('pt-ncci-pair-no-59')) expect(n > 0, m).toBe(m >= '2026-08');
  });

  it('has contrast: lines with the problem that some payer paid', () => {
    for (const id of ['outdated-dx-m54.5', 'unspecified-knee-laterality', 'em-with-injection-no-25', 'knee-xray-no-side-modifier', 'pt-ncci-pair-no-59']) {
      expect(planted.planted.find((p) => p.id === id)!.totals.lines).toBeGreaterThan(planted.planted.find((p) => p.id === id)!.totals.denied_lines);
    }
  });

  it('lists recoveries that a later payment actually paid', () => {
    expect(planted.recoveries.length).toBeGreaterThanOrEqual(3);
    for (const r of planted.recoveries) expect(r.recovered, r.claim_id).toBeGreaterThan(0);
  });
});
