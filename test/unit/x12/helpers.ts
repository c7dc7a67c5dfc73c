import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ParsedFile } from '../../../src/engine/ingest/parsed-file.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/x12', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'latin1');
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

/**
 * The invariants every parse must keep, whatever the input: each claim seen is loaded or
 * rejected (with a reject row), keys are 1..n without gaps, and every child row points at
 * a parent that exists (line-level rows at a line of the same claim).
 */
export function expectConsistent(parsed: ParsedFile): void {
  expect(parsed.rowsRead).toBe(parsed.claims.length + parsed.claimsRejected);
  if (parsed.claimsRejected > 0) expect(parsed.rejects.length).toBeGreaterThan(0);
  expect(parsed.claims.map((c) => c.claim_key)).toEqual(parsed.claims.map((_, i) => i + 1));
  expect(parsed.lines.map((l) => l.line_id)).toEqual(parsed.lines.map((_, i) => i + 1));
  expect(parsed.remittances.map((r) => r.remit_id)).toEqual(parsed.remittances.map((_, i) => i + 1));
  const claimOf = new Map(parsed.claims.map((c) => [c.claim_key, c]));
  const lineOf = new Map(parsed.lines.map((l) => [l.line_id, l]));
  const remitIds = new Set(parsed.remittances.map((r) => r.remit_id));
  for (const line of parsed.lines) expect(claimOf.get(line.claim_key)?.claim_id).toBe(line.claim_id);
  for (const claim of parsed.claims) if (claim.remit_id !== null) expect(remitIds.has(claim.remit_id)).toBe(true);
  for (const row of [...parsed.adjustments, ...parsed.remarks]) {
    expect(claimOf.has(row.claim_key)).toBe(true);
    if (row.level === 'claim') expect(row.line_id).toBeNull();
    else expect(lineOf.get(row.line_id!)?.claim_key).toBe(row.claim_key);
  }
  for (const plb of parsed.providerAdjustments) expect(remitIds.has(plb.remit_id)).toBe(true);
  const seqs = new Map<number, number[]>();
  for (const d of parsed.diagnoses) seqs.set(d.claim_key, [...(seqs.get(d.claim_key) ?? []), d.seq]);
  for (const [key, seq] of seqs) {
    expect(claimOf.has(key)).toBe(true);
    expect(seq).toEqual(seq.map((_, i) => i + 1));
  }
  for (const reject of parsed.rejects) expect(reject.reason.length).toBeGreaterThan(10);
}

/** Claims by claim id (the last one wins when an id repeats). */
export function claimsById(parsed: ParsedFile) {
  return new Map(parsed.claims.map((c) => [c.claim_id, c]));
}

export function linesOf(parsed: ParsedFile, claimKey: number) {
  return parsed.lines.filter((l) => l.claim_key === claimKey);
}

export function adjustmentsOf(parsed: ParsedFile, claimKey: number, lineId: number | null) {
  return parsed.adjustments
    .filter((a) => a.claim_key === claimKey && a.line_id === lineId)
    .map((a) => `${a.group_code}-${a.carc} ${a.amount}`);
}
