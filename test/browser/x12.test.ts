import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync } from 'node:fs';
import { count, nodeEngineWith, openApp, screenshot, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';

const FILES = [
  'sample-data/837p/claims-2026-03.837',
  ...readdirSync('sample-data/835').filter((f) => /-2026-0[34]\.835$/.test(f)).map((f) => `sample-data/835/${f}`),
];

const browser = useChromium();
let expected: Engine;
beforeAll(async () => {
  expected = await nodeEngineWith(FILES);
});

describe('835 + 837P through the file input', () => {
  it('loads a month of claims and two months of remittances, links them, and shows what did not match', async () => {
    const { page, outside, errors } = await openApp(browser(), '?page=dashboard');
    await page.setInputFiles('#file-input', FILES);
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('load-result').count()).toBe(FILES.length);
    const results = await page.getByTestId('load-result').allTextContents();
    expect(results.every((r) => r.includes('— Loaded'))).toBe(true);

    const k = await expected.kpis();
    await expect.poll(() => page.getByTestId('kpi-lines').textContent()).toContain(count(k.lines));
    expect(await page.getByTestId('kpi-denied-lines').textContent()).toContain(count(k.denied_lines));

    // a denied March line knows its diagnoses from the March 837P (claim ids carry the service month)
    await page.getByLabel('Find in denied lines').fill('GP2603');
    await expect.poll(() => page.getByTestId('denied-row').first().textContent()).toContain('GP2603');
    await page.getByTestId('denied-row').first().click();
    await expect.poll(() => page.getByTestId('line-detail').textContent()).toContain('Evidence');
    expect(await page.getByTestId('line-detail').textContent()).not.toContain('diagnoses none linked');

    await page.getByRole('button', { name: 'Files & data quality' }).click();
    await page.getByTestId('remittances-table').waitFor();
    const remits = await expected.remittances();
    await expect.poll(() => page.locator('[data-testid="remittances-table"] tbody tr').count()).toBe(remits.length);
    expect(await page.locator('[data-testid="remittances-table"] tbody').textContent()).toContain('balanced');
    const unmatched = await expected.unmatched();
    expect(unmatched.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('unmatched-table').textContent()).toContain(`(${count(unmatched.length)})`);
    await screenshot(page, 'files-x12');
    expect(page.url()).toContain('page=files');

    expect(outside).toEqual([]);
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
