import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { count, nodeEngineWith, openApp, SAMPLE_CSV, screenshot, useChromium } from './browser.ts';
import type { Engine } from '../../src/engine/engine.ts';

const MONTH = '2026-08';
const dollars = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const rate = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

const browser = useChromium();
let expected: Engine;

beforeAll(async () => {
  // The same engine in Node on the same file; the KPIs below are recomputed from denial_facts with SQL written here.
  expected = await nodeEngineWith([SAMPLE_CSV]);
});

interface MonthSql {
  lines: number;
  claims: number;
  denied_lines: number;
  denied_claims: number;
  billed: number;
  denied: number;
  coding: number;
}

async function monthSql(month: string, where = sql`TRUE`, column = sql`service_month`): Promise<MonthSql> {
  const [row] = await expected.db.query<MonthSql>(sql`
    SELECT count(*)::INTEGER AS lines, count(DISTINCT claim_key)::INTEGER AS claims,
      count(*) FILTER (WHERE denied)::INTEGER AS denied_lines, count(DISTINCT claim_key) FILTER (WHERE denied)::INTEGER AS denied_claims,
      sum(billed)::DOUBLE AS billed, sum(denied_amount)::DOUBLE AS denied,
      coalesce(sum(denied_amount) FILTER (WHERE category IN ('outdated', 'missing_modifier', 'unspecified', 'mismatch')), 0)::DOUBLE AS coding
    FROM denial_facts WHERE strftime(${column}, '%Y-%m') = ${month} AND ${where}`);
  return row;
}

const kpi = (page: Page, id: string) => page.getByTestId(`review-kpi-${id}`).getByTestId('kpi-value').textContent();

async function loadSample(page: Page) {
  await page.setInputFiles('#file-input', SAMPLE_CSV);
  await page.getByTestId('pattern-row').first().waitFor({ timeout: 120_000 });
}

function uniqueHeader(csv: string): boolean {
  const header = Papa.parse<string[]>(csv.slice(1, csv.indexOf('\r\n'))).data[0];
  return new Set(header).size === header.length;
}

/** Heading titles from the PDF's outline (Chromium writes one entry per heading with `outline: true`). */
function pdfOutline(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/g)].map(([, raw]) => {
    if (raw.startsWith('<')) {
      const bytes = Buffer.from(raw.slice(1, -1).replace(/\s/g, ''), 'hex');
      return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
    }
    return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
  });
}

describe('monthly review on the sample CSV export', () => {
  it('shows the month’s KPIs as SQL counts them, drills from a recurring pattern to its lines and claim, exports CSV, prints, and calls no one', async () => {
    const { page, outside, errors } = await openApp(browser());
    await loadSample(page);

    // the review is the first tab and opens on the latest month with data
    expect(await page.locator('.tabs button[aria-current="page"]').textContent()).toBe('Monthly review');
    expect(await page.getByTestId('month-picker').inputValue()).toBe('2026-09');
    const sep = await monthSql('2026-09');
    await expect.poll(() => kpi(page, 'lines')).toBe(count(sep.lines));

    // pick a month: every KPI is the engine's answer to SQL written here, with the change vs the month before and the 3-month average
    await page.getByTestId('month-picker').selectOption(MONTH);
    expect(page.url()).toContain(`month=${MONTH}`);
    const aug = await monthSql(MONTH);
    const jul = await monthSql('2026-07');
    const prior = await Promise.all(['2026-05', '2026-06', '2026-07'].map((m) => monthSql(m)));
    await expect.poll(() => page.locator('.review-kpis-block h2').textContent()).toBe('Key figures, Aug 2026');
    await expect.poll(() => kpi(page, 'lines')).toBe(count(aug.lines));
    expect(await kpi(page, 'claims')).toBe(count(aug.claims));
    expect(await kpi(page, 'denial_rate_lines')).toBe(rate(aug.denied_lines, aug.lines));
    expect(await kpi(page, 'denial_rate_claims')).toBe(rate(aug.denied_claims, aug.claims));
    expect(await kpi(page, 'denial_rate_dollars')).toBe(rate(aug.denied, aug.billed));
    expect(await kpi(page, 'denied_amount')).toBe(dollars(aug.denied));
    expect(await kpi(page, 'coding_share_dollars')).toBe(rate(aug.coding, aug.denied));
    // a CSV export holds first adjudications only: a later payment cannot be seen, so no $0 is shown
    expect(await kpi(page, 'recovered_amount')).toBe('—');
    expect(await page.getByTestId('kpi-recovered-note').textContent()).toBe('Cannot be measured from the loaded files: it needs the later 835 remittances');
    const linesChange = aug.lines - jul.lines;
    expect(await page.getByTestId('review-kpi-lines').getByTestId('kpi-vs-previous').textContent()).toBe(
      `${linesChange >= 0 ? '+' : '−'}${count(Math.abs(linesChange))} (${linesChange >= 0 ? '+' : '−'}${Math.abs((100 * linesChange) / jul.lines).toFixed(1)} %) vs Jul 2026`,
    );
    const pooled = prior.reduce((s, m) => s + m.denied_lines, 0) / prior.reduce((s, m) => s + m.lines, 0);
    const points = 100 * (aug.denied_lines / aug.lines - pooled);
    expect(await page.getByTestId('review-kpi-denial_rate_lines').getByTestId('kpi-vs-average').textContent()).toBe(
      `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pp vs 3-month avg (May 2026–Jul 2026)`,
    );
    expect(await page.getByTestId('review-kpi-denial_rate_lines').getAttribute('title')).toMatch(/HFMA.*Denominator: every line of the month/);
    await screenshot(page, 'review-month-kpis', false);

    // the pattern list: the status counts and the first recurring pattern are the engine's
    const review = await expected.reviewPatterns({ month: MONTH, basis: 'service' }, { status: 'recurring', limit: 1 });
    const top = review.rows[0];
    await expect.poll(() => page.getByTestId('status-tab-recurring').textContent()).toContain(count(review.counts.recurring.patterns));
    await page.getByTestId('status-tab-recurring').click();
    const row = page.getByTestId('pattern-row').first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('recurring');
    await expect.poll(() => row.textContent()).toContain(top.provider);
    expect(await row.textContent()).toContain(top.payer);
    expect(await row.textContent()).toContain(top.fix);
    await row.click(); // evidence and fix
    await page.getByTestId('patterns').locator('.pattern-evidence').waitFor();
    await page.getByTestId('patterns').screenshot({ path: 'test-results/review-patterns.png' });

    // … to its lines: exactly the lines SQL finds for that pattern and month
    const [{ n: patternLines }] = await expected.db.query<{ n: number }>(sql`
      SELECT count(*)::INTEGER AS n FROM denial_facts d JOIN line_patterns p USING (line_id)
      WHERE p.pattern_key = ${top.pattern_key} AND strftime(d.service_month, '%Y-%m') = ${MONTH}`);
    expect(patternLines).toBe(top.lines);
    await row.getByTestId('pattern-lines').click();
    await expect.poll(() => page.getByTestId('drill').textContent()).toContain('pattern');
    await expect.poll(() => page.getByTestId('denied-count').textContent()).toBe(`${count(patternLines)} denied lines`);
    const listed = await page.getByTestId('denied-row').allTextContents();
    expect(listed.length).toBe(Math.min(patternLines, listed.length));
    expect(listed.every((l) => l.includes(top.payer) && l.includes(MONTH))).toBe(true);

    // … and from a line to its claim: every adjudicated line of the claim, its adjustments and diagnoses
    await page.getByTestId('denied-row').first().click();
    await page.getByTestId('line-detail').waitFor();
    await page.getByTestId('show-claim').click();
    const claim = page.getByTestId('claim-detail');
    await claim.waitFor();
    const claimId = /Claim (\S+)/.exec((await claim.locator('h4').textContent())!)![1];
    const [{ n: claimLines }] = await expected.db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM analysis_lines WHERE claim_id = ${claimId}`);
    expect(await claim.getByTestId('claim-lines').locator('tbody tr').count()).toBe(claimLines);
    expect(await claim.textContent()).toMatch(/Diagnoses: 1\. [A-Z]\d/);
    expect(await claim.textContent()).toMatch(/CO-\d+ \$/);
    await page.getByTestId('line-detail').screenshot({ path: 'test-results/review-claim.png' });

    // export the table as CSV and read it back: BOM, ISO dates, the same lines
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.lines-panel').getByRole('button', { name: 'Export CSV' }).click()]);
    // named for the drill-down, not like the month's full export
    expect(download.suggestedFilename()).toBe(`denied-lines-${MONTH}-pattern-${top.pattern_key}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(uniqueHeader(csv)).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(patternLines);
    // the payer's codes in their own columns, and the identifiers a biller looks the claim up by
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['Patient account', 'Payer claim number', 'Line adjustment 1 group', 'Line adjustment 1 CARC', 'Line adjustment 1 ($)', 'Line remarks (RARC)']));
    expect(parsed.data.every((r) => /^(CO|PR|OA|PI)$/.test(r['Line adjustment 1 group']) && /^[A-Z]?\d+$/.test(r['Line adjustment 1 CARC']))).toBe(true);
    expect(parsed.data.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r['Date of service']) && r['Date of service'].startsWith(MONTH))).toBe(true);
    expect(parsed.data.every((r) => r.Payer === top.payer && r['Rendering provider'] === top.provider)).toBe(true);
    expect(parsed.data.some((r) => r.Claim === claimId)).toBe(true);
    expect(parsed.data.map((r) => Number(r['Denied ($)'])).reduce((a, b) => a + b, 0)).toBeCloseTo(top.denied_amount, 2);

    // the line's side panel closes (it covers the right of the page)
    await page.getByTestId('line-detail').getByRole('button', { name: /^Close/ }).click();
    await page.getByTestId('line-detail').waitFor({ state: 'detached' });

    // the pattern list exports every pattern of the month
    const [patternsDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('patterns').getByRole('button', { name: 'Export CSV' }).click()]);
    const patternsText = readFileSync((await patternsDownload.path())!, 'utf8');
    expect(uniqueHeader(patternsText)).toBe(true);
    const patternsCsv = Papa.parse<Record<string, string>>(patternsText.slice(1), { header: true, skipEmptyLines: true });
    expect(patternsCsv.errors).toEqual([]);
    const statuses = Object.values(review.counts).reduce((n, c) => n + c.patterns, 0);
    expect(patternsCsv.data.length).toBe(statuses);
    expect(patternsCsv.data.filter((r) => r.Status === 'recurring').length).toBe(review.counts.recurring.patterns);

    // print: charts redrawn for the page, the report's headings in the PDF
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('[data-testid="chart-payer-rate"] .recharts-wrapper > svg').getAttribute('width')).toBe('1000');
    await screenshot(page, 'review-print');
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, outline: true, tagged: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const headings = pdfOutline(pdf);
    const printedTop = await expected.reviewPatterns({ month: MONTH, basis: 'service' }, { limit: 1 });
    for (const heading of [
      'Monthly denial review — Aug 2026',
      'Key figures, Aug 2026',
      'Denials by category, month by month',
      'Initial denial rate by payer',
      'Denied dollars by payer and category, Aug 2026',
      'Denied dollars by rendering provider, Aug 2026',
      'Top patterns and fixes',
      'Definitions',
    ]) {
      expect(headings).toContain(heading);
    }
    expect(headings.some((h) => h.includes(printedTop.rows[0].provider) && h.includes(printedTop.rows[0].payer))).toBe(true);
    expect(headings).not.toContain('Denied lines'); // the interactive table stays on screen

    expect(outside).toEqual([]);
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('lists months newest first, marks the partial ones and opens on the newest complete month', async () => {
    // The sample's services run Oct 2025–Sep 2026, its remittances 2025-10-14 to 2026-11-12, median lag 23 days:
    // by remittance date Nov 2026 stops before its last business day (Mon Nov 30), Oct 2026's last remittances
    // would be for services after Sep 30 (Oct 31 − 23 days = Oct 8), and Oct 2025's begin on Oct 14.
    const { page } = await openApp(browser(), '?basis=remit');
    await loadSample(page);
    const picker = page.getByTestId('month-picker');
    expect(await picker.inputValue()).toBe('2026-09');
    const labels = await picker.locator('option').allTextContents();
    expect(labels.slice(0, 3)).toEqual(['Nov 2026 (partial)', 'Oct 2026 (partial)', 'Sep 2026']);
    expect(labels.at(-1)).toBe('Oct 2025 (partial)');
    expect(labels.filter((l) => l.includes('partial'))).toHaveLength(3);
    const values = await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual([...values].sort().reverse());

    await picker.selectOption('2026-11');
    await expect.poll(() => page.locator('.review-kpis-block h2').textContent()).toBe('Key figures, Nov 2026 (partial)');
    expect(await page.getByTestId('kpi-partial').textContent()).toContain('2026-11-12');
    // a partial month's changes are not coloured as good (or bad) news
    expect(await page.locator('.review-kpis-block .kpi-change.better, .review-kpis-block .kpi-change.worse').count()).toBe(0);
    expect(await page.getByTestId('monthly-chart').locator('g[data-partial]').count()).toBeGreaterThan(0);
  });

  it('reopens a bookmarked view: month, remittance basis and payer from the URL apply to every figure', async () => {
    const payer = 'Medicare Part B';
    const { page, outside } = await openApp(browser(), `?month=${MONTH}&basis=remit&payer=${encodeURIComponent(payer)}`);
    await loadSample(page);
    expect(await page.getByTestId('month-picker').inputValue()).toBe(MONTH);
    expect(await page.locator('input[name="basis"]:checked').evaluate((e) => e.parentElement!.textContent)).toContain('remittance date');
    expect(await page.getByTestId('filter-payers').locator('summary').textContent()).toBe(`Payer: ${payer}`);
    const m = await monthSql(MONTH, sql`payer = ${payer}`, sql`remit_month`);
    await expect.poll(() => kpi(page, 'lines')).toBe(count(m.lines));
    expect(await kpi(page, 'denial_rate_dollars')).toBe(rate(m.denied, m.billed));
    expect(await kpi(page, 'denied_amount')).toBe(dollars(m.denied));
    // the heatmap shows that payer only, and its row total is the month's denied dollars
    await expect.poll(() => page.getByTestId('heatmap').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('heatmap').locator('tbody tr').textContent()).toContain(m.denied.toLocaleString('en-US', { style: 'currency', currency: 'USD' }));
    // a cell drills down to its lines
    await page.getByTestId('heat-cell').first().click();
    await expect.poll(() => page.getByTestId('drill').textContent()).toContain(payer);
    await screenshot(page, 'review-bookmarked-remit-medicare');
    expect(outside).toEqual([]);
  });
});
