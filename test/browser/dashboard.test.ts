import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { writeFileSync, mkdirSync } from 'node:fs';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, screenshot, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';

const browser = useChromium();
let expected: Engine;

beforeAll(async () => {
  // The same engine in Node on the same file: the numbers the page must show.
  expected = await nodeEngineWith([SAMPLE_CSV]);
});

describe('dashboard on the sample CSV export', () => {
  it('loads through the file input, shows KPIs, chart and table, filters by a clicked bar, and calls no one', async () => {
    const { page, outside, errors } = await openApp(browser(), '?page=dashboard');
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });

    await expect.poll(() => page.getByTestId('load-result').first().textContent()).toContain('22,839 of 22,839 rows loaded');
    const k = await expected.kpis();
    const [{ denied_lines: sqlDenied }] = await expected.db.query<{ denied_lines: number }>(
      sql`SELECT count(*)::INTEGER AS denied_lines FROM denial_facts WHERE denied`,
    );
    expect(k.denied_lines).toBe(sqlDenied);
    await expect.poll(() => page.getByTestId('kpi-lines').textContent()).toContain(count(k.lines));
    expect(await page.getByTestId('kpi-denied-lines').textContent()).toContain(count(k.denied_lines));
    expect(await page.getByTestId('kpi-denial-rate-count').textContent()).toContain(`${((100 * k.denied_lines) / k.lines).toFixed(1)} %`);
    expect(await page.getByTestId('kpi-denial-rate-dollars').textContent()).toContain(`${((100 * k.denied_amount) / k.billed).toFixed(1)} %`);

    // the chart: a stacked segment for every category present; its numbers, shown as a table, are the engine's
    const months = await expected.monthly();
    const categories = new Set(months.flatMap((m) => m.by_category.map((c) => c.category)));
    await expect.poll(() => page.locator('[data-testid="monthly-chart"] rect[data-category]').count()).toBeGreaterThan(months.length);
    const drawn = await page.evaluate(() => [...document.querySelectorAll('[data-testid="monthly-chart"] rect[data-category]')].map((r) => r.getAttribute('data-category')));
    expect(new Set(drawn)).toEqual(categories);
    await page.getByRole('button', { name: 'Show the numbers as a table' }).click();
    const tableRows = await page.locator('[data-testid="monthly-chart"] table.numbers tbody tr').all();
    expect(tableRows.length).toBe(months.length);
    for (const [i, m] of months.entries()) {
      const cells = await tableRows[i].locator('td').allTextContents();
      expect(cells.slice(1, 3)).toEqual([count(m.lines), count(m.denied_lines)]);
    }
    await page.getByRole('button', { name: 'Show chart' }).click();
    await expect.poll(() => page.getByTestId('denied-count').textContent()).toBe(`${count(k.denied_lines)} denied lines`);
    await screenshot(page, 'dashboard-sample-csv');

    // click the Missing modifier segment of Sep 2026 → the table lists exactly those lines
    const sep = months.find((m) => m.month === '2026-09')!;
    const missingModifier = sep.by_category.find((c) => c.category === 'missing_modifier')!;
    const target = page.locator('[data-testid="monthly-chart"] rect[data-month="2026-09"][data-category="missing_modifier"]');
    await target.click();
    await expect.poll(() => page.getByTestId('active-filter').textContent()).toContain('Sep 2026');
    expect(await page.getByTestId('active-filter').textContent()).toContain('Missing modifier');
    await expect.poll(() => page.getByTestId('denied-count').textContent()).toBe(`${count(missingModifier.lines)} denied lines`);
    const firstRow = await page.getByTestId('denied-row').first().textContent();
    expect(firstRow).toContain('Missing modifier');
    expect(firstRow).toMatch(/2026-09-\d\d/);

    // the detail panel: evidence and a fix
    await page.getByTestId('denied-row').first().click();
    // the panel opens at once and fills when the line's own query answers
    await expect.poll(() => page.getByTestId('line-detail').textContent()).toContain('Evidence');
    expect((await page.getByTestId('fix').textContent())?.length).toBeGreaterThan(20);
    await screenshot(page, 'dashboard-filtered-detail');

    expect(outside).toEqual([]);
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('gives clear messages for bad files, stays usable, and keeps earlier data', async () => {
    const { page, outside } = await openApp(browser(), '?page=dashboard');
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });
    const before = await page.getByTestId('kpi-lines').textContent();

    mkdirSync('test-results/bad-input', { recursive: true });
    const bad = {
      'empty.csv': new Uint8Array(),
      'photo.835': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
      'notes.csv': new TextEncoder().encode('just a sentence without columns\nand another one\n'),
      'columns.csv': new TextEncoder().encode('alpha,beta,gamma\n1,2,3\n'),
    };
    for (const [name, bytes] of Object.entries(bad)) writeFileSync(`test-results/bad-input/${name}`, bytes);
    await page.setInputFiles('#file-input', Object.keys(bad).map((n) => `test-results/bad-input/${n}`));
    await expect.poll(() => page.getByTestId('load-result').count()).toBe(5);
    const messages = await page.getByTestId('load-result').allTextContents();
    expect(messages.slice(1)).toEqual([
      expect.stringContaining('empty.csv — Not loaded: the file is empty'),
      expect.stringContaining('photo.835 — Not loaded: this is a JPEG image, not a CSV export or an X12 file'),
      expect.stringContaining('notes.csv — Not loaded: no columns found'),
      expect.stringContaining('columns.csv — Not loaded: no recognisable columns among: alpha, beta, gamma'),
    ]);
    expect(await page.getByTestId('kpi-lines').textContent()).toBe(before);

    // the same file again is refused, nothing counted twice
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await expect.poll(() => page.getByTestId('load-result').allTextContents()).toContainEqual(expect.stringContaining('Already loaded'));
    expect(await page.getByTestId('kpi-lines').textContent()).toBe(before);
    expect(outside).toEqual([]);
  });

  it('asks for a column mapping instead of failing, and remembers it', async () => {
    const { page } = await openApp(browser(), '?page=dashboard');
    const csv = 'Encounter Ref,Svc Dt,Code,Amt Billed,Amt Pd,Why\nE1,02/03/2026,99213,100,0,CO-16\nE2,02/04/2026,99214,150,90,CO-45 60.00\n';
    writeFileSync('test-results/odd-layout.csv', csv);
    await page.setInputFiles('#file-input', 'test-results/odd-layout.csv');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('select[data-field="claim_id"]').selectOption({ label: 'Encounter Ref' });
    await dialog.locator('select[data-field="service_date"]').selectOption({ label: 'Svc Dt' });
    await dialog.locator('select[data-field="procedure"]').selectOption({ label: 'Code' });
    await dialog.locator('select[data-field="billed"]').selectOption({ label: 'Amt Billed' });
    await dialog.locator('select[data-field="paid"]').selectOption({ label: 'Amt Pd' });
    await dialog.locator('select[data-field="adjustment_codes"]').selectOption({ label: 'Why' });
    await screenshot(page, 'mapping-dialog');
    await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('kpi-lines').textContent()).toContain('2');
    await expect.poll(() => page.getByTestId('kpi-denied-lines').textContent()).toContain('1');

    // a fresh page, same layout: loads without asking (the tab's storage: "Keep data on this computer" is off)
    const second = await openApp(browser(), '?page=dashboard');
    await second.page.evaluate((v) => sessionStorage.setItem('denial-lens.csv-mappings', v), await page.evaluate(() => sessionStorage.getItem('denial-lens.csv-mappings')!));
    await second.page.setInputFiles('#file-input', 'test-results/odd-layout.csv');
    await second.page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });
    expect(await second.page.getByRole('dialog').count()).toBe(0);
  });

  it('opens on the bundled sample with ?demo (the README first command), and loads the 835 + 837P sample from its button', async () => {
    const { page, outside } = await openApp(browser(), '?demo&page=dashboard');
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });
    const k = await expected.kpis();
    await expect.poll(() => page.getByTestId('kpi-lines').textContent()).toContain(count(k.lines));

    const other = await openApp(browser(), '?page=dashboard');
    await other.page.getByRole('button', { name: 'Load sample 835 + 837P' }).click();
    await other.page.getByTestId('kpi-lines').waitFor({ timeout: 180_000 });
    // the same initial adjudications as the CSV export (reversals and corrections are not counted again)
    await expect.poll(() => other.page.getByTestId('kpi-lines').textContent(), { timeout: 60_000 }).toContain(count(k.lines));
    expect(await other.page.getByTestId('kpi-denied-lines').textContent()).toContain(count(k.denied_lines));
    expect([...outside, ...other.outside]).toEqual([]);
  });
});

