import { describe, it, expect, beforeAll } from 'vitest';
import { openTestEngine, csvFile } from '../helpers.ts';
import { exportCsv, type TestLine } from './export-builder.ts';
import { CARC, RARC } from '../../../src/engine/classify/payer-codes.ts';
import type { Engine } from '../../../src/engine/engine.ts';

/**
 * Every row of the CARC and RARC mapping, on a line where the code data proves
 * nothing (I10 is a valid, specific code; 99213 stands alone on its claim).
 */
let engine: Engine;
let byClaim: Map<string, { denied: boolean; category: string | null }>;

beforeAll(async () => {
  const lines: TestLine[] = [
    ...CARC.map((c) => ({
      claim: `CARC-${c.code}`,
      cpt: '99213',
      dx: ['I10'],
      paid: 0,
      adj: `${c.bucket === 'patient_responsibility' ? 'PR' : 'CO'}-${c.code} 100.00`,
    })),
    ...RARC.map((r) => ({ claim: `RARC-${r.code}`, cpt: '99213', dx: ['I10'], paid: 0, adj: 'CO-16 100.00', remarks: [r.code] })),
  ];
  engine = await openTestEngine();
  const [result] = await engine.loadFiles([csvFile('codes.csv', exportCsv(lines))]);
  expect(result.rowsRejected).toBe(0);
  const rows = await engine.db.query<{ claim_id: string; denied: boolean; category: string | null }>(
    'SELECT claim_id, denied, category FROM denial_facts',
  );
  byClaim = new Map(rows.map(({ claim_id, ...outcome }) => [claim_id, outcome]));
});

describe('CARC mapping (X12 external code source 139)', () => {
  for (const c of CARC) {
    const expected =
      c.bucket === 'patient_responsibility' ? 'not denied' : c.bucket === 'contractual' ? 'pricing' : c.bucket;
    it(`CARC ${c.code} → ${expected}`, () => {
      const line = byClaim.get(`CARC-${c.code}`)!;
      if (expected === 'not denied') expect(line.denied).toBe(false);
      else expect(line).toEqual({ denied: true, category: expected });
    });
  }
});

describe('RARC mapping (X12 external code source 411) refines CO-16', () => {
  for (const r of RARC) {
    it(`CO-16 + ${r.code} → ${r.bucket}`, () => {
      expect(byClaim.get(`RARC-${r.code}`)).toEqual({ denied: true, category: r.bucket });
    });
  }
});
