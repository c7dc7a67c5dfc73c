import type { TestLine } from '../export-builder.ts';

/**
 * The practice's own paid history, context for the corpus (no labels): 71046
 * paid twelve times in 2026, always with chest or cough diagnoses, never with
 * an ankle one.
 */
export function historyLines(): TestLine[] {
  const dx = ['R05.9', 'J18.9', 'R07.9'];
  return Array.from({ length: 12 }, (_, i) => ({
    claim: `HIST-${i + 1}`,
    dos: `2026-0${1 + (i % 6)}-1${i % 9}`,
    cpt: '71046',
    dx: [dx[i % 3]],
    billed: 80,
    paid: 45,
    adj: 'CO-45 35.00',
  }));
}
