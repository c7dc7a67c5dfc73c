import { describe, expect, it } from 'vitest';
import { openApp, SAMPLE_CSV, useChromium } from './browser.ts';

const browser = useChromium();

describe('Back and Forward walk through the views', () => {
  it('every month, filter and page change is a history entry; Back never leaves the app or drops the files', async () => {
    const { page, errors, outside } = await openApp(browser());
    const start = page.url();
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('pattern-row').first().waitFor({ timeout: 120_000 });

    const picker = page.getByTestId('month-picker');
    await picker.selectOption('2026-05');
    await page.waitForURL(/month=2026-05/);
    await picker.selectOption('2026-03');
    await page.waitForURL(/month=2026-03/);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Files & data quality' }).click();
    await page.waitForURL(/page=files/);

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('page') && u.searchParams.get('month') === '2026-03');
    await expect.poll(() => picker.inputValue()).toBe('2026-03');
    await page.goBack();
    await expect.poll(() => picker.inputValue()).toBe('2026-05');
    await page.goForward();
    await expect.poll(() => picker.inputValue()).toBe('2026-03');
    // back to the first view: still the app, with the file still loaded
    await page.goBack();
    await page.goBack();
    await page.waitForURL((u) => u.href === start);
    await expect.poll(() => page.getByTestId('pattern-row').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 300_000);

  it('the lines drilled into, the line open and its claim are history entries too, and a bookmark reopens them', async () => {
    const { page, errors, outside } = await openApp(browser());
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('pattern-row').first().waitFor({ timeout: 120_000 });
    const params = () => new URL(page.url()).searchParams;
    const detail = page.getByTestId('line-detail');

    // drill into the first pattern's lines, open the first line, then its claim: three entries
    await page.getByTestId('pattern-lines').first().click();
    await expect.poll(() => params().get('drill')).toContain('"pattern"');
    const drillLabel = (await page.getByTestId('drill').textContent())!;
    expect(drillLabel).toContain('pattern:');
    await page.getByTestId('denied-row').first().click();
    await expect.poll(() => params().get('line')).toMatch(/^-?\d+$/);
    const lineTitle = (await detail.getByRole('heading', { level: 3 }).textContent())!;
    await detail.getByTestId('show-claim').click();
    await page.getByTestId('claim-detail').waitFor();
    expect(params().get('claim')).toBe('shown');
    const bookmark = page.url();

    // Back folds the claim, then closes the line, then leaves the drill-down
    await page.goBack();
    await expect.poll(() => page.getByTestId('claim-detail').count()).toBe(0);
    expect(await detail.getByRole('heading', { level: 3 }).textContent()).toBe(lineTitle);
    await page.goBack();
    await expect.poll(() => detail.count()).toBe(0);
    expect(await page.getByTestId('drill').textContent()).toBe(drillLabel);
    await page.goBack();
    await expect.poll(() => page.getByTestId('drill').textContent()).not.toBe(drillLabel);
    expect(params().has('drill')).toBe(false);
    // and Forward walks them again
    await page.goForward();
    await page.goForward();
    await page.goForward();
    await page.getByTestId('claim-detail').waitFor();
    expect(await detail.getByRole('heading', { level: 3 }).textContent()).toBe(lineTitle);

    // a bookmark of the view reopens it once the same file is loaded
    const again = await openApp(browser(), new URL(bookmark).search);
    await again.page.setInputFiles('#file-input', SAMPLE_CSV);
    await again.page.getByTestId('claim-detail').waitFor({ timeout: 120_000 });
    expect(await again.page.getByTestId('line-detail').getByRole('heading', { level: 3 }).textContent()).toBe(lineTitle);
    expect(await again.page.getByTestId('drill').textContent()).toBe(drillLabel);

    // a new month closes the drill-down, the line and the claim (they belonged to the month before)
    const picker = again.page.getByTestId('month-picker');
    const current = await picker.inputValue();
    const other = (await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find((m) => m !== current);
    await picker.selectOption(other!);
    await expect.poll(() => again.page.getByTestId('line-detail').count()).toBe(0);
    const left = new URL(again.page.url()).searchParams;
    expect([left.has('drill'), left.has('line'), left.has('claim')]).toEqual([false, false, false]);
    expect([...errors, ...again.errors]).toEqual([]);
    expect([...outside, ...again.outside]).toEqual([]);
  }, 300_000);
});
