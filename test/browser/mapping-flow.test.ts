import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { count, engineReady, openApp, useChromium } from './browser.ts';
import { csvFile, openTestEngine } from '../unit/helpers.ts';
import type { HeaderMapping } from '../../src/engine/ingest/csv/header-mapping.ts';

const browser = useChromium();

// "Code" comes before "CPT": its header names it a procedure code, its values are reason codes.
const HEADER = 'Claim ID,DOS,Code,CPT,Billed,Paid,Pt Paid';
const ROWS = [
  'C1,01/05/2026,,99213,100.00,80.00,0.00',
  'C2,01/06/2026,CO-16 120.00,99214,120.00,0.00,0.00',
  'C3,01/07/2026,,99213,100.00,70.00,0.00',
  'C4,01/08/2026,CO-197 200.00,99215,200.00,0.00,0.00',
  'C5,01/09/2026,PR-1 40.00,99213,100.00,60.00,40.00',
  'C6,01/12/2026,,99214,120.00,90.00,0.00',
];
const CSV = [HEADER, ...ROWS, ''].join('\n');
const RIGHT: HeaderMapping = { claim_id: 0, service_date: 1, adjustment_codes: 2, procedure: 3, billed: 4, paid: 5 };
// the patient's payment read as the payer's: what a wrong remap does to the figures
const PATIENT_PAID: HeaderMapping = { ...RIGHT, paid: 6 };

/** axe's source, evaluated through the DevTools protocol (the app's CSP forbids injected script tags). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical WCAG 2.1 A/AA violations inside the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: string, o: object) => Promise<AxeResults> } }).axe.run('[role="dialog"]', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  expect(results.passes.length).toBeGreaterThan(0); // axe ran on the dialog
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} × ${v.nodes.length}`);
}

async function nodeKpis(mapping: HeaderMapping) {
  const engine = await openTestEngine();
  const [result] = await engine.loadFiles([csvFile('denials.csv', CSV)], { mapping });
  expect(result.status).toBe('loaded');
  return engine.kpis();
}

describe('column mapping', () => {
  it('shows the first rows and a wrong guess named, loads once fixed, reads a loaded file again with another mapping, and forgets the mapping', async () => {
    const [right, patientPaid] = [await nodeKpis(RIGHT), await nodeKpis(PATIENT_PAID)];
    expect(patientPaid.denied_lines).not.toBe(right.denied_lines);

    const { page, errors } = await openApp(browser(), '?page=dashboard');
    await engineReady(page);
    await page.setInputFiles('#file-input', { name: 'denials.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

    // the guess (CPT/HCPCS ← "Code") is not loaded silently: the dialog says why and shows the values
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const preview = dialog.getByTestId('mapping-preview');
    await preview.waitFor();
    expect(await preview.locator('thead tr').first().locator('th').allTextContents()).toEqual(['Column', ...HEADER.split(',')]);
    expect(await preview.locator('tr.read-as td').nth(2).textContent()).toBe('CPT/HCPCS');
    expect(await preview.locator('tbody tr').count()).toBe(5);
    expect(await preview.locator('tbody tr').nth(1).locator('th, td').allTextContents()).toEqual(['Row 3', ...ROWS[1].split(',')]);
    expect(await dialog.locator('p').first().textContent()).toContain('The columns as recognised by their names do not fit the file');
    const problems = dialog.getByTestId('mapping-problems').locator('li');
    expect(await problems.allTextContents()).toEqual([
      'Wrong column: “CPT/HCPCS” is read from column “Code”, but all 3 filled rows there hold adjustment reason codes (like CO-45), not CPT/HCPCS codes ' +
        '(e.g. ‘CO-16 120.00’, ‘CO-197 200.00’, ‘PR-1 40.00’; rows 3, 5, 6). Pick the column that holds CPT/HCPCS codes.',
    ]);
    const confirm = dialog.locator('.dialog-actions button.primary');
    expect(await confirm.textContent()).toBe('Fix 1 problem to load');
    expect(await confirm.isDisabled()).toBe(true);
    expect(await dialogViolations(page)).toEqual([]);

    // fixed: CPT/HCPCS ← "CPT", the reasons ← "Code"
    await dialog.locator('select[data-field="procedure"]').selectOption({ label: 'CPT' });
    await dialog.locator('select[data-field="adjustment_codes"]').selectOption({ label: 'Code' });
    await expect.poll(() => dialog.getByTestId('mapping-check').textContent()).toContain('every mapped column holds what it is read as');
    expect(await dialog.locator('label:has(select[data-field="procedure"]) .first-values').textContent()).toBe(' 99213 · 99214 · 99215');
    expect(await confirm.textContent()).toBe('Load with this mapping');
    await confirm.click();
    await expect.poll(() => page.getByTestId('kpi-lines').textContent(), { timeout: 120_000 }).toContain(count(right.lines));
    expect(await page.getByTestId('kpi-denied-lines').textContent()).toContain(count(right.denied_lines));
    expect(await page.getByRole('dialog').count()).toBe(0);

    // read again from the Files page with the patient's payments as "Paid": the figures follow, nothing counted twice
    await page.getByRole('button', { name: 'Files & data quality' }).click();
    await page.getByRole('button', { name: 'Columns of denials.csv' }).click();
    const remap = page.getByRole('dialog');
    await remap.waitFor();
    expect(await remap.locator('select[data-field="paid"]').inputValue()).toBe('5');
    await remap.locator('select[data-field="paid"]').selectOption({ label: 'Pt Paid' });
    const reread = remap.getByRole('button', { name: 'Read again with this mapping' });
    await expect.poll(() => reread.isEnabled()).toBe(true);
    await reread.click();
    await expect.poll(() => page.getByTestId('file-removed').textContent(), { timeout: 120_000 }).toBe('“denials.csv” was read again with the new column mapping.');
    const files = page.locator('[data-testid="files-table"] tbody tr');
    await expect.poll(() => files.count()).toBe(1);
    expect(await files.first().locator('td').nth(5).textContent()).toBe(count(ROWS.length));
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('kpi-denied-lines').textContent(), { timeout: 60_000 }).toContain(count(patientPaid.denied_lines));
    expect(await page.getByTestId('kpi-lines').textContent()).toContain(count(patientPaid.lines));

    // the mapping is remembered for the layout, as last confirmed; forgotten, the next such file is asked about again
    await page.getByRole('button', { name: 'Files & data quality' }).click();
    const remembered = page.getByTestId('remembered-mapping');
    await expect.poll(() => remembered.count()).toBe(1);
    expect(await remembered.locator('strong').textContent()).toBe(`7 columns: ${HEADER.split(',').join(', ')}`);
    expect(await remembered.locator('.hint').textContent()).toBe(
      'Claim ID / patient control number ← Claim ID; Date of service (from) ← DOS; CPT/HCPCS ← CPT; Billed amount ← Billed; ' +
        'Paid amount ← Pt Paid; Adjustment reason(s) (CARC, e.g. CO-45 or CO-45 71.27; PR-1 58.73) ← Code',
    );
    await remembered.getByRole('button', { name: /^Forget/ }).click();
    await expect.poll(() => remembered.count()).toBe(0);
    expect(await page.getByTestId('remembered-mappings').locator('h2').textContent()).toBe('Remembered column mappings (0)');
    expect(await page.evaluate(() => sessionStorage.getItem('denial-lens.csv-mappings'))).toBe('{}');

    const next = [HEADER, 'C7,01/13/2026,CO-16 100.00,99213,100.00,0.00,0.00', ''].join('\n');
    await page.setInputFiles('#file-input', { name: 'denials-next.csv', mimeType: 'text/csv', buffer: Buffer.from(next) });
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').locator('select[data-field="procedure"]').inputValue()).toBe('2');
    expect(errors).toEqual([]);
  });

  it('keeps a remapped file with its new mapping: the next tab loads it read the new way', async () => {
    const patientPaid = await nodeKpis(PATIENT_PAID);
    const { page, errors } = await openApp(browser(), '?page=dashboard');
    await engineReady(page);
    await page.getByTestId('keep-data').check();
    await page.setInputFiles('#file-input', { name: 'denials.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[data-field="procedure"]').selectOption({ label: 'CPT' });
    await dialog.locator('select[data-field="adjustment_codes"]').selectOption({ label: 'Code' });
    await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });

    await page.getByRole('button', { name: 'Files & data quality' }).click();
    await page.getByRole('button', { name: 'Columns of denials.csv' }).click();
    await page.getByRole('dialog').locator('select[data-field="paid"]').selectOption({ label: 'Pt Paid' });
    await page.getByRole('dialog').getByRole('button', { name: 'Read again with this mapping' }).click();
    await expect.poll(() => page.getByTestId('file-removed').textContent(), { timeout: 120_000 }).toBe('“denials.csv” was read again with the new column mapping.');

    const next = await page.context().newPage();
    await next.goto(page.url().replace('page=files', 'page=dashboard'));
    await expect.poll(() => next.getByTestId('kpi-denied-lines').textContent(), { timeout: 120_000 }).toContain(count(patientPaid.denied_lines));
    expect(await next.getByTestId('kpi-lines').textContent()).toContain(count(patientPaid.lines));
    expect(await next.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
