import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { engineReady, openApp, SAMPLE_CSV, screenshot, useChromium } from './browser.ts';
import { PEAK_BYTES_PER_INPUT_BYTE, WASM_LIMIT_BYTES } from '../../src/browser/memory-budget.ts';

/** Issue #7 part 7: a file bigger than the browser can hold is refused before it is read; the page stays usable. */

const browser = useChromium();

/** Drops a file made in the page (no disk, no transfer) on the file input, as a user's pick would. */
async function pickGeneratedFile(page: Page, name: string, size: number, head: string) {
  await page.evaluate(
    ({ name, size, head }) => {
      const start = new TextEncoder().encode(head);
      const file = new File([start, new Uint8Array(size - start.length)], name);
      const input = document.querySelector('#file-input') as HTMLInputElement;
      const picked = new DataTransfer();
      picked.items.add(file);
      input.files = picked.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, size, head },
  );
}

describe('a file too big for the browser', () => {
  it('is refused with the reason before it is read, and the page goes on working', async () => {
    const { page, outside, errors } = await openApp(browser(), '?page=dashboard');
    await engineReady(page);

    // a CSV export whose load would need more than the 4 GiB DuckDB-WASM can ever have
    const csvSize = Math.ceil(WASM_LIMIT_BYTES / PEAK_BYTES_PER_INPUT_BYTE.csv) + 2 ** 20;
    const started = Date.now();
    await pickGeneratedFile(page, 'year-export.csv', csvSize, 'Claim ID,DOS,CPT,Billed\n');
    await expect.poll(() => page.getByTestId('load-result').count(), { timeout: 60_000 }).toBe(1);
    const refusal = await page.getByTestId('load-result').first().textContent();
    expect(Date.now() - started).toBeLessThan(20_000); // no 350 MB read, no parse
    expect(refusal).toContain('year-export.csv — Not loaded: too big for this browser: the file is 342 MB');
    expect(refusal).toContain('loading a CSV export takes about 12 times its size in memory (4.0 GB)');
    expect(refusal).toContain('The file was not read.');
    expect(refusal).toContain('Split it (e.g. by month)');

    // X12 costs more per byte: 100 MB of 835 is refused where 100 MB of CSV would load
    await pickGeneratedFile(page, 'remits.835', 100 * 2 ** 20, 'ISA*00*          *00*          *ZZ*A*ZZ*B*251022*0545*^*00501*000001054*0*P*>~');
    await expect.poll(() => page.getByTestId('load-result').count(), { timeout: 60_000 }).toBe(2);
    expect(await page.getByTestId('load-result').nth(1).textContent()).toContain(
      'remits.835 — Not loaded: too big for this browser: the file is 100 MB, and loading an X12 file takes about 50 times its size in memory (4.9 GB)',
    );
    await screenshot(page, 'big-file-refused', false);

    // nothing broke: the next file loads and is charted
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('kpi-lines').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('load-result').allTextContents(), { timeout: 60_000 }).toContainEqual(
      expect.stringContaining('22,839 of 22,839 rows loaded'),
    );
    await expect.poll(() => page.locator('[data-testid="monthly-chart"] rect[data-category]').count(), { timeout: 60_000 }).toBeGreaterThan(12);

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
