import { describe, expect, it } from 'vitest';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, useChromium } from './browser.ts';

const browser = useChromium();

/**
 * Breaks one engine query on purpose: while `window.__breakMethod` names a method, the page's
 * 'call' of it reaches the worker under a name the engine does not have, so the worker answers
 * with an error ("broken_… is not an engine method the page may call"), as any failing query would.
 */
const BREAK_ONE_METHOD = `(() => {
  window.__breakMethod = 'payerTrend';
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    postMessage(message, ...rest) {
      if (message && message.kind === 'call' && message.method === window.__breakMethod) message = { ...message, method: 'broken_' + message.method };
      return super.postMessage(message, ...rest);
    }
  };
})();`;

/** Polls wait this long: the sample loads and classifies in well under a minute on a busy 2-core machine. */
const BUSY = { timeout: 120_000 };

describe('a query that fails', () => {
  it('shows a readable error with Retry in its own panel only; the other panels keep their data; Retry brings the data', async () => {
    const expected = await nodeEngineWith([SAMPLE_CSV]);
    const month = '2026-09'; // the review opens on the latest month with data
    const filters = { month, basis: 'service' as const, payers: [], providers: [], categories: [], procedures: [], diagnoses: [] };
    const [kpis, trend] = await Promise.all([expected.reviewKpis(filters), expected.payerTrend(filters)]);

    const { page, errors } = await openApp(browser());
    await page.addInitScript(BREAK_ONE_METHOD);
    await page.reload();
    await page.setInputFiles('#file-input', SAMPLE_CSV);

    // the broken panel: its name, the reason, the engine method, and a Retry button
    const failed = page.locator('[data-testid="query-error"][data-query="Initial denial rate by payer"]');
    await failed.waitFor(BUSY);
    const text = await failed.textContent();
    expect(text).toContain('Initial denial rate by payer could not be shown: broken_payerTrend is not an engine method the page may call');
    expect(text).toContain('The engine’s broken_payerTrend request failed');
    await expect.poll(() => failed.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('chart-payer-rate').count()).toBe(0);
    await failed.screenshot({ path: 'test-results/query-error.png' });

    // every other panel shows its data
    await expect.poll(() => page.getByTestId('review-kpi-lines').getByTestId('kpi-value').textContent(), BUSY).toBe(count(kpis.current.lines));
    await page.getByTestId('pattern-row').first().waitFor(BUSY);
    await page.getByTestId('heatmap').waitFor(BUSY);
    await page.getByTestId('chart-provider').waitFor(BUSY);
    await page.locator('[data-testid="monthly-chart"] .recharts-bar-rectangle').first().waitFor(BUSY);
    await page.getByTestId('denied-row').first().waitFor(BUSY);
    await expect.poll(() => page.getByTestId('query-loading').count(), BUSY).toBe(0);
    expect(await page.getByTestId('query-error').count()).toBe(1);

    // stop breaking it: Retry asks again and the panel draws the engine's answer
    await page.evaluate(() => ((window as unknown as { __breakMethod: string | null }).__breakMethod = null));
    await failed.getByRole('button', { name: 'Retry' }).click();
    const panel = page.getByTestId('chart-payer-rate');
    await panel.waitFor(BUSY);
    await panel.getByRole('button', { name: 'Show numbers' }).click();
    const shown = await panel.getByTestId('numbers-table').locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    // columns: month, partial, payer, lines, …
    expect(shown.map(([, , payer, lines]) => [payer, lines])).toEqual(trend.map((r) => [r.payer, count(r.lines)]));
    expect(trend.length).toBeGreaterThan(0);
    expect(await page.getByTestId('query-error').count()).toBe(0);

    // nothing thrown, nothing only logged to the console
    expect(errors).toEqual([]);
  }, 300_000);
});
