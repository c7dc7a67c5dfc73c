import { describe, expect, it } from 'vitest';
import { patternStatus } from '../../../src/engine/analytics/pattern-status.ts';
import { addMonths, monthsEnding } from '../../../src/engine/analytics/months.ts';

/** Every month from 2024-01 to 2026-12: a slice with data in each, where the status is the calendar rule. */
const EVERY_MONTH = monthsEnding('2026-12', 36);

describe('pattern status in the reviewed month, every month with data', () => {
  const month = '2026-04';
  it.each([
    ['only this month', ['2026-04'], 'new'],
    ['this month and the one before', ['2026-03', '2026-04'], 'recurring'],
    ['this month and two months before (2 of the last 3)', ['2026-02', '2026-04'], 'recurring'],
    ['every month', ['2026-01', '2026-02', '2026-03', '2026-04'], 'recurring'],
    ['this month, last seen three months before', ['2026-01', '2026-04'], 'returning'],
    ['this month, last seen a year before', ['2025-04', '2026-04'], 'returning'],
    ['seen last month, not this month', ['2026-03'], 'resolved'],
    ['seen in two of the last three months but not this one', ['2026-02', '2026-03'], 'resolved'],
    ['seen long ago only', ['2025-01'], 'resolved'],
  ])('%s → %s', (_, seen, expected) => {
    expect(patternStatus(seen, month, EVERY_MONTH)).toBe(expected);
  });

  it('ignores months after the reviewed one and the order of the months', () => {
    expect(patternStatus(['2026-05', '2026-06'], month, EVERY_MONTH)).toBeNull();
    expect(patternStatus(['2026-04', '2026-05'], month, EVERY_MONTH)).toBe('new');
    expect(patternStatus(['2026-03', '2026-05'], month, EVERY_MONTH)).toBe('resolved');
    expect(patternStatus(['2026-04', '2026-02'], month, EVERY_MONTH)).toBe('recurring');
    expect(patternStatus([], month, EVERY_MONTH)).toBeNull();
  });

  it('counts months across a year boundary', () => {
    expect(patternStatus(['2025-11', '2026-01'], '2026-01', EVERY_MONTH)).toBe('recurring');
    expect(patternStatus(['2025-10', '2026-01'], '2026-01', EVERY_MONTH)).toBe('returning');
    expect(patternStatus(['2025-12'], '2026-01', EVERY_MONTH)).toBe('resolved');
  });
});

describe('pattern status over the months with data for the slice', () => {
  // the payer's remittances for March and May 2026 are not loaded: no data those months
  const withData = ['2026-01', '2026-02', '2026-04', '2026-06'];
  it('says "no data", never "resolved", for a month without adjudications of the slice', () => {
    expect(patternStatus(['2026-02'], '2026-03', withData)).toBe('no_data');
    expect(patternStatus(['2026-01', '2026-02'], '2026-03', withData)).toBe('no_data');
    // a month with data and no denial is resolved
    expect(patternStatus(['2026-01'], '2026-02', withData)).toBe('resolved');
  });

  it('does not flip a pattern denied in every month with data between resolved and recurring', () => {
    const seen = ['2026-02', '2026-04', '2026-06'];
    expect(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m) => patternStatus(seen, m, withData)))
      .toEqual(['new', 'no_data', 'recurring', 'no_data', 'recurring']);
  });

  it('takes the two months with data before, however far back, for recurring and returning', () => {
    // Feb and Jan are the two months with data before April: seen in Jan only → recurring
    expect(patternStatus(['2026-01', '2026-04'], '2026-04', withData)).toBe('recurring');
    // a gap of months with data and no denial (Feb, Apr) → returning in June
    expect(patternStatus(['2026-01', '2026-06'], '2026-06', withData)).toBe('returning');
    // a slice billed twice a year and denied both times
    expect(patternStatus(['2025-06', '2026-01'], '2026-01', ['2025-06', '2026-01'])).toBe('recurring');
  });

  it('counts a month with a denial as a month with data, and ignores months after the reviewed one', () => {
    expect(patternStatus(['2026-03', '2026-04'], '2026-04', [])).toBe('recurring');
    expect(patternStatus(['2026-03'], '2026-04', ['2026-05'])).toBe('no_data');
  });
});

describe('month arithmetic', () => {
  it('steps over year ends both ways and refuses what is not a month', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(() => addMonths('2026-13', 1)).toThrow(/YYYY-MM/);
    expect(() => addMonths("2026-01' OR 1=1", 1)).toThrow(/YYYY-MM/);
  });
});
