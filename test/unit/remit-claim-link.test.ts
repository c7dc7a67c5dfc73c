import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { openTestEngine } from './helpers.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type { BytesFile } from '../../src/engine/ingest/load-file.ts';

/**
 * Issue #3 end to end in the engine: 835 remittances joined to 837P claims (or to
 * a claims-only CSV export) give each remitted line its diagnoses, and the whole
 * sample gives the same classification as the practice-management export.
 */
const read = (path: string): BytesFile => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) });
const dir = (path: string) => readdirSync(path).sort().map((f) => read(`${path}/${f}`));
const SAMPLE_CSV = 'sample-data/claims-export-2025-10_2026-09.csv';

interface Denied {
  claim_id: string;
  line_number: number;
  category: string;
  denied_amount: number;
  diagnoses: string[];
}
const DENIED_SQL = sql`SELECT claim_id, line_number, category, denied_amount::DOUBLE AS denied_amount, diagnoses
  FROM denial_facts WHERE denied ORDER BY claim_id, line_number`;

let fromCsv: Engine;
let fromX12: Engine;

beforeAll(async () => {
  fromCsv = await openTestEngine();
  await fromCsv.loadFiles([read(SAMPLE_CSV)]);
  fromX12 = await openTestEngine();
  const results = await fromX12.loadFiles([...dir('sample-data/837p'), ...dir('sample-data/835')]);
  expect(results.filter((r) => r.status !== 'loaded' || r.rowsRejected > 0)).toEqual([]);
}, 300_000);

describe('835 + 837P sample', () => {
  it('gives the same initial denials, categories and dollars as the CSV export', async () => {
    const x12 = await fromX12.db.query<Denied>(DENIED_SQL);
    expect(x12.length).toBeGreaterThan(1500);
    expect(x12).toEqual(await fromCsv.db.query<Denied>(DENIED_SQL));
    expect(await fromX12.kpis()).toMatchObject({
      lines: (await fromCsv.kpis()).lines,
      denied_lines: (await fromCsv.kpis()).denied_lines,
      denied_amount: (await fromCsv.kpis()).denied_amount,
    });
  });

  it('links every remitted line to its claim line, by line control number', async () => {
    expect(await fromX12.unmatched()).toEqual([]);
    expect(await fromX12.db.query(sql`SELECT DISTINCT matched_on FROM analysis_lines`)).toEqual([{ matched_on: 'line control number' }]);
  });

  it('nets reversals and corrections: a reversed denial is one denial, and what was paid later is recovered', async () => {
    const recoveries: { claim_id: string; recovered: number }[] = JSON.parse(readFileSync('sample-data/planted.json', 'utf8')).recoveries;
    for (const r of recoveries) {
      const [line] = await fromX12.db.query<{ denied_lines: number; recovered: number; paid_first: number; adjudications: number }>(sql`
        SELECT count(*) FILTER (WHERE denied)::INTEGER AS denied_lines,
          coalesce(sum(paid_later) FILTER (WHERE recovered), 0)::DOUBLE AS recovered,
          sum(paid)::DOUBLE AS paid_first, max(adjudications)::INTEGER AS adjudications
        FROM denial_facts WHERE claim_id = ${r.claim_id}`);
      expect(line.adjudications).toBe(2);
      expect(line.denied_lines).toBeGreaterThan(0);
      // the claim's reprocessed payment = what its denied lines recovered + what the first payment had already paid
      expect(line.recovered + line.paid_first).toBeCloseTo(r.recovered, 2);
    }
    // reversal rows exist but are not adjudications of their own
    const [{ reversals, counted }] = await fromX12.db.query<{ reversals: number; counted: number }>(sql`
      SELECT count(*) FILTER (WHERE is_reversal)::INTEGER AS reversals,
             count(*) FILTER (WHERE is_reversal AND is_initial)::INTEGER AS counted FROM analysis_lines`);
    expect(reversals).toBeGreaterThan(20);
    expect(counted).toBe(0);
  });
});

describe('the export, the 835s and the 837Ps of the sample together (issue #11)', () => {
  it('count every line once: the figures of the export alone, the classifications of the 835 + 837P alone', async () => {
    const all = await openTestEngine();
    await all.loadFiles([read(SAMPLE_CSV), ...dir('sample-data/837p'), ...dir('sample-data/835')]);
    // Sep 2026 from the export alone (README, issue #11): 2,456 lines, 220 denied, $30,198
    const sep = async (e: Engine) => (await e.monthly({})).find((m) => m.month === '2026-09');
    expect(await sep(all)).toMatchObject({ lines: 2456, denied_lines: 220, denied_amount: 30198 });
    expect(await all.monthly({})).toEqual(await fromCsv.monthly({}));
    const CLASSIFIED = sql`SELECT claim_id, line_number, denied, category, denied_amount::DOUBLE AS denied_amount, diagnoses, provider, payer
      FROM denial_facts ORDER BY claim_id, line_number, service_date, billed_procedure`;
    expect(await all.db.query(CLASSIFIED)).toEqual(await fromX12.db.query(CLASSIFIED));
    // every export row is a copy of an 835 adjudication, and they agree
    expect(await all.db.query(sql`SELECT adjudication_kind AS kind, count(*)::INTEGER AS n FROM analysis_lines WHERE source = 'claim+remit' GROUP BY ALL`))
      .toEqual([{ kind: 'copy', n: 22839 }]);
    expect(await all.sourceDisagreements()).toEqual([]);
  }, 900_000);
});

describe('remittance dedupe', () => {
  it('refuses a byte-identical 835 and does not count a re-formatted copy twice', async () => {
    const engine = await openTestEngine();
    const original = read('sample-data/835/medicare-part-b-2026-03.835');
    const [first] = await engine.loadFiles([original]);
    expect(first.status).toBe('loaded');
    const lines = (await engine.kpis()).lines;

    const [again] = await engine.loadFiles([{ ...original, name: 'copy.835' }]);
    expect(again.status).toBe('duplicate');

    // the same interchanges, one segment per line instead of… the other way round: byte-different
    const text = new TextDecoder().decode(original.bytes);
    const reformatted = text.includes('~\n') ? text.replaceAll('~\n', '~') : text.replaceAll('~', '~\r\n');
    const [copy] = await engine.loadFiles([{ name: 'reformatted.835', bytes: new TextEncoder().encode(reformatted) }]);
    expect(copy.status).toBe('loaded');
    expect(copy.rowsLoaded).toBe(0);
    expect(copy.rowsRejected).toBe(first.rowsLoaded);
    expect((await engine.kpis()).lines).toBe(lines);
    const rejects = await engine.rejects();
    expect(rejects.some((r) => r.file === 'reformatted.835' && /already loaded from medicare-part-b-2026-03\.835/.test(r.reason))).toBe(true);
  });

  const SHARED = '../shared/real-samples/x12-835';
  it.skipIf(!existsSync(SHARED))('recognises the indented and the flat copy of the same real interchanges', async () => {
    const engine = await openTestEngine();
    const [flat] = await engine.loadFiles([read(`${SHARED}/oopfactory__835_WithMultipleInterchanges.txt`)]);
    expect(flat.status).toBe('loaded');
    const claims = await engine.db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM claims`);
    const [indented] = await engine.loadFiles([read(`${SHARED}/oopfactory__835_ExampleFromNth_indented.txt`)]);
    expect(indented.status).toBe('loaded');
    expect(indented.rowsLoaded).toBe(0);
    expect(await engine.db.query(sql`SELECT count(*)::INTEGER AS n FROM claims`)).toEqual(claims);
  });
});

describe('joining without the other half', () => {
  it('lists remittance lines without a claim and claim lines without a remittance', async () => {
    const engine = await openTestEngine();
    await engine.loadFiles([read('sample-data/837p/claims-2026-03.837'), read('sample-data/835/kaiser-permanente-2026-05.835')]);
    const unmatched = await engine.unmatched();
    const kinds = new Set(unmatched.map((u) => (u as { kind: string }).kind));
    expect(kinds).toEqual(new Set(['claim line without remittance', 'remittance line without claim']));
  });

  it('joins a claims-only CSV export to 835 lines the same way (procedure, modifiers, date and charge)', async () => {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(SAMPLE_CSV, 'utf8'), { header: true, skipEmptyLines: true });
    const claimsOnly = parsed.data
      .filter((r) => r.DOS.startsWith('03/') && r.DOS.endsWith('2026'))
      .map(({ 'Allowed Amt': _a, 'Paid Amt': _p, 'Adj Codes': _c, 'Remark Codes': _r, 'Check #': _k, 'Check Date': _d, 'Claim Status': _s, ...claim }) => claim);
    const engine = await openTestEngine();
    await engine.loadFiles([{ name: 'claims-2026-03.csv', bytes: new TextEncoder().encode(Papa.unparse(claimsOnly)) }, ...dir('sample-data/835')]);
    const [row] = await engine.db.query<{ linked: number; with_dx: number; total: number }>(sql`
      SELECT count(claim_line_id)::INTEGER AS linked, count(*) FILTER (WHERE len(diagnoses) > 0)::INTEGER AS with_dx, count(*)::INTEGER AS total
      FROM analysis_lines WHERE service_month = DATE '2026-03-01' AND is_initial`);
    expect(row.linked).toBe(claimsOnly.length);
    expect(row.with_dx).toBe(claimsOnly.length);
    // and the March denials are classified as from the full export
    const march = sql`SELECT claim_id, line_number, category FROM denial_facts WHERE denied AND service_month = DATE '2026-03-01' ORDER BY 1, 2`;
    expect(await engine.db.query(march)).toEqual(await fromCsv.db.query(march));
  });
});
