import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.ts';
import type { PatternStatus } from '../../../src/engine/analytics/pattern-status.ts';
import { defaultReviewMonth } from '../../../src/engine/analytics/partial-months.ts';
import { csvFile, openTestEngine } from '../helpers.ts';

/**
 * Six service months (Jan–Jun 2026) of a two-payer practice, written by hand in
 * test/fixtures/review/six-months.csv: one line per claim, every line remitted 20
 * days after its date of service. Beacon Care's April remittances are not loaded
 * (no Beacon line in April). Every expected figure below is counted by hand from
 * that file with the rules of issue 16, not read from the engine:
 * - a denial is a line whose unpaid dollars a denial reason explains: CO-27
 *   (eligibility), CO-197 (authorization), CO-11 on 71046 with acne L70.0
 *   (mismatch), CO-146 on M54.5 after 2021-10-01 (outdated: M54.5 was split into
 *   M54.50/51/59 in FY2022);
 * - never denials: CO-45 (contractual), PR-1 / PR-2 (patient's share), CO-24
 *   (capitation);
 * - the two $0 reporting lines (3074F, F06 and Y07) are left out of the lines;
 * - coding share = outdated + mismatch dollars ÷ denied dollars.
 */
const fixture = () => readFileSync(new URL('../../fixtures/review/six-months.csv', import.meta.url), 'utf8');

let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine();
  const [result] = await engine.loadFiles([csvFile('six-months.csv', fixture())]);
  expect(result.status).toBe('loaded');
});

describe('six-month review: KPIs counted by hand (the denial definition of issue 16)', () => {
  // month → [lines, denied lines, denied $, coding $]
  const EXPECTED: Record<string, [number, number, number, number]> = {
    // J01–J05 (J05 PR-1 and J04 CO-45/PR-2 are not denials); denied J02 CO-27 150 + J03 CO-197 150
    '2026-01': [5, 2, 300, 0],
    // F01–F05 (F06 is a $0 line; F05 CO-24 is capitation); denied F02 CO-27 150 + F04 CO-11 80; coding F04 80
    '2026-02': [5, 2, 230, 80],
    // M01–M05 (M04 CO-24 capitation); denied M02 CO-197 150
    '2026-03': [5, 1, 150, 0],
    // A01–A03 (no Beacon Care line); denied A01 CO-146 100, coding 100
    '2026-04': [3, 1, 100, 100],
    // Y01–Y09 but Y07 ($0); Y04 CO-24 capitation; denied Y01 100 + Y02 150 + Y03 80 + Y06 150 = 480; coding Y01 100 + Y03 80 = 180
    '2026-05': [8, 4, 480, 180],
    // U01–U04; denied U04 CO-197 150
    '2026-06': [4, 1, 150, 0],
  };

  it.each(Object.entries(EXPECTED))('%s: lines, denied lines, line denial rate, denied dollars, coding share', async (month, [lines, denied, dollars, coding]) => {
    const k = await engine.reviewKpis({ month });
    expect(k.current).toMatchObject({ lines, denied_lines: denied, denied_amount: dollars, coding_denied_amount: coding });
    expect(k.kpis.denial_rate_lines.value).toBeCloseTo(denied / lines, 6);
    expect(k.kpis.coding_share_dollars.value).toBeCloseTo(coding / dollars, 6);
  });

  it('counts no capitation, patient share, contractual adjustment or $0 line as a denial pattern', async () => {
    const patterns = await engine.reviewPatterns({ month: '2026-06' }, { limit: Infinity });
    // the denied patterns ever seen: CO-27, CO-197 (two payers), CO-11, CO-146
    expect(patterns.rows.map((r) => r.category).sort()).toEqual(['authorization', 'authorization', 'eligibility', 'mismatch', 'outdated']);
    // April: resolved = CO-27 at Alpha; no data = CO-197 at Beacon 99214 and CO-11 at Alpha 71046
    const april = await engine.reviewPatterns({ month: '2026-04' });
    expect([april.counts.resolved.patterns, april.counts.no_data.patterns]).toEqual([1, 2]);
  });
});

describe('six-month review: pattern statuses counted by hand', () => {
  /** The five patterns of the file, by category, payer and billed procedure (null: claim-level cause). */
  const PATTERNS = {
    beaconAuth: ['authorization', 'Beacon Care', '99214'], // CO-197, KIM: Jan, Mar, May
    alphaEligibility: ['eligibility', 'Alpha Health', null], // CO-27, LEE: Jan, Feb, May
    alphaMismatch: ['mismatch', 'Alpha Health', '71046'], // CO-11 with L70.0, LEE: Feb, May
    alphaOutdated: ['outdated', 'Alpha Health', '99213'], // CO-146 on M54.5, LEE: Apr, May
    alphaAuth: ['authorization', 'Alpha Health', '99214'], // CO-197, KIM: Jun
  } as const;
  type Name = keyof typeof PATTERNS;

  async function statuses(month: string, basis: 'service' | 'remit' = 'service'): Promise<Partial<Record<Name, PatternStatus>>> {
    const review = await engine.reviewPatterns({ month, basis }, { limit: Infinity });
    const found: Partial<Record<Name, PatternStatus>> = {};
    for (const [name, [category, payer, procedure]] of Object.entries(PATTERNS) as [Name, readonly [string, string, string | null]][]) {
      const rows = review.rows.filter((r) => r.category === category && r.payer === payer && r.procedure === procedure);
      expect(rows.length, `${name} is one pattern`).toBeLessThanOrEqual(1);
      if (rows[0]) found[name] = rows[0].status;
    }
    return found;
  }

  // Months with data per slice (a line of the payer, and procedure where the pattern has one):
  // Beacon Care 99214: Jan J03, Feb F03, Mar M02, May Y02, Jun U02 — none in April (remittances not loaded).
  // Alpha Health (any procedure): every month. Alpha 71046: Feb F04, Mar M03, May Y03, Jun U03 — none in Jan or April.
  // Alpha 99213: every month. Alpha 99214: Jan J02, Feb F02, Mar M05, Apr A03, May Y06, Jun U04.
  it.each<[string, Partial<Record<Name, PatternStatus>>]>([
    ['2026-01', { beaconAuth: 'new', alphaEligibility: 'new' }],
    // Beacon 99214 paid (F03): the authorization denial resolved; CO-27 again in Feb
    ['2026-02', { beaconAuth: 'resolved', alphaEligibility: 'recurring', alphaMismatch: 'new' }],
    // Beacon CO-197 again with Jan among its 2 months with data before (Feb, Jan); Alpha had lines without CO-27; 71046 paid (M03)
    ['2026-03', { beaconAuth: 'recurring', alphaEligibility: 'resolved', alphaMismatch: 'resolved' }],
    // no Beacon line at all, no Alpha 71046: nothing known, not resolved
    ['2026-04', { beaconAuth: 'no_data', alphaEligibility: 'resolved', alphaMismatch: 'no_data', alphaOutdated: 'new' }],
    // Beacon: months with data before May are Mar (denied) and Feb → recurring, April skipped.
    // CO-27: Apr and Mar had Alpha lines without it → returning. 71046: Mar and Feb (denied) → recurring (calendar rule: returning).
    ['2026-05', { beaconAuth: 'recurring', alphaEligibility: 'returning', alphaMismatch: 'recurring', alphaOutdated: 'recurring' }],
    // U02, U03, U01 paid: resolved; Alpha CO-197 on 99214 is new
    ['2026-06', { beaconAuth: 'resolved', alphaEligibility: 'resolved', alphaMismatch: 'resolved', alphaOutdated: 'resolved', alphaAuth: 'new' }],
  ])('%s', async (month, expected) => {
    expect(await statuses(month)).toEqual(expected);
  });

  it('does the same by remittance month: Beacon Care has no remittance in April', async () => {
    // remitted 20 days after service: J03 Jan 27, M02 Mar 23, Y02 May 25; Beacon remittances in Jan, Feb, Mar, May, Jun
    expect((await statuses('2026-04', 'remit')).beaconAuth).toBe('no_data');
    expect((await statuses('2026-05', 'remit')).beaconAuth).toBe('recurring');
  });

  it('counts a no-data pattern apart from the resolved ones, with nothing denied this month', async () => {
    const april = await engine.reviewPatterns({ month: '2026-04' }, { limit: Infinity });
    for (const status of ['resolved', 'no_data'] as const) {
      const rows = april.rows.filter((r) => r.status === status);
      expect(april.counts[status]).toEqual({ patterns: rows.length, lines: 0, denied_amount: 0, at_risk: 0 });
      expect(rows.every((r) => r.lines === 0 && r.denied_amount === 0)).toBe(true);
    }
  });
});

describe('six-month review: partial months', () => {
  // Newest remittance: U04, 2026-06-12 + 20 = 2026-07-02; oldest: J01, 2026-01-05 + 20 = 2026-01-25; every lag is 20 days.
  it('marks June by date of service still being adjudicated (2026-07-02 < Jun 30 + 20 days) and reviews May by default', async () => {
    const months = await engine.reviewMonths();
    expect([months.first_remit, months.last_remit, months.lag_days]).toEqual(['2026-01-25', '2026-07-02', 20]);
    expect(months.service.map((m) => [m.month, m.partial])).toEqual([
      ['2026-06', 'adjudicating'],
      ['2026-05', null], // May 31 + 20 = Jun 20 ≤ Jul 2
      ['2026-04', null],
      ['2026-03', null],
      ['2026-02', null],
      ['2026-01', null], // Jan 31 is after the oldest remittance (Jan 25)
    ]);
    expect(months.service[0].reason).toMatch(/2026-07-02.*20 days.*2026-07-20/);
    expect(defaultReviewMonth(months.service)).toBe('2026-05');
  });

  it('marks the remittance months the loaded remittances only partly cover', async () => {
    const months = await engine.reviewMonths();
    expect(months.remit.map((m) => [m.month, m.partial])).toEqual([
      ['2026-07', 'remits_end'], // last remittance Jul 2, the month's last business day is Fri Jul 31
      ['2026-06', null], // Tue Jun 30 ≤ Jul 2
      ['2026-05', null],
      ['2026-04', null],
      ['2026-03', null],
      ['2026-02', null],
      ['2026-01', 'remits_begin'], // first remittance Jan 25, after Thu Jan 1
    ]);
    expect(months.remit.at(-1)!.reason).toMatch(/2026-01-25.*2026-01-01/);
    expect(defaultReviewMonth(months.remit)).toBe('2026-06');
  });
});
