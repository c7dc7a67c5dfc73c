import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { backtestRates, backtestTotals } from '../../src/engine/check/backtest-rates.ts';

const browser = useChromium();
let expected: Engine;

beforeAll(async () => {
  expected = await nodeEngineWith([SAMPLE_CSV]);
}, 300_000);

describe('check claims before sending', () => {
  it('ranks the sample batch by dollars at risk, opens a past denial, exports the worklist and shows the backtest', async () => {
    const { page, errors, outside } = await openApp(browser(), '?page=check');
    await page.setInputFiles('#file-input', SAMPLE_CSV);
    await page.getByTestId('check-drop').waitFor({ timeout: 120_000 });

    await page.getByRole('button', { name: 'Try with the sample batch' }).click();
    const claims = page.getByTestId('check-claim');
    await expect.poll(() => claims.count(), { timeout: 120_000 }).toBe(8);
    // sample-data/README.md "The outgoing batch": 8 claims flagged, GPCHK0006 clean; at risk = the flagged lines' charges
    // (0001: 99214 $290 + G2211 $38; 0002: 99214 $290; 0003, 0009: 99213 $205; 0007: 99442 $135; 0004: 71046 $95;
    // 0005: 73560 $84; 0008: 97140 $62), ties by claim id
    expect(await claims.evaluateAll((els) => els.map((e) => [e.getAttribute('data-claim'), e.querySelector('[data-testid="claim-at-risk"]')!.textContent]))).toEqual([
      ['GPCHK0001', '$328.00'],
      ['GPCHK0002', '$290.00'],
      ['GPCHK0003', '$205.00'],
      ['GPCHK0009', '$205.00'],
      ['GPCHK0007', '$135.00'],
      ['GPCHK0004', '$95.00'],
      ['GPCHK0005', '$84.00'],
      ['GPCHK0008', '$62.00'],
    ]);
    await expect.poll(() => page.getByTestId('check-summary').textContent()).toContain('$1,404.00 at risk');
    expect(await page.getByTestId('check-clean').textContent()).toContain('GPCHK0006');
    // R05 is a header since 2021-10-01 (FY2022 ICD-10-CM addenda): code data alone flags it
    expect(await page.locator('[data-claim="GPCHK0009"]').getByTestId('check-flag').first().getAttribute('data-category')).toBe('outdated');

    // a past denial opens the original line's detail: Medi-Cal's latest 71046 denial for M25.571
    const medical = page.locator('[data-claim="GPCHK0004"]');
    const firstPast = medical.getByTestId('past-denial').first();
    const pastText = (await firstPast.textContent())!;
    const pastClaim = pastText.split(' ')[2];
    await firstPast.click();
    const detail = page.getByTestId('line-detail');
    await expect.poll(() => detail.textContent(), { timeout: 60_000 }).toContain(pastClaim);
    await expect.poll(() => detail.textContent()).toContain('71046');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // the worklist CSV: one row per flag, claims in rank order, formulas neutralised by the shared CSV writer
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export worklist CSV' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.subarray(3)).split('\r\n').filter(Boolean);
    expect(rows[0]).toMatch(/^Rank,Claim,/);
    expect(rows[1]).toMatch(/^1,GPCHK0001,/);
    expect(rows.some((r) => r.startsWith('8,GPCHK0008,'))).toBe(true);
    expect(rows.some((r) => r.includes('GPCHK0006'))).toBe(false);

    // the backtest: the same numbers as the engine in Node (the CLI's --backtest)
    await page.getByRole('button', { name: 'Run the backtest' }).click();
    await page.getByTestId('backtest-table').waitFor({ timeout: 300_000 });
    const want = await expected.backtest();
    const shown = await page.getByTestId('backtest-row').evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-month'), e.getAttribute('data-category'), e.querySelector('[data-testid="recall"]')!.textContent, e.querySelector('[data-testid="precision"]')!.textContent]),
    );
    const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);
    expect(shown).toEqual(
      [...want, ...backtestTotals(want)].map((r) => [r.month.slice(0, 7), r.category, pct(backtestRates(r).recall), pct(backtestRates(r).precision)]),
    );
    const overall = backtestTotals(want).find((r) => r.category === 'overall')!;
    expect(await page.locator('[data-month="all"][data-category="overall"]').textContent()).toContain(count(overall.flagged));

    // a charges CSV dropped on the page replaces the batch: R05 is a header since 2021-10-01 (FY2022 addenda)
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    }, 'Claim ID,DOS,Payer,CPT/HCPCS,Diagnosis Codes,Billed Amt\nD1,10/05/2026,Medicare Part B,99213,R05,205.00\n');
    await page.getByTestId('check-drop').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => page.getByTestId('check-result').locator('h2').first().textContent(), { timeout: 120_000 }).toBe('dropped.csv: 1 claim, 1 line');
    expect(await claims.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')))).toEqual(['D1']);
    await expect.poll(() => page.getByTestId('check-summary').textContent()).toContain('$205.00 at risk');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
