import { describe, expect, it } from 'vitest';
import { csvFile, openTestEngine } from '../helpers.ts';
import { sql } from '../../../src/engine/db/sql.ts';
import type { HeaderMapping } from '../../../src/engine/ingest/csv/header-mapping.ts';

// Six hand-made lines; "Pt Paid" is the patient's payment, which a wrong mapping reads as the payer's.
const CSV = [
  'Claim ID,DOS,Code,CPT,Billed,Paid,Pt Paid',
  'C1,01/05/2026,,99213,100.00,80.00,0.00',
  'C2,01/06/2026,CO-16 120.00,99214,120.00,0.00,0.00',
  'C3,01/07/2026,,99213,100.00,70.00,0.00',
  'C4,01/08/2026,CO-197 200.00,99215,200.00,0.00,0.00',
  'C5,01/09/2026,PR-1 40.00,99213,100.00,60.00,40.00',
  'C6,01/12/2026,,99214,120.00,90.00,0.00',
  '',
].join('\n');
const RIGHT: HeaderMapping = { claim_id: 0, service_date: 1, adjustment_codes: 2, procedure: 3, billed: 4, paid: 5 };
const WRONG: HeaderMapping = { ...RIGHT, paid: 6 };

describe('reading a loaded export again with another mapping (the Files page’s Columns…)', () => {
  it('leaves what loading it with that mapping alone leaves: nothing of the first reading, nothing twice', async () => {
    const engine = await openTestEngine({ reference: false });
    const [first] = await engine.loadFiles([csvFile('denials.csv', CSV)], { mapping: WRONG });
    expect(first.status).toBe('loaded');
    await engine.removeFile(first.fileId!);
    const [again] = await engine.loadFiles([csvFile('denials.csv', CSV)], { mapping: RIGHT });
    expect(again).toMatchObject({ status: 'loaded', rowsLoaded: 6 });

    const alone = await openTestEngine({ reference: false });
    await alone.loadFiles([csvFile('denials.csv', CSV)], { mapping: RIGHT });
    expect(await engine.kpis()).toEqual(await alone.kpis());
    // by hand: six lines, $740 billed, $300 paid by the payer (80 + 70 + 60 + 90)
    expect(await engine.kpis()).toMatchObject({ lines: 6, claims: 6, billed: 740, paid: 300 });
    const [{ n }] = await engine.db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM service_lines`);
    expect(n).toBe(6);
    expect((await engine.files()).map((f) => f.name)).toEqual(['denials.csv']);
  });
});
