import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { openApp, SAMPLE_CSV, useChromium } from './browser.ts';

/** A year of one payer's 835s beside the export: a Files page whose tables overflow their boxes. */
const ANTHEM_835S = Array.from({ length: 12 }, (_, i) => {
  const month = new Date(Date.UTC(2025, 9 + i, 1)).toISOString().slice(0, 7);
  return `sample-data/835/anthem-blue-cross-${month}.835`;
});

const browser = useChromium();
/** axe's source, evaluated through the DevTools protocol: the app's CSP forbids injected script tags. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA and axe's best practices (landmarks, heading order), on the page as it is now. */
async function axe(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const results = await page.evaluate(
    () => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return results.violations;
}

/** One line per rule with its impact and node count, then the first nodes' selectors and the failure summary. */
function describeViolations(view: string, violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
      return [`${view}: ${v.impact} ${v.id} × ${v.nodes.length} (${v.help})`, ...nodes].join('\n');
    })
    .join('\n');
}

describe('accessibility (axe-core) of every page with data loaded', () => {
  it('has no serious or critical violation on any page, after a drill-down, with 13 files, an audit sample drawn, a batch checked and after a reload', async () => {
    const { page, errors } = await openApp(browser());
    const found: { view: string; violations: Result[] }[] = [];
    const check = async (view: string) => found.push({ view, violations: await axe(page) });
    await page.locator('#file-input:enabled').waitFor({ state: 'attached', timeout: 60_000 });
    await check('Start, no file loaded');

    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('pattern-row').first().waitFor({ timeout: 120_000 });
    await page.getByTestId('chart-by-category').locator('.recharts-surface').first().waitFor();
    await page.getByTestId('heatmap').waitFor();

    const tab = (name: string) => page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name, exact: true }).click();

    await check('Monthly review');

    // drilled into a pattern's lines, one line's detail open
    await page.getByTestId('pattern-lines').first().click();
    await page.getByTestId('denied-row').first().waitFor();
    await page.getByTestId('denied-row').first().click();
    await page.getByTestId('line-detail').waitFor();
    await check('Monthly review, pattern drilled, line detail open');

    // a pattern opened with its action form
    await page.getByTestId('pattern-row').first().getByTestId('pattern-toggle').click();
    await page.getByTestId('action-form').waitFor({ timeout: 60_000 });
    await check('Monthly review, a pattern open with its action form');

    await tab('Dashboard');
    await page.getByTestId('denied-row').first().waitFor({ timeout: 60_000 });
    await check('Dashboard');
    await page.getByTestId('filter-payers').locator('summary').click();
    await page.getByTestId('filter-payers').getByRole('checkbox').first().check();
    await page.getByTestId('dashboard-scope').filter({ hasText: 'payer ' }).waitFor({ timeout: 60_000 });
    await check('Dashboard, a payer chosen in its open pop-over');
    await page.keyboard.press('Escape');

    await tab('Files & data quality');
    await page.setInputFiles('#file-input', ANTHEM_835S);
    await expect.poll(() => page.getByTestId('files-table').locator('tbody tr').count(), { timeout: 180_000 }).toBe(13);
    await page.getByTestId('remittances-table').locator('tbody tr').first().waitFor({ timeout: 60_000 });
    await check('Files & data quality, 13 files loaded');

    await tab('Audit sample');
    await page.getByTestId('draw-sample').click();
    await page.getByTestId('worksheet-row').first().waitFor({ timeout: 60_000 });
    await check('Audit sample, sample drawn');
    await page.getByTestId('worksheet-row').first().locator('[data-field="dollarsInError"]').fill('12,3x');
    await page.getByTestId('dollars-error').waitFor();
    await check('Audit sample, dollars in error that are no amount');

    await tab('Crosswalk');
    await page.getByTestId('crosswalk-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('crosswalk-row').first().waitFor({ timeout: 60_000 });
    await check('Crosswalk');

    await tab('Check claims');
    await page.getByRole('button', { name: 'Try with the sample batch' }).click();
    await page.getByTestId('check-claim').first().waitFor({ timeout: 180_000 });
    await check('Check claims, the sample batch checked');

    await tab('Reference data');
    await page.getByTestId('coverage-summary').waitFor({ timeout: 60_000 });
    await check('Reference data');
    await page.getByTestId('code-set-checklist').getByTestId('show-code-set').click();
    await page.getByTestId('code-set-checklist').getByTestId('code-set-row').first().waitFor({ timeout: 180_000 });
    await check('Reference data, the code-set checklist built');

    // a reload with "Keep data" off: no claim data, the saved sample listed with what to load
    await page.reload();
    await page.getByTestId('samples-to-reopen').waitFor({ timeout: 60_000 });
    await check('Start after a reload, a saved audit sample listed');

    const report = found.map(({ view, violations }) => describeViolations(view, violations)).filter(Boolean).join('\n');
    if (report) console.log(report);
    const blocking = found.flatMap(({ view, violations }) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${view}: ${v.id}`));
    expect(blocking).toEqual([]);
    expect(errors).toEqual([]);
  }, 900_000);
});
