import { describe, expect, it } from 'vitest';
import { openApp, SAMPLE_CSV, screenshot, useChromium } from './browser.ts';

const browser = useChromium();

describe('audit worksheet after a reload with the files not kept', () => {
  it('says in words when dollars are no amount, lists the saved sample with what to load, and reopens it once loaded', async () => {
    const { page, errors, outside } = await openApp(browser(), '?page=audit');
    await page.getByTestId('audit-needs-data').waitFor({ timeout: 60_000 });
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('draw-sample').click({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('worksheet-row').count()).toBe(15);
    const dollars = page.getByTestId('worksheet-row').first().locator('[data-field="dollarsInError"]');

    // an amount mistyped: a message in words, tied to the field, and nothing saved
    await dollars.fill('12,3x');
    await expect.poll(() => page.getByTestId('dollars-error').textContent()).toContain('“12,3x” is not an amount, so it is not saved');
    expect(await dollars.getAttribute('aria-invalid')).toBe('true');
    expect(await dollars.getAttribute('aria-describedby')).toBe(await page.getByTestId('dollars-error').getAttribute('id'));
    await dollars.fill('$1,234.50');
    await expect.poll(() => page.getByTestId('dollars-error').count()).toBe(0);
    await dollars.fill('12..5');
    // the amount entered before stays, and the message says so
    await expect.poll(() => page.getByTestId('dollars-error').textContent()).toContain('($1,234.50 is kept)');
    await dollars.fill('40');
    await expect.poll(() => page.getByTestId('dollars-error').count()).toBe(0);
    await page.getByTestId('worksheet-row').first().locator('[data-field="supports"]').selectOption('no');
    const sampleUrl = page.url();
    expect(new URL(sampleUrl).searchParams.get('sample')).toMatch(/^sample-/);

    // reload: "Keep data on this computer" is off, so the claim data is gone; the sample is still listed with what to load
    await page.reload();
    const listed = page.getByTestId('sample-to-reopen');
    await expect.poll(() => listed.count(), { timeout: 60_000 }).toBe(1);
    const text = (await listed.textContent())!;
    expect(text).toContain('15 claims drawn from a frame of');
    expect(text).toContain('1 reviewed');
    // the sample export holds dates of service from October 2025 to September 2026 (its name says so)
    const [, from, to] = /dates of service (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(text) ?? [];
    expect(from >= '2025-10-01' && from <= to && to <= '2026-09-30').toBe(true);
    expect(await page.getByTestId('files-to-load').textContent()).toBe('To reopen it, load this file: claims-export-2025-10_2026-09.csv.');
    expect(text).toContain('It opens once the files are loaded.');
    expect(await page.getByTestId('audit-needs-data').textContent()).toContain('Load your claim files above');
    await screenshot(page, 'audit-after-reload');

    // loading the file reopens the sample with its answers
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await expect.poll(() => page.getByTestId('worksheet-row').count(), { timeout: 120_000 }).toBe(15);
    expect(await page.getByTestId('worksheet-row').first().locator('[data-field="dollarsInError"]').inputValue()).toBe('40.00');
    expect(await page.getByTestId('samples-to-reopen').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
