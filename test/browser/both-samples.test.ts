import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engineReady, openApp, useChromium } from './browser.ts';

/**
 * Issue #11: the start page offers the CSV export and the 835 + 837P of the same
 * claims side by side. Clicking both must give the KPIs of one: every line counted once.
 */
const browser = useChromium();
const TILES = ['lines', 'claims', 'denial_rate_lines', 'denial_rate_claims', 'denial_rate_dollars', 'denied_amount', 'coding_share_dollars'];

const tiles = (page: Page) =>
  Promise.all(TILES.map((id) => page.getByTestId(`review-kpi-${id}`).getByTestId('kpi-value').textContent()));

async function clickSample(page: Page, name: string) {
  await engineReady(page);
  await page.getByRole('button', { name }).click();
  // the input is disabled while the files load and classify
  await page.locator('#file-input:disabled').waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('#file-input:enabled').waitFor({ state: 'attached', timeout: 600_000 });
  await page.getByTestId('pattern-row').first().waitFor({ timeout: 600_000 });
}

describe('both sample buttons', () => {
  it('give the same KPIs as the CSV export alone', async () => {
    const one = await openApp(browser());
    await clickSample(one.page, 'Load sample data (CSV export)');
    await expect.poll(() => one.page.getByTestId('month-picker').inputValue()).toBe('2026-09');
    const alone = await tiles(one.page);
    expect(alone[0]).toBe('2,456');

    const both = await openApp(browser());
    await clickSample(both.page, 'Load sample data (CSV export)');
    await clickSample(both.page, 'Load sample 835 + 837P');
    await expect.poll(() => both.page.getByTestId('month-picker').inputValue()).toBe('2026-09');
    await expect.poll(() => tiles(both.page), { timeout: 60_000 }).toEqual(alone);

    // the Files page says the 835s and 837Ps merged into lines already loaded
    await both.page.getByRole('button', { name: 'Files & data quality' }).click();
    await both.page.getByTestId('files-table').waitFor();
    const csvRow = both.page.locator('[data-testid="files-table"] tbody tr', { hasText: 'claims-export-2025-10_2026-09.csv' });
    // columns: file, format, content, loaded, read, loaded, rejected, lines added, merged
    await expect.poll(() => csvRow.locator('td').nth(7).textContent()).toBe('22,839');
    const remitRow = both.page.locator('[data-testid="files-table"] tbody tr', { hasText: 'medicare-part-b-2026-03.835' });
    expect(await remitRow.locator('td').nth(7).textContent()).toBe('0');
    for (const o of [one, both]) {
      expect(o.outside).toEqual([]);
      expect(o.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    }
  }, 1_500_000);
});
