import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { openApp, SAMPLE_CSV, screenshot, useChromium } from './browser.ts';
import { readSpreadsheetCsv } from '../../src/engine/audit/read-csv.ts';
import type { Report } from '../../src/engine/analytics/report.ts';

const browser = useChromium();
let cli: Promise<Report>;

beforeAll(async () => {
  // The CLI's sample for the same frame (all months, denied claims, 15, seed 42), computed meanwhile.
  cli = promisify(execFile)('npx', ['tsx', 'src/cli/analyze.ts', SAMPLE_CSV, '--sample', '15', '--seed', '42', '--json'], { maxBuffer: 512 * 1024 * 1024 })
    .then(({ stdout }) => JSON.parse(stdout) as Report);
});

async function loadSampleData(page: Page) {
  await page.setInputFiles('#file-input', SAMPLE_CSV);
  await page.getByRole('button', { name: 'Audit sample' }).waitFor({ timeout: 120_000 });
}

const row = (page: Page, claimId: string) => page.locator(`[data-testid="worksheet-row"][data-claim="${claimId}"]`);
const field = (page: Page, claimId: string, name: string) => row(page, claimId).locator(`[data-field="${name}"]`);

describe('audit sample', () => {
  it('draws the CLI’s sample, saves worksheet edits across a reload, exports, imports and prints, calling no one', async () => {
    const { page, outside, errors } = await openApp(browser());
    await loadSampleData(page);
    await page.getByRole('button', { name: 'Audit sample' }).click();

    await page.locator('[data-field="seed"]').fill('42');
    await expect.poll(() => page.getByTestId('frame-summary').textContent()).toContain('15 will be drawn');
    const expected = (await cli).sample!;
    expect(await page.getByTestId('frame-summary').textContent()).toContain(`Frame: ${expected.frame.count.toLocaleString('en-US')} denied claims`);

    // the sample-size helper: 20 % expected, ± 10 points at 90 % → n₀ = 1.644854² · 0.16 / 0.01 = 43.29 (z from the NIST table), corrected for N
    await page.getByTestId('size-helper').locator('summary').click();
    const N = expected.frame.count;
    const n0 = (1.644854 ** 2 * 0.16) / 0.01;
    await expect.poll(() => page.getByTestId('size-needed').textContent()).toContain(`${Math.ceil((N * n0) / (N - 1 + n0))} units`);
    // 10 units, none in error: the rate is below 1 − 0.05^(1/10) = 25.9 %
    expect(await page.getByTestId('size-support').textContent()).toContain('25.9 %');

    // the frame as CSV: every unit, and the fingerprint the draw will state
    const [frameDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-frame-form').click()]);
    const frameRecords = readSpreadsheetCsv(readFileSync((await frameDownload.path())!), 'Claim ID');
    expect(frameRecords.find((r) => r[0] === 'Frame fingerprint (SHA-256)')![1]).toBe(expected.frame.fingerprint);
    expect(frameRecords.filter((r) => r.length > 2)).toHaveLength(N + 1);
    await page.getByTestId('draw-sample').click();
    await expect.poll(() => page.getByTestId('worksheet-row').count()).toBe(15);

    // the same units, in the same draw order, as the command line
    const drawn = await page.getByTestId('worksheet-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')));
    expect(drawn).toEqual(expected.rows.map((r) => r.claimId));
    expect(await page.getByTestId('sample-seed').textContent()).toContain('42');
    expect(await page.getByTestId('sample-view').textContent()).toContain(expected.frame.fingerprint);

    // the worksheet shows what is needed to pull the chart
    const first = expected.rows[0];
    const firstText = await row(page, first.claimId).textContent();
    for (const text of [first.patientAccount!, first.serviceDateFrom!, first.provider, first.payer, ...first.diagnoses]) expect(firstText).toContain(text);

    // the auditor's edits
    const [a, b, c] = expected.rows.map((r) => r.claimId);
    await field(page, a, 'supports').selectOption('no');
    await field(page, a, 'correctCodes').fill('=M54.50 per chart');
    await field(page, a, 'finding').selectOption(expected.rows[0].category!);
    await field(page, a, 'dollarsInError').fill('125.50');
    await field(page, a, 'notes').fill('Documentation: "left side", see note of 5/6;\nsecond line');
    await field(page, b, 'supports').selectOption('yes');
    await field(page, b, 'finding').selectOption('none');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved in this browser');
    await expect.poll(() => page.getByTestId('error-rate').textContent()).toContain('50.0 %');
    // 1 of 2 at 90 %: exact interval 1 − 0.95^(1/2) = 2.5 % to 0.95^(1/2) = 97.5 %
    expect(await page.getByTestId('error-rate').textContent()).toContain('90 %: 2.5 % – 97.5 %');
    expect(await page.getByTestId('dollar-projection').textContent()).toContain('Lower bound, two-sided 90 %');
    expect(await page.getByTestId('dollar-projection').locator('[data-method="mean_per_unit"]').count()).toBe(1);
    expect(await page.getByTestId('units-reviewed').textContent()).toContain(a);
    expect(await page.getByTestId('agreement').textContent()).toContain(expected.rows[1].category ? '50.0 %' : '100.0 %');
    expect(await page.getByTestId('dollars-in-error').textContent()).toContain('$125.50');

    // reload the page and the data: the sample and the edits are still there (IndexedDB)
    await page.reload();
    await loadSampleData(page);
    await expect.poll(() => page.getByTestId('worksheet-row').count()).toBe(15);
    expect(await page.getByTestId('worksheet-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')))).toEqual(drawn);
    expect(await field(page, a, 'supports').inputValue()).toBe('no');
    expect(await field(page, a, 'correctCodes').inputValue()).toBe('=M54.50 per chart');
    expect(await field(page, a, 'dollarsInError').inputValue()).toBe('125.50');
    expect(await field(page, a, 'notes').inputValue()).toBe('Documentation: "left side", see note of 5/6;\nsecond line');
    expect(await field(page, b, 'finding').inputValue()).toBe('none');
    expect(await page.getByTestId('saved-samples').textContent()).toContain('2 reviewed');

    // redrawing on the reloaded data reproduces the sample
    await page.getByTestId('verify-sample').click();
    await expect.poll(() => page.getByTestId('audit-notice').textContent()).toContain('Reproduced');

    // export: an Excel-safe CSV with the edits
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-worksheet').click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = new TextDecoder().decode(bytes);
    expect(raw).toContain(",'=M54.50 per chart,");
    const records = readSpreadsheetCsv(bytes, 'Claim ID').filter((r) => r.some((cell) => cell !== ''));
    // the identity block (a title and 11 facts), then the header and 15 rows
    expect(records[0]).toEqual(['Denial Lens audit sample']);
    expect(records.find((r) => r[0] === 'Seed')![1]).toBe('42');
    expect(records.find((r) => r[0] === 'Frame fingerprint (SHA-256)')![1]).toBe(expected.frame.fingerprint);
    const header = records[12];
    const at = (record: string[], name: string) => record[header.indexOf(name)];
    expect(records).toHaveLength(28);
    const exportedA = records.find((r) => at(r, 'Claim ID') === a)!;
    expect(at(exportedA, 'Documentation supports codes (yes/no/partly)')).toBe('no');
    expect(at(exportedA, 'Correct codes')).toBe('=M54.50 per chart');
    expect(at(exportedA, 'Dollars in error')).toBe('125.5');
    expect(at(exportedA, 'Notes')).toBe('Documentation: "left side", see note of 5/6;\nsecond line');
    expect(at(exportedA, 'DOS from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // import the file back after "working in Excel": one more answer, and a row that is not in the sample
    const edited = records.map((r) => [...r]);
    const rowC = edited.find((r) => at(r, 'Claim ID') === c)!;
    rowC[header.indexOf('Documentation supports codes (yes/no/partly)')] = 'partly';
    rowC[header.indexOf('Notes')] = 'from the spreadsheet';
    edited.push(header.map((h) => (h === 'Claim ID' ? 'NOT-IN-SAMPLE' : '')));
    const csv = edited.map((r) => r.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n');
    await page.getByTestId('import-worksheet').setInputFiles({ name: 'filled-in.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('audit-notice').textContent()).toContain('15 rows taken; 1 not matched');
    expect(await page.getByTestId('audit-notice').textContent()).toContain('row 29: claim NOT-IN-SAMPLE is not in this sample');
    expect(await field(page, c, 'supports').inputValue()).toBe('partly');
    expect(await field(page, c, 'notes').inputValue()).toBe('from the spreadsheet');
    expect(await field(page, a, 'correctCodes').inputValue()).toBe('=M54.50 per chart');
    await expect.poll(() => page.getByTestId('error-rate').textContent()).toContain('66.7 %');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved in this browser');

    // blind review: a second sample hides our classification until a finding is recorded
    await page.locator('[data-field="seed"]').fill('42'); // the reload gave the form a new seed
    await page.locator('[data-field="blind"]').check();
    await page.getByTestId('draw-sample').click();
    await expect.poll(() => page.getByTestId('sample-blind').textContent()).toContain('yes');
    await expect.poll(() => page.getByTestId('blind-hidden').count()).toBe(15);
    expect(await page.getByTestId('our-classification').count()).toBe(0);
    await field(page, a, 'finding').selectOption('none');
    await expect.poll(() => page.getByTestId('our-classification').count()).toBe(1);
    expect(await row(page, a).getByTestId('our-classification').textContent()).toContain('Our category');
    // the first sample's worksheet is refused here, with the reason
    await page.getByTestId('import-worksheet').setInputFiles({ name: 'first-sample.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('audit-notice').textContent()).toContain('not from this sample');
    expect(await page.getByTestId('audit-notice').textContent()).toContain('Drawn at');
    await page.locator('[data-field="blind"]').uncheck();

    // a quarter as the frame
    await page.locator('[data-field="period-mode"]').selectOption('quarter');
    await page.locator('[data-field="quarter"]').selectOption('2026-Q3');
    await expect.poll(() => page.getByTestId('frame-summary').textContent()).toContain('date of service 2026-07-01 to 2026-09-30');
    await page.locator('[data-field="period-mode"]').selectOption('month');

    // the frame's filters live in the URL, shared with the other pages
    await page.locator('[data-field="month"]').selectOption('2026-09');
    await page.locator('[data-field="category"]').selectOption('missing_modifier');
    await expect.poll(() => page.getByTestId('frame-summary').textContent()).toContain('date of service in 2026-09 · category Missing modifier');
    expect(new URL(page.url()).searchParams.get('month')).toBe('2026-09');
    expect(new URL(page.url()).searchParams.getAll('category')).toEqual(['missing_modifier']);

    await page.getByTestId('sample-view').scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-sample');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('draw-sample').isVisible()).toBe(false);
    expect(await page.locator('#file-input').isVisible()).toBe(false);
    expect(await row(page, a).isVisible()).toBe(true);
    await screenshot(page, 'audit-sample-print');
    // the audit summary: the same page without the worksheet (the class "Print audit summary" sets while printing)
    await page.evaluate(() => document.body.classList.add('print-summary'));
    expect(await row(page, a).isVisible()).toBe(false);
    expect(await page.getByTestId('audit-results').isVisible()).toBe(true);
    expect(await page.getByTestId('sample-identity').isVisible()).toBe(true);
    expect(await page.getByTestId('units-reviewed').isVisible()).toBe(true);
    await screenshot(page, 'audit-summary-print');
    await page.evaluate(() => document.body.classList.remove('print-summary'));
    await page.emulateMedia({ media: 'screen' });

    expect(outside).toEqual([]);
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
