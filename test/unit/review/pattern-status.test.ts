import { describe, expect, it } from 'vitest';
import { patternStatus } from '../../../src/engine/analytics/pattern-status.ts';
import { addMonths, monthsEnding } from '../../../src/engine/analytics/months.ts';

describe('pattern status in the reviewed month', () => {
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
    expect(patternStatus(seen, month)).toBe(expected);
  });

  it('ignores months after the reviewed one and the order of the months', () => {
    expect(patternStatus(['2026-05', '2026-06'], month)).toBeNull();
    expect(patternStatus(['2026-04', '2026-05'], month)).toBe('new');
    expect(patternStatus(['2026-03', '2026-05'], month)).toBe('resolved');
    expect(patternStatus(['2026-04', '2026-02'], month)).toBe('recurring');
    expect(patternStatus([], month)).toBeNull();
  });

  it('counts months across a year boundary', () => {
    expect(patternStatus(['2025-11', '2026-01'], '2026-01')).toBe('recurring');
    expect(patternStatus(['2025-10', '2026-01'], '2026-01')).toBe('returning');
    expect(patternStatus(['2025-12'], '2026-01')).toBe('resolved');
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
