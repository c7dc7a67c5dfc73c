import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { nodeEngineWith, openApp, SAMPLE_CSV, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { identityOf, type PatternAction } from '../../src/engine/actions/actions.ts';
import { readActionsCsv, actionsCsv } from '../../src/engine/actions/actions-csv.ts';
import type { OutcomeWindow } from '../../src/engine/actions/outcome.ts';

const MONTH = '2026-08';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (ym: string) => `${MONTHS[Number(ym.slice(5)) - 1]} ${ym.slice(0, 4)}`;
const money = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

const browser = useChromium();
let expected: Engine;

beforeAll(async () => {
  // the same engine in Node on the same file: the figures the page must show
  expected = await nodeEngineWith([SAMPLE_CSV]);
});

/** What the page writes for a window, from the Node engine's figures. */
function windowText(w: OutcomeWindow, months: number): string {
  const span = w.from === w.to ? month(w.from!) : `${month(w.from!)}–${month(w.to!)}`;
  return `${span}: ${w.denied_lines.toLocaleString('en-US')} denied line${w.denied_lines === 1 ? '' : 's'}, ${money(w.denied_amount)} (${w.months_with_data} of ${months} months with data)`;
}

const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());

describe('actions on patterns and the code-set checklist', () => {
  it('records an action with Keep data on, keeps it across a reload with its before/after figures, CSV out and in, and shows the checklist', async () => {
    const { page, outside, errors } = await openApp(browser(), `?page=review&month=${MONTH}`);
    await page.getByTestId('keep-data').check();
    await expect.poll(() => page.getByTestId('keep-state').textContent(), { timeout: 60_000 }).toContain('kept in this browser until you erase them');
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    const firstRow = page.getByTestId('pattern-row').first();
    await firstRow.waitFor({ timeout: 180_000 });

    // the first pattern of August, and what the Node engine says happened around 2026-05-15
    const key = (await firstRow.getAttribute('data-pattern'))!;
    const pattern = (await expected.reviewPatterns({ month: MONTH }, { limit: Infinity })).rows.find((r) => r.pattern_key === key)!;
    expect(pattern).toBeDefined();
    const action: PatternAction = { ...identityOf(pattern), id: 'x', kind: 'chargemaster_fix', what: '=Template adds modifier 25', owner: 'Dana Ruiz', date: '2026-05-15' };
    const [outcome] = await expected.actionOutcomes([action], MONTH);
    const before = windowText(outcome.before, 3); // Feb–Apr 2026
    const after = windowText(outcome.after, 3); // Jun–Aug 2026

    await firstRow.getByTestId('pattern-toggle').click();
    const form = page.getByTestId('action-form');
    await form.getByTestId('action-kind').selectOption('chargemaster_fix');
    await form.getByTestId('action-what').fill(action.what);
    await form.getByTestId('action-owner').fill(action.owner);
    await form.getByTestId('action-date').fill(action.date);
    await form.getByTestId('action-save').click();
    const recorded = page.getByTestId('pattern-actions').getByTestId('pattern-action');
    await expect.poll(() => recorded.count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => recorded.getByTestId('outcome-before').textContent(), { timeout: 60_000 }).toBe(before);
    expect(await recorded.getByTestId('outcome-after').textContent()).toBe(after);
    expect(await databases(page)).toContain('denial-lens-actions');

    // next month, same computer: the kept files load again and the action is there with its figures
    await page.reload();
    const row = page.getByTestId('action-row');
    await expect.poll(() => row.count(), { timeout: 180_000 }).toBe(1);
    await expect.poll(() => row.getByTestId('outcome-before').textContent(), { timeout: 120_000 }).toBe(before);
    expect(await row.getByTestId('outcome-after').textContent()).toBe(after);
    expect(await row.textContent()).toContain('Dana Ruiz');
    await expect.poll(() => page.locator(`[data-testid="pattern-row"][data-pattern="${key}"]`).getByTestId('pattern-action-badge').textContent(), { timeout: 60_000 }).toBe('1 action');
    // the review says which dates the loaded code sets do not answer for
    expect(await page.getByTestId('reference-gaps').textContent()).toContain('The 2026 CPT/HCPCS update took effect 2026-01-01');

    // CSV out: the formula neutralised, the outcome beside the action, and it reads back
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-actions').click()]);
    const csv = readFileSync((await download.path())!);
    expect(csv.toString('utf8')).toContain(`'=Template adds modifier 25`);
    const read = readActionsCsv(new Uint8Array(csv));
    expect(read.errors).toEqual([]);
    expect(read.actions.map(({ id: _id, ...rest }) => rest)).toEqual([(({ id: _id, ...rest }) => rest)(action)]);

    // CSV in: a second action on the same pattern; then a file with a bad date is refused whole, naming the row
    const second = { ...read.actions[0], id: 'imported-1', kind: 'payer_follow_up' as const, what: 'Called the payer', date: '2026-06-02' };
    await page.getByTestId('import-actions').setInputFiles({ name: 'actions.csv', mimeType: 'text/csv', buffer: Buffer.from(actionsCsv([second])) });
    await expect.poll(() => row.count(), { timeout: 60_000 }).toBe(2);
    expect(await page.getByTestId('actions-notice').textContent()).toContain('1 action imported');
    const bad = actionsCsv([{ ...second, id: 'imported-2' }]).replace('2026-06-02', '2026-13-02');
    await page.getByTestId('import-actions').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await expect.poll(() => page.getByTestId('actions-notice').textContent(), { timeout: 60_000 }).toContain('row 2: date "2026-13-02" is not a date');
    expect(await row.count()).toBe(2);

    // the checklist: the sample bills M72.2, which FY2027 (2026-10-01) turns into a heading
    await page.getByRole('button', { name: 'Reference data' }).click();
    const checklist = page.getByTestId('code-set-checklist');
    await checklist.getByTestId('show-code-set').click();
    await checklist.getByTestId('code-set-row').first().waitFor({ timeout: 120_000 });
    expect(await checklist.locator('h2').textContent()).toBe('Before the code sets change: pre-October checklist');
    const m722 = checklist.getByTestId('code-set-row').filter({ hasText: 'M72.2' });
    expect(await m722.textContent()).toContain('Expanded');
    expect(await m722.textContent()).toContain('M72.21 Plantar fascial fibromatosis, right foot');
    expect(await m722.textContent()).toContain('2026-10-01 (FY2027)');
    expect(await checklist.getByTestId('reference-gap').textContent()).toContain('Import the CMS PFS RVU26A file');
    expect(await checklist.getByTestId('procedure-note').textContent()).toContain('AMA CPT and CMS HCPCS annual files');
    const [checklistCsv] = await Promise.all([page.waitForEvent('download'), checklist.getByTestId('export-code-set').click()]);
    expect(readFileSync((await checklistCsv.path())!, 'utf8')).toContain('ICD-10-CM,M72.2,Plantar fascial fibromatosis');

    // Erase all data takes the actions too
    await page.getByTestId('erase-all').click();
    await page.getByTestId('erase-confirm').click();
    await page.getByTestId('erased').waitFor();
    await expect.poll(() => databases(page), { timeout: 60_000 }).not.toContain('denial-lens-actions');

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
