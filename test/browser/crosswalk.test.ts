import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';

const browser = useChromium();
let expected: Engine;

beforeAll(async () => {
  expected = await nodeEngineWith([SAMPLE_CSV]);
});

/** Per diagnosis billed with 71046 (optionally at one payer), counted here from denial_facts. */
async function byDiagnosis(payer?: string) {
  return expected.db.query<{ dx: string; paid: number; denied: number; lines: number }>(sql`
    SELECT left(dx, 3) || '.' || substr(dx, 4) AS dx, count(*) FILTER (WHERE NOT denied AND paid > 0)::INTEGER AS paid,
      count(*) FILTER (WHERE denied)::INTEGER AS denied, count(*)::INTEGER AS lines
    FROM (SELECT denied, paid, unnest(diagnoses) AS dx FROM denial_facts WHERE billed_procedure = '71046'${payer ? sql` AND payer = ${payer}` : sql``})
    GROUP BY dx ORDER BY paid DESC, denied DESC, dx`);
}

describe('crosswalk per diagnosis', () => {
  it('shows paid, denied and the denial rate per diagnosis with its description, for every payer or one', async () => {
    const { page, errors } = await openApp(browser(), '?page=crosswalk&procedure=71046');
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('crosswalk-summary').waitFor({ timeout: 120_000 });
    const cells = () => page.getByTestId('crosswalk-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    const asShown = (rows: Awaited<ReturnType<typeof byDiagnosis>>) =>
      rows.map((r) => [r.dx, count(r.paid), count(r.denied), `${((100 * r.denied) / r.lines).toFixed(1)} %`]);

    // the rows have their own query: wait for its answer (the table is aria-busy until then), not for the summary's
    const answered = (heading: string) => page.locator('[data-testid="crosswalk-table"]:not([aria-busy="true"])').filter({ has: page.getByRole('heading', { name: heading }) }).waitFor({ timeout: 120_000 });
    await answered('Diagnoses billed with 71046 (');
    const all = await byDiagnosis();
    await expect.poll(async () => (await cells()).map(([dx, , paid, denied, rate]) => [dx, paid, denied, rate])).toEqual(asShown(all));
    // CDC's short description (icd10cm-order-2026.txt)
    const m25 = (await cells()).find(([dx]) => dx === 'M25.571')!;
    expect(m25[1]).toBe('Pain in right ankle and joints of right foot');
    // the classifier's evidence: a denied diagnosis whose category (3 characters) was never paid with 71046
    const paidCategories = new Set(all.filter((r) => r.paid > 0).map((r) => r.dx.slice(0, 3)));
    expect((await cells()).map(([dx, , , , , , ever]) => [dx, ever])).toEqual(
      all.map((r) => [r.dx, `${r.dx.slice(0, 3)}: ${r.denied > 0 && !paidCategories.has(r.dx.slice(0, 3)) ? 'never — mismatch evidence' : 'yes'}`]),
    );

    // one payer: the rows of that payer only, and the choice in the URL
    const [{ payer }] = await expected.db.query<{ payer: string }>(sql`
      SELECT payer FROM denial_facts WHERE billed_procedure = '71046' GROUP BY payer ORDER BY count(*) DESC, payer LIMIT 1`);
    await page.getByTestId('crosswalk-payer').selectOption(payer);
    // the payer filter every page shares: the URL's payer parameter
    await expect.poll(() => new URL(page.url()).searchParams.getAll('payer')).toEqual([payer]);
    await answered(`Diagnoses billed with 71046 at ${payer}`);
    const one = await byDiagnosis(payer);
    expect(one.length).toBeGreaterThan(0);
    await expect.poll(async () => (await cells()).map(([dx, , paid, denied, rate]) => [dx, paid, denied, rate])).toEqual(asShown(one));
    expect(errors).toEqual([]);
  });
});
