import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, SAMPLE_CSV, useChromium } from './browser.ts';

const browser = useChromium();

async function reviewAt(b: Browser, width: number, height: number): Promise<Page> {
  const page = await (await b.newContext({ viewport: { width, height } })).newPage();
  await page.goto(`${baseUrl()}/`);
  await page.setInputFiles('#file-input', SAMPLE_CSV);
  await page.getByTestId('pattern-row').first().waitFor({ timeout: 120_000 });
  await page.getByTestId('heatmap').waitFor();
  await page.getByTestId('denied-row').first().waitFor();
  return page;
}

/** The README's pictures (committed): the window as a user sees it, the review's filters at the top. */
async function readmeShot(page: Page, name: string) {
  await page.locator('.review-filters').evaluate((e) => scrollTo(0, e.getBoundingClientRect().top + scrollY - 12));
  await page.screenshot({ path: `test/screenshots/${name}.png` });
}

/** The columns a reader needs in view without scrolling. */
const KEY_COLUMNS: Record<string, string[]> = {
  'Denied lines': ['Date of service', 'Claim', 'Payer', 'CPT/HCPCS', 'Denied $', 'Category'],
  heatmap: ['Payer', 'Denied ($)', 'Rate ($)'],
};

/**
 * Tables whose columns end beyond what the page shows: a table is fine if it fits, or if its
 * key columns are in view and it sits in a box that scrolls sideways, that a keyboard can
 * focus, and that says so in a line shown above it (headless Chromium, like overlay-scrollbar
 * systems, shows no scroll bar).
 */
function hiddenColumns(page: Page) {
  return page.evaluate((keys) => {
    const problems: string[] = [];
    const tables = [...document.querySelectorAll<HTMLElement>('main table, main [role="table"]')];
    for (const table of tables) {
      const name = table.dataset.testid ?? table.getAttribute('aria-label') ?? table.className;
      const headers = [...table.querySelectorAll<HTMLElement>('th, [role="columnheader"]')];
      let box: HTMLElement | null = table.parentElement;
      while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      const clip = box && box !== document.body ? box.getBoundingClientRect() : { left: 0, right: document.documentElement.clientWidth };
      const cut = headers.filter((h) => {
        const r = h.getBoundingClientRect();
        return r.width > 0 && (r.right > clip.right + 1 || r.left < clip.left - 1);
      });
      if (cut.length === 0) continue;
      const cutNames = cut.map((h) => h.textContent?.replace(/[▲▼]/g, '').trim() ?? '');
      const keyCut = (keys[name] ?? []).filter((k) => cutNames.includes(k));
      if (keyCut.length) problems.push(`${name}: key columns ${keyCut.join(', ')} out of view`);
      const scrolls = box && box !== document.body && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth;
      const focusable = box && box.tabIndex >= 0;
      const hint = box?.previousElementSibling as HTMLElement | null;
      const said = hint?.dataset.testid === 'scroll-hint' && hint.getBoundingClientRect().height > 0;
      if (!scrolls || !focusable || !said) {
        problems.push(`${name}: ${cutNames.join(', ')} cut off (scrolls: ${!!scrolls}, focusable: ${!!focusable}, said: ${said})`);
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
      problems.push(`the page itself is ${document.documentElement.scrollWidth} px wide in a ${document.documentElement.clientWidth} px window`);
    }
    return problems;
  }, KEY_COLUMNS);
}

describe('layout of the monthly review', () => {
  it('at 1024 × 768 every table fits or scrolls visibly; screenshots at 1440 and 1024 px for the README', async () => {
    mkdirSync('test/screenshots', { recursive: true });
    const narrow = await reviewAt(browser(), 1024, 768);
    expect(await hiddenColumns(narrow)).toEqual([]);
    // the numbers behind each chart, shown as tables, too
    const showNumbers = narrow.getByRole('button', { name: 'Show numbers' });
    while ((await showNumbers.count()) > 0) await showNumbers.first().click();
    await narrow.getByTestId('numbers-table').first().waitFor();
    expect(await hiddenColumns(narrow)).toEqual([]);
    const showChart = narrow.getByRole('button', { name: 'Show chart' });
    while ((await showChart.count()) > 0) await showChart.first().click();
    await readmeShot(narrow, 'review-1024');

    const wide = await reviewAt(browser(), 1440, 900);
    expect(await hiddenColumns(wide)).toEqual([]);
    await readmeShot(wide, 'review-1440');
  }, 400_000);

  it('at 1024 × 768 the other pages too: every table fits, or scrolls sideways in a box that says so', async () => {
    const page = await (await browser().newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${baseUrl()}/?page=dashboard`);
    // the export and three 835s: payments, sources that disagree and lines without a partner to show
    await page.setInputFiles('#file-input', [SAMPLE_CSV, ...['10', '11', '12'].map((m) => `sample-data/835/anthem-blue-cross-2025-${m}.835`)]);
    await page.getByTestId('denied-row').first().waitFor({ timeout: 180_000 });
    const problems: string[] = [];
    const check = async (view: string) => problems.push(...(await hiddenColumns(page)).map((p) => `${view}: ${p}`));
    await check('Dashboard');
    const tab = (name: string) => page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name, exact: true }).click();
    await tab('Files & data quality');
    await page.getByTestId('remittances-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('disagreements-table').locator('h2').waitFor();
    await check('Files & data quality');
    await tab('Crosswalk');
    await page.getByTestId('crosswalk-row').first().waitFor();
    await check('Crosswalk');
    await tab('Audit sample');
    await page.getByTestId('draw-sample').click();
    await page.getByTestId('worksheet-row').first().waitFor();
    await check('Audit sample');
    expect(problems).toEqual([]);
  }, 400_000);
});
