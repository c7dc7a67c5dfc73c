import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.ts';
import { csvFile, openTestEngine } from '../helpers.ts';
import { denied, exportCsv, type TestLine } from '../classify/export-builder.ts';

/**
 * 71046 paid 12 times (10 with R05.9 alone, 2 with J18.9 and R05.9 together) and denied
 * CO-11 3 times with M25.571, once with R05.1 (its category R05 was paid); 99213 paid on a
 * single line with M25.571 (too few paid lines for history evidence).
 */
const paid = (claim: string, cpt: string, dx: string[]): TestLine => ({ claim, cpt, dx, billed: 100, paid: 80, adj: 'CO-45 20.00' });
const LINES: TestLine[] = [
  ...Array.from({ length: 10 }, (_, i) => paid(`P${i}`, '71046', ['R05.9'])),
  paid('Q1', '71046', ['J18.9', 'R05.9']),
  paid('Q2', '71046', ['J18.9', 'R05.9']),
  denied('CO-11', { claim: 'D1', cpt: '71046', dx: ['M25.571'], dos: '2026-03-03' }),
  denied('CO-11', { claim: 'D2', cpt: '71046', dx: ['M25.571'], dos: '2026-03-04' }),
  denied('CO-11', { claim: 'D3', cpt: '71046', dx: ['M25.571'], dos: '2026-03-05' }),
  denied('CO-11', { claim: 'D4', cpt: '71046', dx: ['R05.1'], dos: '2026-03-06' }),
  { claim: 'Z1', cpt: '71046', dx: ['R05.9'], billed: 100, paid: 0, adj: 'PR-1 100.00' },
  paid('E1', '99213', ['M25.571']),
];

let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine();
  const [result] = await engine.loadFiles([csvFile('crosswalk.csv', exportCsv(LINES))]);
  expect(result.rowsLoaded).toBe(LINES.length);
}, 60_000);

describe('procedure crosswalk view', () => {
  it('lists the billed procedures with lines counted once each', async () => {
    expect(await engine.crosswalkProcedures()).toEqual([
      { procedure: '71046', lines: 17, paid_lines: 12, denied_lines: 4 },
      { procedure: '99213', lines: 1, paid_lines: 1, denied_lines: 0 },
    ]);
  });

  it('sums a procedure up: paid/denied lines, what it is paid with, and the denied diagnoses never paid with it', async () => {
    const summary = await engine.crosswalkSummary(' 71046 ');
    expect(summary).toMatchObject({
      procedure: '71046',
      lines: 17,
      paid_lines: 12, // not 14: the two lines with two diagnoses count once
      paid_lines_with_diagnosis: 12,
      denied_lines: 4,
      unpaid_not_denied_lines: 1, // the deductible line
      lines_without_diagnosis: 0,
      mismatch_lines: 4,
      history_evidence_lines: 3,
      evidence_line_count: 4,
      paid_with: ['R05.9', 'J18.9'],
      never_paid_with: ['M25.571'], // R05.1 was denied too, but R05 is paid
      min_paid_lines: 10,
    });
    expect(summary.evidence_lines.map((l) => [l.claim_id, l.service_date, l.diagnoses, l.category])).toEqual([
      ['D1', '2026-03-03', ['M25.571'], 'mismatch'],
      ['D2', '2026-03-04', ['M25.571'], 'mismatch'],
      ['D3', '2026-03-05', ['M25.571'], 'mismatch'],
      ['D4', '2026-03-06', ['R05.1'], 'mismatch'],
    ]);
    // the classifier's evidence counts lines too (a line with two diagnoses was paid once)
    expect(summary.evidence_lines[0].history_text).toBe('71046 was paid 12 times in the loaded data, with R05.9, J18.9; never with M25.571');
    expect(summary.evidence_lines[3].history_text).toBeNull();
    // the per-diagnosis rows the view shows next to it; R05.9 also on Z1 (PR-1: neither paid nor denied);
    // descriptions as in CDC's icd10cm-order-2026.txt (short descriptions)
    expect(await engine.crosswalk('71046')).toEqual([
      { dx: 'R05.9', dx_category: 'R05', lines: 13, paid_lines: 12, denied_lines: 0, denial_rate: 0, description: 'Cough, unspecified' },
      { dx: 'J18.9', dx_category: 'J18', lines: 2, paid_lines: 2, denied_lines: 0, denial_rate: 0, description: 'Pneumonia, unspecified organism' },
      { dx: 'M25.571', dx_category: 'M25', lines: 3, paid_lines: 0, denied_lines: 3, denial_rate: 1, description: 'Pain in right ankle and joints of right foot' },
      { dx: 'R05.1', dx_category: 'R05', lines: 1, paid_lines: 0, denied_lines: 1, denial_rate: 1, description: 'Acute cough' },
    ]);
  });

  it('narrows the diagnoses to one payer, and lists the payers that billed the procedure', async () => {
    const own = await openTestEngine();
    await own.loadFiles([
      csvFile(
        'payers.csv',
        exportCsv([
          paid('A1', '71046', ['R05.9']),
          paid('A2', '71046', ['R05.9']),
          denied('CO-11', { claim: 'B1', cpt: '71046', dx: ['R05.9'], payer: 'Aetna' }),
          paid('B2', '71046', ['U99.9']), // not an ICD-10-CM code (none in U99): no description
        ]),
      ),
    ]);
    expect(await own.crosswalkPayers('71046')).toEqual([
      { payer: 'Medicare Part B', lines: 3 },
      { payer: 'Aetna', lines: 1 },
    ]);
    expect(await own.crosswalk('71046')).toEqual([
      { dx: 'R05.9', dx_category: 'R05', lines: 3, paid_lines: 2, denied_lines: 1, denial_rate: 1 / 3, description: 'Cough, unspecified' },
      { dx: 'U99.9', dx_category: 'U99', lines: 1, paid_lines: 1, denied_lines: 0, denial_rate: 0, description: null },
    ]);
    expect(await own.crosswalk('71046', ['Aetna'])).toEqual([
      { dx: 'R05.9', dx_category: 'R05', lines: 1, paid_lines: 0, denied_lines: 1, denial_rate: 1, description: 'Cough, unspecified' },
    ]);
    expect(await own.crosswalk('71046', ["Aetna' OR 1=1 --"])).toEqual([]);
  });

  it('gives no evidence for a procedure paid too rarely, and an empty summary for one not billed', async () => {
    expect(await engine.crosswalkSummary('99213')).toMatchObject({ paid_lines: 1, never_paid_with: [], history_evidence_lines: 0, evidence_lines: [] });
    expect(await engine.crosswalkSummary("7104' OR 1=1 --")).toMatchObject({ lines: 0, paid_lines: 0, paid_with: [], evidence_lines: [] });
  });
});
