import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import { csvFile, openTestEngine } from '../helpers.ts';
import { denied, exportCsv, type TestLine } from './export-builder.ts';

/**
 * The modifier and history rules' findings (source 'rule' / 'history') on hand-built claims;
 * not the final category, which the precedence decides.
 *
 * Global days and bilateral indicators expected here are read from the CMS PPRRVU October 2025
 * release (../shared/reference-data/cms-pfs-indicators/pprrvu_2025_Q4_RVU25D.csv.gz, columns
 * year, quarter, hcpcs, modifier, status, global_days, pctc, mult_proc, bilat_surg, …):
 *   line 1635  20610 A 000 bilat 1     line 1489  17110 A 010 bilat 0
 *   line 2764  27447 A 090 bilat 1     line 1127  11042 A 000 (also RVU20A line 731)
 *   line 4336  36415 X XXX bilat 9     line 12576 96372 A XXX bilat 0
 *   line 11724 93000 A XXX bilat 0     line 8015  73560 A XXX bilat 3
 *   line 12654 97140 A XXX, 12676 97530 A XXX, 12798/12799 99213/99214 A XXX bilat 0
 * Dates of service are in 2026 (RVU25D answers, past its quarter) unless a case says otherwise.
 * Modifier 25/57 by global days: Medicare Claims Processing Manual ch. 12 §30.6.6, §40.1-40.2;
 * NCCI Policy Manual ch. I and XI: 59/X{EPSU} are never for E/M services.
 */
const paid = (line: Omit<TestLine, 'paid' | 'adj'>): TestLine => ({ ...line, paid: 80, adj: 'CO-45 20.00' });
const I10 = ['I10'];

const LINES: TestLine[] = [
  // E/M + 0-day global procedure, no 25
  denied('CO-97', { claim: 'MINOR', cpt: '99214', dx: ['M17.11'] }),
  paid({ claim: 'MINOR', cpt: '20610', mods: ['RT'], dx: ['M17.11'] }),
  // the same with 25 already on the E/M, bundled anyway
  denied('CO-97', { claim: 'HAS25', cpt: '99214', mods: ['25'], dx: ['M17.11'] }),
  paid({ claim: 'HAS25', cpt: '20610', mods: ['RT'], dx: ['M17.11'] }),
  // 57 on the E/M, but the procedure is minor
  denied('CO-97', { claim: 'MINOR57', cpt: '99214', mods: ['57'], dx: ['M17.11'] }),
  paid({ claim: 'MINOR57', cpt: '20610', mods: ['RT'], dx: ['M17.11'] }),
  // 10-day global
  denied('CO-234', { claim: 'TENDAY', cpt: '99213', dx: ['L82.1'] }),
  paid({ claim: 'TENDAY', cpt: '17110', dx: ['B07.8'] }),
  // no global period: venipuncture, therapeutic injection, ECG
  denied('CO-97', { claim: 'LAB', cpt: '99213', dx: I10 }),
  paid({ claim: 'LAB', cpt: '36415', dx: I10 }),
  denied('CO-234', { claim: 'INJ', cpt: '99213', dx: ['J45.909'] }),
  paid({ claim: 'INJ', cpt: '96372', dx: ['J45.909'] }),
  // 90-day global the day after the visit (same claim), and on the same day with 25
  denied('CO-97', { claim: 'MAJOR', dos: '2026-03-02', cpt: '99214', dx: ['M17.11'] }),
  paid({ claim: 'MAJOR', dos: '2026-03-03', cpt: '27447', mods: ['RT'], dx: ['M17.11'] }),
  denied('CO-97', { claim: 'MAJOR25', cpt: '99214', mods: ['25'], dx: ['M17.11'] }),
  paid({ claim: 'MAJOR25', cpt: '27447', mods: ['RT'], dx: ['M17.11'] }),
  // the surgery on a claim of its own the day after the visit (same patient account)
  denied('CO-97', { claim: 'DECIDE', dos: '2026-04-06', cpt: '99204', dx: ['M17.12'], patient: 'P-77' }),
  paid({ claim: 'SURGERY', dos: '2026-04-07', cpt: '27447', mods: ['LT'], dx: ['M17.12'], patient: 'P-77' }),
  // a visit the day AFTER a major surgery is post-operative care, not the decision for it
  denied('CO-97', { claim: 'POSTOP', dos: '2026-03-03', cpt: '99213', dx: ['M17.11'] }),
  paid({ claim: 'POSTOP', dos: '2026-03-02', cpt: '27447', mods: ['RT'], dx: ['M17.11'] }),
  // before the first loaded fee-schedule release: the CPT surgery section fallback
  denied('CO-97', { claim: 'OLD', dos: '2019-06-03', cpt: '99213', dx: ['L97.129'] }),
  paid({ claim: 'OLD', dos: '2019-06-03', cpt: '11042', dx: ['L97.129'] }),
  // a different rendering provider did the procedure
  denied('CO-97', { claim: 'OTHERDOC', cpt: '99214', dx: ['M17.11'] }),
  paid({ claim: 'OTHERDOC', cpt: '20610', mods: ['RT'], dx: ['M17.11'], provider: 'ROE, RICHARD' }),
  // CARC 236 on a procedure pair
  denied('CO-236', { claim: 'PAIR', cpt: '97530', dx: ['M54.50'] }),
  paid({ claim: 'PAIR', cpt: '97140', dx: ['M54.50'] }),
  denied('CO-236', { claim: 'PAIRXU', cpt: '97530', mods: ['XU'], dx: ['M54.50'] }),
  paid({ claim: 'PAIRXU', cpt: '97140', dx: ['M54.50'] }),
  // CARC 236 on an E/M with an ECG: with 25 bundling; without, no 59/X advice
  denied('CO-236', { claim: 'EM236', cpt: '99214', mods: ['25'], dx: I10 }),
  paid({ claim: 'EM236', cpt: '93000', dx: I10 }),
  denied('CO-236', { claim: 'EM236NO', cpt: '99214', dx: I10 }),
  paid({ claim: 'EM236NO', cpt: '93000', dx: I10 }),
  // side of the body
  denied('CO-4', { claim: 'XRAY', cpt: '73560', dx: ['M25.561'] }),
  denied('CO-4', { claim: 'INJSIDE', cpt: '20610', dx: ['M17.12'] }),
  denied('CO-4', { claim: 'BOTH', cpt: '20610', dx: ['M17.0'] }),
  denied('CO-4', { claim: 'VISITSIDE', cpt: '99213', dx: ['M25.561'] }),
  // an imported NCCI edit (hand-made, see beforeAll) with an E/M as column two
  denied('CO-97', { claim: 'NCCIEM', cpt: '99213', dx: ['J45.909'] }),
  paid({ claim: 'NCCIEM', cpt: '96374', dx: ['J45.909'] }),
  denied('CO-97', { claim: 'NCCIEM25', cpt: '99213', mods: ['25'], dx: ['J45.909'] }),
  paid({ claim: 'NCCIEM25', cpt: '96374', dx: ['J45.909'] }),
  // history: 99213 paid 10 times with I10, denied with M25.561; 71046 paid 10 times with J18.9, denied with M25.571
  ...Array.from({ length: 10 }, (_, i) => paid({ claim: `H${i}`, cpt: '99213', dx: I10 })),
  ...Array.from({ length: 10 }, (_, i) => paid({ claim: `X${i}`, cpt: '71046', dx: ['J18.9'] })),
  denied('CO-11', { claim: 'HISTEM', cpt: '99213', dx: ['M25.561'] }),
  denied('CO-11', { claim: 'HISTCXR', cpt: '71046', dx: ['M25.571'] }),
];

/** Hand-made PTP edit (not a CMS row): 96374 column one, 99213 column two, modifier indicator 1. */
const PTP = 'hand-made PTP edits for the modifier tests\r\n96374\t99213\t\t20200101\t*\t1\tMisuse of column two code with column one code\r\n';

let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine();
  await engine.importReference([{ kind: 'ncci-ptp', name: 'ccipra-v999r0-f8.txt', bytes: new TextEncoder().encode(PTP) }]);
  await engine.loadFiles([csvFile('modifier-cases.csv', exportCsv(LINES))]);
}, 120_000);

interface Finding {
  procedure: string;
  category: string;
  text: string;
  fix: string;
  codes: string[];
}

const findings = (claim: string, source = 'rule') =>
  engine.db.query<Finding>(sql`
    SELECT DISTINCT al.billed_procedure AS procedure, f.category, f.text, f.fix, f.codes
    FROM findings f JOIN analysis_lines al USING (line_id)
    WHERE f.source = ${source} AND al.claim_id = ${claim}
    ORDER BY procedure, category, text`);

describe('E/M with a procedure: modifier 25 or 57 by the CMS global days', () => {
  it('asks for 25 on an E/M billed with a 0-day global procedure, citing the fee schedule', async () => {
    const [f, ...rest] = await findings('MINOR');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ procedure: '99214', category: 'missing_modifier', codes: ['99214', '20610'] });
    expect(f.text).toContain('99214 (billed with no modifier) and 20610 (0-day global per CMS PFS RVU25D, in force from 2025-10-01 and the newest release loaded for this date)');
    expect(f.fix).toMatch(/^Append 25 to 99214 if the E\/M was significant and separately identifiable from 20610/);
  });

  it('calls an E/M that carries 25 and was bundled anyway bundling, to appeal, never "append 25"', async () => {
    const [f, ...rest] = await findings('HAS25');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ procedure: '99214', category: 'bundling' });
    expect(f.text).toContain('99214 already carries modifier 25');
    expect(f.text).toContain('the payer still bundled it: CO-97');
    expect(f.fix).toMatch(/^Do not resubmit with another modifier: appeal with the visit note/);
    expect(f.fix).not.toMatch(/append/i);
  });

  it('asks to replace 57 with 25 when the procedure has a 0-day global', async () => {
    const [f] = await findings('MINOR57');
    expect(f.text).toContain('99214 (billed with modifier 57) and 20610 (0-day global');
    expect(f.fix).toMatch(/^Replace 57 with 25 on 99214/);
  });

  it('asks for 25 with a 10-day global (17110)', async () => {
    expect(await findings('TENDAY')).toMatchObject([{ procedure: '99213', category: 'missing_modifier', fix: expect.stringMatching(/^Append 25 to 99213/) }]);
    expect((await findings('TENDAY'))[0].text).toContain('17110 (10-day global');
  });

  it('finds nothing for venipuncture 36415 or injection 96372: XXX, no global period', async () => {
    expect(await findings('LAB')).toEqual([]);
    expect(await findings('INJ')).toEqual([]);
  });

  it('asks for 57 on the visit the day before a 90-day global surgery, and 57 instead of 25 on the same day', async () => {
    const [f] = await findings('MAJOR');
    expect(f).toMatchObject({ procedure: '99214', category: 'missing_modifier', codes: ['99214', '27447'] });
    expect(f.text).toContain('27447 on 2026-03-03 (90-day global per CMS PFS RVU25D');
    expect(f.text).toContain('takes modifier 57');
    expect(f.fix).toMatch(/^If 99214 was the decision for surgery \(documented\), append 57 to it/);
    const [g] = await findings('MAJOR25');
    expect(g.text).toContain('99214 (billed with modifier 25) and 27447 (90-day global');
    expect(g.fix).toMatch(/replace 25 with 57 on it/);
    expect(await findings('DECIDE')).toMatchObject([{ procedure: '99204', category: 'missing_modifier', codes: ['99204', '27447'] }]);
  });

  it('finds nothing for a visit the day after the surgery, or for a procedure by another provider', async () => {
    expect(await findings('POSTOP')).toEqual([]);
    expect(await findings('OTHERDOC')).toEqual([]);
  });

  it('falls back to the CPT surgery section when no loaded release covers the date (2019)', async () => {
    const [f] = await findings('OLD');
    expect(f).toMatchObject({ procedure: '99213', category: 'missing_modifier' });
    expect(f.text).toContain('11042 (not in the loaded CMS fee schedule on that date; CPT surgery section');
  });
});

describe('NCCI and CARC 236', () => {
  it('asks for a distinct-service modifier on a procedure pair denied 236, and calls it bundling when one is there', async () => {
    const [f] = await findings('PAIR');
    expect(f).toMatchObject({ procedure: '97530', category: 'missing_modifier' });
    expect(f.fix).toContain('append XS/XU (or 59) to it');
    const [g, ...rest] = await findings('PAIRXU');
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ procedure: '97530', category: 'bundling' });
    expect(g.text).toContain('already carries 59, XE, XS, XP or XU');
    expect(g.fix).toMatch(/^Do not resubmit with another modifier: appeal/);
  });

  it('never advises 59 or X{EPSU} on an E/M: 236 with 25 is bundling, without 25 and with an XXX service nothing', async () => {
    const [f, ...rest] = await findings('EM236');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ procedure: '99214', category: 'bundling' });
    expect(f.fix).not.toMatch(/append/i);
    expect(await findings('EM236NO')).toEqual([]);
  });

  it('reads an NCCI edit with an E/M in column two as "append 25", or bundling when 25 is there', async () => {
    const [f, ...rest] = await findings('NCCIEM');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ procedure: '99213', category: 'missing_modifier', codes: ['96374', '99213'] });
    expect(f.fix).toMatch(/^Append 25 to 99213 if the E\/M was significant and separately identifiable from 96374/);
    expect(f.fix).toContain('NCCI does not accept 59 or XE/XS/XP/XU on an E/M');
    const [g] = await findings('NCCIEM25');
    expect(g).toMatchObject({ procedure: '99213', category: 'bundling' });
    expect(g.text).toContain('99213 carries 25 and was still denied');
    expect(g.fix).not.toMatch(/append/i);
  });
});

describe('side of the body by the PFS bilateral-surgery indicator', () => {
  it('asks for RT on a knee X-ray (indicator 3) and LT on a knee injection (indicator 1) from the diagnosis', async () => {
    const [x] = await findings('XRAY');
    expect(x).toMatchObject({ procedure: '73560', category: 'missing_modifier', codes: ['73560', 'M25.561'] });
    expect(x.text).toContain('bilateral-surgery indicator 3 (CMS PFS RVU25D');
    expect(x.fix).toBe('Append RT to 73560 and submit a corrected claim.');
    const [i] = await findings('INJSIDE');
    expect(i.text).toContain('bilateral-surgery indicator 1');
    expect(i.fix).toBe('Append LT to 20610 and submit a corrected claim.');
  });

  it('asks for 50 on both knees (M17.0 bilateral) with indicator 1, and nothing on an E/M (indicator 0)', async () => {
    expect((await findings('BOTH'))[0].fix).toBe('Append 50 to 20610 (one line) and submit a corrected claim.');
    expect(await findings('VISITSIDE')).toEqual([]);
  });
});

describe('practice history', () => {
  it('does not apply to E/M visits, and still applies to a chest X-ray', async () => {
    expect(await findings('HISTEM', 'history')).toEqual([]);
    expect(await findings('HISTCXR', 'history')).toMatchObject([{ procedure: '71046', category: 'mismatch' }]);
  });
});
