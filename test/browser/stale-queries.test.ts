import { describe, expect, it } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, useChromium } from './browser.ts';
import { PAGE_PROBE, type ProbeState } from '../../bench/page-probe.ts';

const browser = useChromium();

describe('queries the page no longer needs', () => {
  it('after quick month changes the page shows the last month, and no request fails', async () => {
    const expected = await nodeEngineWith([SAMPLE_CSV]);
    const { page, errors } = await openApp(browser());
    await page.addInitScript(PAGE_PROBE);
    await page.reload();
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('pattern-row').first().waitFor({ timeout: 120_000 });

    // six changes without waiting for the answers: the panels ask again each time
    const picker = page.getByTestId('month-picker');
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) await picker.selectOption(month);

    const [june] = await expected.db.query<{ lines: number }>(
      sql`SELECT count(*)::INTEGER AS lines FROM denial_facts WHERE strftime(service_month, '%Y-%m') = '2026-06'`);
    await expect.poll(() => page.locator('.review-kpis-block h2').textContent(), { timeout: 60_000 }).toBe('Key figures, Jun 2026');
    await expect
      .poll(() => page.getByTestId('review-kpi-lines').getByTestId('kpi-value').textContent(), { timeout: 60_000 })
      .toBe(count(june.lines));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench.outstanding), { timeout: 60_000 }).toBe(0);
    const probe = await page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench);
    console.log(`requests cancelled before they ran: ${probe.cancelled} (answers: ${probe.replies.length})`);
    expect(probe.failures).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
