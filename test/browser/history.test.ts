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
});
