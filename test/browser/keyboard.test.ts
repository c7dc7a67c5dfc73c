import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SAMPLE_CSV, useChromium } from './browser.ts';

const browser = useChromium();

/** What has the keyboard focus: its test id, else its role and accessible label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e?.dataset.testid ?? e?.getAttribute('aria-label') ?? e?.id ?? e?.tagName ?? '';
  });

describe('the monthly review by keyboard', () => {
  it('opens patterns, drills to lines, sorts, opens and closes a line, drills from a chart, shows KPI definitions and closes filter pop-overs', async () => {
    const { page, errors } = await openApp(browser());
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('pattern-row').first().waitFor({ timeout: 120_000 });

    // a KPI's definition, by keyboard (and so by touch: it is a button, not a hover)
    const info = page.getByTestId('review-kpi-denial_rate_lines').getByTestId('kpi-info');
    const definition = page.getByTestId('review-kpi-denial_rate_lines').getByTestId('kpi-definition');
    expect(await definition.isVisible()).toBe(false);
    await info.focus();
    await page.keyboard.press('Enter');
    expect(await definition.textContent()).toMatch(/HFMA initial denial rate by count/);
    expect(await definition.isVisible()).toBe(true);
    expect(await info.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await definition.isVisible()).toBe(false);

    // a pattern's evidence opens with Enter and closes with Escape
    const toggle = page.getByTestId('pattern-toggle').first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('patterns').locator('.pattern-evidence').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByTestId('patterns').locator('.pattern-evidence').waitFor({ state: 'detached' });

    // "Lines →" is named after its pattern; Enter lists that pattern's lines
    const lines = page.getByTestId('pattern-lines').first();
    const name = (await lines.getAttribute('aria-label'))!;
    const title = await page.getByTestId('pattern-row').first().locator('.pattern-what').textContent();
    expect(name).toContain(title!);
    await lines.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('drill').textContent()).toContain('pattern');

    // a sortable header is a button: Enter sorts and says so
    const billed = page.locator('.lines-panel [role="columnheader"]').filter({ hasText: 'Billed' });
    await billed.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => billed.getAttribute('aria-sort')).not.toBe('none');

    // the rows: one tab stop, arrows move, Enter opens the line's detail in a side panel with the focus in it, Escape returns
    const rows = page.locator('.lines-panel').getByTestId('denied-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('line-detail');
    await detail.waitFor();
    await expect.poll(() => focused(page)).toBe('line-detail-title');
    const box = (await detail.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(viewport.height / 2); // where the eye is, not below the grid
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');

    // a chart segment: Tab reaches the chart, arrows move between segments, Enter drills to its lines
    const segment = page.getByTestId('chart-by-category').locator('[data-chart-mark][tabindex="0"]');
    await segment.focus();
    await page.keyboard.press('ArrowRight');
    const target = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(target).toMatch(/^\w{3} \d{4}, .+: /);
    await page.keyboard.press('Enter');
    const [month, category] = target!.split(': ')[0].split(', ');
    await expect.poll(() => page.getByTestId('drill').textContent()).toBe(`${month} · ${category}✕ clear`);

    // filter pop-overs: one open at a time, Escape and a click outside close them
    const payer = page.getByTestId('filter-payers');
    const provider = page.getByTestId('filter-providers');
    await payer.locator('summary').click();
    expect(await payer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await provider.locator('summary').click();
    await expect.poll(() => payer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await provider.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await provider.locator('input[type="checkbox"]').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => provider.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await payer.locator('summary').click();
    await page.locator('#lines-title').click(); // away from the pop-over
    await expect.poll(() => payer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

    expect(errors).toEqual([]);
  }, 300_000);
});
