import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { CATEGORY_LABELS, type Category } from '../../src/engine/classify/categories.ts';
import { sql } from '../../src/engine/db/sql.ts';

const browser = useChromium();
const PAYER = 'Kaiser Permanente';
const SLICE = 'test-results/kaiser-permanente-slice.csv';
/** The export's rows of one payer, counted here from the file itself. */
let sliceRows = 0;
/**
 * The figures the filtered pages must show, worked out apart from the filters under test:
 * the CLI's engine on a file holding only that payer's rows (a line is denied, or not, by
 * its own codes, so a payer's lines are the same alone as among the others').
 */
let slice: Engine;

beforeAll(async () => {
  const text = readFileSync(SAMPLE_CSV, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const payerColumn = header.indexOf('Payer');
  const kept = rows.filter((r) => r[payerColumn] === PAYER);
  sliceRows = kept.length;
  mkdirSync('test-results', { recursive: true });
  writeFileSync(SLICE, Papa.unparse([header, ...kept], { newline: '\r\n' }));
  slice = await nodeEngineWith([SLICE]);
});

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name, exact: true }).click();

describe('one set of filters on every page that shows figures', () => {
  it(`opened with payer=${PAYER}, the Dashboard, the review, the Crosswalk and the audit frame count that payer only; the Files page says it shows everything`, async () => {
    const all = await slice.kpis();
    // every row of the sample export is one first adjudication (22,839 rows, 22,839 lines)
    expect(all.lines).toBe(sliceRows);
    expect(sliceRows).toBeGreaterThan(1000);

    const { page, errors, outside } = await openApp(browser(), `?page=dashboard&payer=${encodeURIComponent(PAYER)}`);
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await expect.poll(() => page.getByTestId('load-result').first().textContent(), { timeout: 120_000 }).toContain('22,839 of 22,839 rows loaded');

    // Dashboard: the KPIs, the chart's numbers and the denied lines are the payer's
    await expect.poll(() => page.getByTestId('kpi-lines').textContent()).toContain(`${count(sliceRows)}`);
    await expect.poll(() => page.getByTestId('kpi-denied-lines').textContent()).toContain(count(all.denied_lines));
    expect(await page.getByTestId('kpi-denial-rate-dollars').textContent()).toContain(`${((100 * all.denied_amount) / all.billed).toFixed(1)} %`);
    await expect.poll(() => page.getByTestId('denied-count').textContent()).toBe(`${count(all.denied_lines)} denied lines`);
    expect(await page.getByTestId('dashboard-scope').textContent()).toContain(`payer ${PAYER}`);
    expect(await page.getByTestId('filter-payers').locator('summary').textContent()).toBe(`Payer: ${PAYER}`);
    await page.getByRole('button', { name: 'Show the numbers as a table' }).click();
    const months = await slice.monthly();
    const shown = () => page.locator('[data-testid="monthly-chart"] table.numbers tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(1, 3).map((td) => td.textContent)));
    await expect.poll(shown).toEqual(months.map((m) => [count(m.lines), count(m.denied_lines)]));

    // a category chosen too narrows the denials, not the lines they are a share of
    const [top] = (await slice.db.query<{ category: string; n: number }>(
      sql`SELECT category, count(*)::INTEGER AS n FROM denial_facts WHERE denied GROUP BY category ORDER BY n DESC, category LIMIT 1`,
    ));
    await page.getByTestId('filter-categories').locator('summary').click();
    await page.getByTestId('filter-categories').getByLabel(CATEGORY_LABELS[top.category as Category], { exact: true }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('denied-count').textContent()).toBe(`${count(top.n)} denied lines`);
    expect(await page.getByTestId('kpi-lines').textContent()).toContain(count(sliceRows));
    await expect.poll(() => new URL(page.url()).searchParams.getAll('category')).toEqual([top.category]);
    await page.getByRole('button', { name: 'clear filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('payer')).toEqual([]);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('payer')).toEqual([PAYER]);
    await expect.poll(() => page.getByTestId('denied-count').textContent()).toBe(`${count(top.n)} denied lines`);
    await page.goBack();
    await expect.poll(() => page.getByTestId('denied-count').textContent()).toBe(`${count(all.denied_lines)} denied lines`);

    // the Monthly review: the month's KPIs are the payer's
    await tab(page, 'Monthly review');
    const month = await page.getByTestId('month-picker').inputValue();
    const reviewed = await slice.reviewKpis({ month });
    const kpi = (id: string) => page.getByTestId(`review-kpi-${id}`).getByTestId('kpi-value').textContent();
    await expect.poll(() => kpi('lines')).toBe(count(reviewed.current.lines));
    expect(await page.getByTestId('review-kpi-denial_rate_lines').textContent()).toContain(`${count(reviewed.current.denied_lines)} of ${count(reviewed.current.lines)} lines`);

    // the Crosswalk: the diagnoses of its procedure at that payer
    await tab(page, 'Crosswalk');
    await page.getByTestId('crosswalk-summary').waitFor();
    const procedure = await page.getByTestId('crosswalk-procedure').inputValue();
    expect(await page.getByTestId('crosswalk-payer').inputValue()).toBe(PAYER);
    await page.getByRole('heading', { name: `Diagnoses billed with ${procedure} at ${PAYER}` }).waitFor();
    const rows = await slice.crosswalk(procedure);
    const cells = () => page.getByTestId('crosswalk-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    await expect.poll(async () => (await cells()).map(([dx, , paid, denied, , lines]) => [dx, paid, denied, lines])).toEqual(
      rows.map((r) => [r.dx, count(r.paid_lines), count(r.denied_lines), count(r.lines)]),
    );
    expect(await page.getByTestId('scope-note').textContent()).toContain('every loaded month, provider and category');

    // the audit frame: the payer's denied claims
    await tab(page, 'Audit sample');
    const frame = await slice.sampleFrame({ filters: {}, deniedOnly: true, unit: 'claim', size: 15, seed: 1, strata: null });
    await expect.poll(() => page.getByTestId('frame-summary').textContent()).toContain(`Frame: ${count(frame.count)}`);
    expect(await page.locator('select[data-field="payer"]').inputValue()).toBe(PAYER);

    // the Files page shows every file and row, and says the filter does not apply there
    await tab(page, 'Files & data quality');
    await expect.poll(() => page.getByTestId('scope-note').textContent()).toBe(
      `This page shows every loaded file and every row read, whatever the filters: the filters chosen on the review (payer ${PAYER}) do not apply here.`,
    );
    await expect.poll(() => page.getByTestId('files-table').locator('tbody tr').first().textContent()).toContain('22,839 rows');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
