import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.ts';
import type { PatternRow } from '../../../src/engine/analytics/patterns.ts';
import { identityOf, type PatternAction } from '../../../src/engine/actions/actions.ts';
import { actionsCsv, readActionsCsv } from '../../../src/engine/actions/actions-csv.ts';
import { csvFile, openTestEngine } from '../helpers.ts';

/**
 * Actions on the patterns of test/fixtures/review/six-months.csv (Jan–Jun 2026, one line
 * per claim; Beacon Care has no line in April). Every figure is counted by hand from the
 * file (see six-months.test.ts for the denial rules):
 * - Beacon Care 99214 CO-197 (authorization): denied J03 Jan $150, M02 Mar $150, Y02 May
 *   $150; Beacon 99214 paid F03 Feb and U02 Jun; no Beacon line in Apr.
 * - Alpha Health 99213 CO-146 on M54.5 (outdated): denied A01 Apr $100, Y01 May $100;
 *   Alpha 99213 paid in Jan (J05), Feb (F01), Mar (M01), Jun (U01).
 * - Alpha Health 71046 CO-11 with L70.0 (mismatch): denied F04 Feb $80, Y03 May $80;
 *   Alpha 71046 paid M03 Mar, U03 Jun; no Alpha 71046 line in Apr.
 */
const fixture = () => readFileSync(new URL('../../fixtures/review/six-months.csv', import.meta.url), 'utf8');

let engine: Engine;
let patterns: PatternRow[];
const find = (category: string, payer: string, procedure: string) => {
  const p = patterns.find((r) => r.category === category && r.payer === payer && r.procedure === procedure);
  if (!p) throw new Error(`no pattern ${category} ${payer} ${procedure}`);
  return p;
};
const action = (p: PatternRow, id: string, date: string, kind: PatternAction['kind'] = 'coder_education'): PatternAction => ({
  ...identityOf(p), id, date, kind, what: 'Taught the team', owner: 'Dana',
});

beforeAll(async () => {
  engine = await openTestEngine();
  const [result] = await engine.loadFiles([csvFile('six-months.csv', fixture())]);
  expect(result.status).toBe('loaded');
  patterns = (await engine.reviewPatterns({ month: '2026-06' }, { limit: Infinity })).rows;
});

describe('what happened after an action, counted by hand', () => {
  it('Beacon authorization, action 2026-03-15, reviewed in June: before Dec–Feb, after Apr–Jun, resolved', async () => {
    const [o] = await engine.actionOutcomes([action(find('authorization', 'Beacon Care', '99214'), 'a1', '2026-03-15', 'payer_follow_up')], '2026-06');
    // before: Dec (no Beacon line), Jan (J03 $150 denied), Feb (F03 paid): 1 line, $150, 2 months with data
    expect(o.before).toEqual({ from: '2025-12', to: '2026-02', denied_lines: 1, denied_amount: 150, months_with_data: 2 });
    // March itself: M02 $150
    expect(o.during).toEqual({ denied_lines: 1, denied_amount: 150, has_data: true });
    // after: Apr (no Beacon line), May (Y02 $150), Jun (U02 paid): 1 line, $150, 2 months with data
    expect(o.after).toEqual({ from: '2026-04', to: '2026-06', denied_lines: 1, denied_amount: 150, months_with_data: 2 });
    // June had Beacon 99214 lines (U02), none denied: resolved
    expect(o.status).toBe('resolved');
    expect(o.months.map((m) => [m.month, m.denied_lines, m.has_data])).toEqual([
      ['2025-12', 0, false], ['2026-01', 1, true], ['2026-02', 0, true], ['2026-03', 1, true],
      ['2026-04', 0, false], ['2026-05', 1, true], ['2026-06', 0, true],
    ]);
  });

  it('Alpha outdated M54.5, action 2026-05-20: $100 in Feb–Apr, nothing after, resolved in June', async () => {
    const [o] = await engine.actionOutcomes([action(find('outdated', 'Alpha Health', '99213'), 'a2', '2026-05-20')], '2026-06');
    // before Feb (F01 paid), Mar (M01 paid), Apr (A01 $100 denied): 3 months with data
    expect(o.before).toMatchObject({ denied_lines: 1, denied_amount: 100, months_with_data: 3 });
    expect(o.during).toMatchObject({ denied_lines: 1, denied_amount: 100 }); // Y01
    expect(o.after).toEqual({ from: '2026-06', to: '2026-06', denied_lines: 0, denied_amount: 0, months_with_data: 1 }); // U01 paid
    expect(o.status).toBe('resolved');
  });

  it('says "no data" when the slice had no line in the reviewed month, and "recurring" while it is still denied', async () => {
    const mismatch = action(find('mismatch', 'Alpha Health', '71046'), 'a3', '2026-02-10');
    // April: no Alpha 71046 line at all
    const [april] = await engine.actionOutcomes([mismatch], '2026-04');
    expect(april.status).toBe('no_data');
    expect(april.after).toEqual({ from: '2026-03', to: '2026-04', denied_lines: 0, denied_amount: 0, months_with_data: 1 });
    // May: Y03 denied again; months with data before it: Mar (paid), Feb (denied) → recurring (2 of its last 3 months with data)
    const [may] = await engine.actionOutcomes([mismatch], '2026-05');
    expect(may.status).toBe('recurring');
    expect(may.after).toMatchObject({ denied_lines: 1, denied_amount: 80, months_with_data: 2 });
    // the action month is the reviewed month: no "after" yet
    const [feb] = await engine.actionOutcomes([mismatch], '2026-02');
    expect(feb.after).toEqual({ from: null, to: null, denied_lines: 0, denied_amount: 0, months_with_data: 0 });
  });

  it('an action on a pattern the loaded data does not have: no data, zeros', async () => {
    const ghost: PatternAction = { ...action(find('mismatch', 'Alpha Health', '71046'), 'a4', '2026-03-01'), pattern_key: '0123456789abcdef', payer: 'Nobody Health' };
    const [o] = await engine.actionOutcomes([ghost], '2026-06');
    expect(o.status).toBe('no_data');
    expect(o.before.denied_lines + o.after.denied_lines + o.during.denied_lines).toBe(0);
  });
});

describe('actions CSV', () => {
  const one = (over: Partial<PatternAction> = {}): PatternAction => ({
    id: 'action-1', date: '2026-03-15', kind: 'chargemaster_fix', what: '=HYPERLINK("x") template fixed', owner: '@ops',
    pattern_key: 'a1b2c3d4e5f60718', category: 'missing_modifier', payer: 'Beacon Care', provider: 'KIM, BO', procedure: '20610',
    cause_kind: 'modifiers', cause_codes: ['RT', 'XS'], ...over,
  });
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('writes formulas neutralised and reads back exactly what it wrote', () => {
    const csv = actionsCsv([one(), one({ id: 'action-2', procedure: null, cause_kind: 'none', cause_codes: [] })]);
    expect(csv).toContain(`"'=HYPERLINK(""x"") template fixed"`);
    expect(csv).toContain(',\'@ops,');
    const read = readActionsCsv(bytes(csv));
    expect(read.errors).toEqual([]);
    expect(read.actions).toEqual([one(), one({ id: 'action-2', procedure: null, cause_kind: 'none', cause_codes: [] })]);
  });

  it('reads a spreadsheet re-save: US dates, labels for the action and category, semicolons', () => {
    const text = [
      'Action ID;Date;Action;What was changed;Owner;Pattern key;Category;Payer;Provider;CPT/HCPCS;Cause kind;Cause codes',
      'x-1;3/5/2026;Payer follow-up;Called the payer;Dana;A1B2C3D4E5F60718;Authorization / referral;Beacon Care;KIM, BO;99214;reason;CO-197',
    ].join('\r\n');
    const read = readActionsCsv(bytes(text));
    expect(read.errors).toEqual([]);
    expect(read.actions[0]).toMatchObject({ date: '2026-03-05', kind: 'payer_follow_up', category: 'authorization', pattern_key: 'a1b2c3d4e5f60718', cause_codes: ['CO-197'] });
  });

  it('refuses the whole file and names every bad row and cell', () => {
    const lines = actionsCsv([one(), one({ id: 'action-2' }), one({ id: 'action-3' })]).split('\r\n');
    lines[1] = lines[1].replace('2026-03-15', '2026-02-30');
    lines[2] = lines[2].replace(',Charge-master / template fix,', ',Shredding,');
    lines[3] = lines[3].replace('action-3', 'action-1');
    const csv = lines.join('\r\n');
    const read = readActionsCsv(bytes(csv));
    expect(read.actions).toEqual([]);
    expect(read.errors).toEqual([
      { row: 2, message: 'date "2026-02-30" is not a date (YYYY-MM-DD)' },
      { row: 3, message: 'action "Shredding" is not one of Coder education, Charge-master / template fix, Payer follow-up, Appeal batch, Write-off' },
      { row: 4, message: 'action id action-1 is also on row 2' },
    ]);
    expect(readActionsCsv(bytes('Claim ID,Amount\r\n1,2\r\n')).errors[0].message).toMatch(/no header row naming "Pattern key"/);
  });
});
