import type { ReferenceFileOutcome } from './import-reference.ts';

/** Why a file did not change the reference, in one sentence. */
export function outcomeProblem(outcome: ReferenceFileOutcome): string {
  if (outcome.kind === 'ncci-ptp') return outcome.error ?? 'no PTP edit could be loaded from it';
  if (outcome.kind === 'pfs') return outcome.error ?? outcome.result?.skipped ?? 'no fee-schedule row could be loaded from it';
  const reasons = [
    ...outcome.skipped.map((s) => `skipped${s.release ? ` (${s.release})` : ''}: ${s.reason}`),
    ...outcome.rejected.map((r) => r.reason),
  ];
  return reasons.join('; ') || 'nothing in it was loaded';
}
