import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, screenshot, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type { ReferenceImportFile } from '../../src/engine/reference/import-reference.ts';

const PTP_FILE = 'test/fixtures/reference/ncci-ptp-hand-made.txt';
/** Official CDC FY2025 zip (../shared, absent in a bare clone: that part is skipped). */
const FY2025_ZIP = path.resolve('../shared/reference-data/icd10cm/fy2025/ICD10-CM_Code_Descriptions_2025.zip');
const HAS_SHARED = existsSync(FY2025_ZIP);

const browser = useChromium();
let expected: Engine;

beforeAll(async () => {
  // The Node engine with the same data and the same imports: the numbers the page must show.
  expected = await nodeEngineWith([SAMPLE_CSV]);
  const imports: ReferenceImportFile[] = [{ kind: 'ncci-ptp', name: path.basename(PTP_FILE), bytes: new Uint8Array(readFileSync(PTP_FILE)) }];
  if (HAS_SHARED) {
    imports.push({ kind: 'icd10cm', name: path.basename(FY2025_ZIP), bytes: new Uint8Array(readFileSync(FY2025_ZIP)), release: { fiscalYear: 2025, update: 'april' } });
  }
  expect((await expected.importReference(imports)).map((o) => o.status)).toEqual(imports.map(() => 'loaded'));
}, 300_000);

async function loadSample(page: Page) {
  await page.setInputFiles('#file-input', SAMPLE_CSV);
  await expect.poll(() => page.getByTestId('load-result').first().textContent(), { timeout: 120_000 }).toContain('22,839 of 22,839 rows loaded');
}

const rowTexts = (page: Page, testId: string) => page.getByTestId(testId).allTextContents();

describe('reference data and crosswalk', () => {
  it('shows coverage, imports official files that survive a reload, and opens the crosswalk of a procedure', async () => {
    const { page, outside, errors } = await openApp(browser());
    // reachable before any claim is loaded
    await page.getByRole('button', { name: /^Reference data: ICD-10-CM releases/ }).waitFor({ timeout: 60_000 });
    await loadSample(page);
    await page.getByRole('button', { name: 'Reference data', exact: true }).click();

    // coverage of the sample (dates of service 2025-10-01 .. 2026-09-30) by the shipped releases
    await expect.poll(() => page.getByTestId('coverage-summary').textContent(), { timeout: 60_000 }).toContain('Covered');
    expect(await rowTexts(page, 'coverage-row')).toEqual([`FY20262025-10-01 – 2026-09-30${count(22839)}FY20260covered`]);
    expect((await rowTexts(page, 'release-row')).map((r) => r.slice(0, r.indexOf('FY', 2)))).toEqual(
      ['FY2021', 'FY2021-JAN', 'FY2022', 'FY2022-APR', 'FY2023', 'FY2023-APR', 'FY2024', 'FY2025', 'FY2026', 'FY2027'],
    );
    // numbers only for CPT: the starter list has no descriptor column
    await expect.poll(() => page.getByTestId('reference-procedures').locator('th').allTextContents()).toEqual(['Code', 'Code set', 'Last valid date of service', 'Replaced by', 'Release cited']);
    const payer_codes = (await expected.referenceOverview()).payer_codes.length;
    await expect.poll(() => page.getByTestId('payer-code-row').count()).toBe(payer_codes);

    if (HAS_SHARED) {
      // the shipped FY2025 by its content: nothing new; then, as the importer offers, loaded as the April 2025 update
      await page.setInputFiles('#icd10cm-input', FY2025_ZIP);
      const outcome = page.getByTestId('import-outcome').filter({ hasText: 'ICD10-CM_Code_Descriptions_2025.zip' });
      await expect.poll(() => outcome.textContent(), { timeout: 120_000 }).toContain('Nothing new');
      expect(await outcome.textContent()).toContain('icd10cm-order-2025.txt: recognised as FY2025; skipped: FY2025 is already loaded with the same codes');
      await outcome.getByTestId('release-choice').selectOption('FY2025-APR');
      await outcome.getByRole('button', { name: 'Import as this release' }).click();
      await expect.poll(() => outcome.textContent(), { timeout: 180_000 }).toContain('Loaded');
      expect(await outcome.textContent()).toContain(`FY2025-APR loaded (dates of service from 2025-04-01): ${count(74260)} billable codes, ${count(23324)} headers; release recognised by your choice.`);
      await expect.poll(() => rowTexts(page, 'release-row')).toContainEqual(expect.stringMatching(/^FY2025-APRFY20252025-04-01 – 2025-09-30.*imported by you/));
    }

    // the hand-made PTP file: 4 edits loaded, 7 rows rejected with line and reason
    await page.setInputFiles('#ncci-input', PTP_FILE);
    const ptp = page.getByTestId('import-outcome').filter({ hasText: 'ncci-ptp-hand-made.txt' });
    await expect.poll(() => ptp.textContent(), { timeout: 60_000 }).toContain('4 PTP edits loaded; 7 rows rejected');
    expect((await ptp.getByTestId('import-rejects').locator('tbody tr').allTextContents())[0]).toBe('10column 2 "3641" is not a 5-character CPT/HCPCS code');
    await expect.poll(() => rowTexts(page, 'ncci-row')).toEqual(['ncci-ptp-hand-made.txtnot in the file name431996-01-01 – 2023-01-01']);
    const kept = HAS_SHARED ? ['ICD10-CM_Code_Descriptions_2025.zip', 'ncci-ptp-hand-made.txt'] : ['ncci-ptp-hand-made.txt'];
    await expect.poll(async () => (await rowTexts(page, 'saved-file')).map((t) => t.split(/ICD-10-CM|NCCI PTP/)[0])).toEqual(kept);
    await screenshot(page, 'reference-after-import');

    // a reload drops the claims but not the imports: the worker imports the kept files again
    await page.reload();
    if (HAS_SHARED) await page.getByTestId('reference-restore').waitFor({ timeout: 60_000 });
    await expect.poll(() => rowTexts(page, 'ncci-row'), { timeout: 180_000 }).toEqual(['ncci-ptp-hand-made.txtnot in the file name431996-01-01 – 2023-01-01']);
    if (HAS_SHARED) await expect.poll(() => rowTexts(page, 'release-row')).toContainEqual(expect.stringMatching(/^FY2025-APRFY2025.*imported by you/));
    await expect.poll(() => page.getByTestId('coverage-summary').textContent()).toContain('No dated lines loaded');
    expect((await rowTexts(page, 'saved-file')).length).toBe(kept.length);
    await page.getByTestId('reference-restore').waitFor({ state: 'detached', timeout: 60_000 });
    await screenshot(page, 'reference-after-reload');

    // the crosswalk of 71046, reached from a denied line's detail panel
    await loadSample(page);
    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    await page.getByLabel('Find in denied lines').fill('71046');
    await expect.poll(() => page.getByTestId('denied-row').first().textContent()).toContain('71046');
    await page.getByTestId('denied-row').first().click();
    await page.getByTestId('crosswalk-link').click();
    await expect.poll(() => page.url()).toContain('procedure=71046');
    await page.getByTestId('crosswalk-summary').waitFor();

    const [totals] = await expected.db.query<{ lines: number; paid: number; denied: number }>(sql`
      SELECT count(*)::INTEGER AS lines, count(*) FILTER (WHERE NOT denied AND paid > 0)::INTEGER AS paid, count(*) FILTER (WHERE denied)::INTEGER AS denied
      FROM denial_facts WHERE billed_procedure = '71046'`);
    expect(totals.lines).toBeGreaterThan(0);
    expect(await page.getByTestId('crosswalk-lines-billed').textContent()).toBe(`${count(totals.lines)} lines`);
    expect(await page.getByTestId('crosswalk-paid').textContent()).toBe(`${count(totals.paid)} lines`);
    expect(await page.getByTestId('crosswalk-denied').textContent()).toBe(`${count(totals.denied)} lines`);
    const byDx = await expected.db.query<{ dx: string; paid: number; denied: number }>(sql`
      SELECT left(dx, 3) || '.' || substr(dx, 4) AS dx, count(*) FILTER (WHERE NOT denied AND paid > 0)::INTEGER AS paid, count(*) FILTER (WHERE denied)::INTEGER AS denied
      FROM (SELECT denied, paid, unnest(diagnoses) AS dx FROM denial_facts WHERE billed_procedure = '71046')
      GROUP BY dx ORDER BY paid DESC, denied DESC, dx`);
    const shown = await page.getByTestId('crosswalk-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(shown.map(([dx, , paid, denied]) => ({ dx, paid, denied }))).toEqual(byDx.map((r) => ({ dx: r.dx, paid: count(r.paid), denied: count(r.denied) })));
    const [{ paidWithDx }] = await expected.db.query<{ paidWithDx: number }>(sql`
      SELECT count(*)::INTEGER AS "paidWithDx" FROM denial_facts WHERE billed_procedure = '71046' AND NOT denied AND paid > 0 AND len(diagnoses) > 0`);
    expect(await page.getByTestId('crosswalk-evidence').textContent()).toContain(
      `71046 was paid ${count(paidWithDx)} times (lines with a diagnosis) in the loaded data, with ${byDx.filter((r) => r.paid > 0).slice(0, 3).map((r) => r.dx).join(', ')}`,
    );
    const [{ evidence }] = await expected.db.query<{ evidence: number }>(sql`
      SELECT count(*)::INTEGER AS evidence FROM denial_facts
      WHERE billed_procedure = '71046' AND denied AND (category = 'mismatch' OR len(list_filter(evidence, lambda e: e.source = 'history')) > 0)`);
    expect(await page.getByTestId('crosswalk-lines').locator('h2').textContent()).toContain(`(${count(evidence)} lines)`);
    await page.getByTestId('crosswalk-line').first().click();
    await page.getByTestId('line-detail').waitFor();
    await screenshot(page, 'crosswalk-71046');

    // the picker switches procedures and keeps the choice in the URL
    await page.getByTestId('crosswalk-procedure').selectOption('99213');
    await expect.poll(() => page.url()).toContain('procedure=99213');
    await expect.poll(() => page.getByTestId('crosswalk-lines-billed').textContent()).toBe(
      `${count((await expected.crosswalkSummary('99213')).lines)} lines`,
    );

    // removing a kept file takes its edits out of the reference and out of this browser
    await page.getByRole('button', { name: 'Reference data', exact: true }).click();
    await expect.poll(() => page.getByTestId('ncci-row').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('saved-file').filter({ hasText: 'ncci-ptp-hand-made.txt' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByTestId('reference-ncci').textContent(), { timeout: 60_000 }).toContain('None imported');
    await expect.poll(() => page.getByTestId('saved-file').count()).toBe(kept.length - 1);

    expect(outside).toEqual([]);
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  }, 600_000);
});
