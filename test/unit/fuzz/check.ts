/**
 * What must hold for every fuzz case, as a list of problems (empty = fine), so
 * thousands of cases can be checked without an assertion per value.
 */
import type { ParsedFile } from '../../../src/engine/ingest/parsed-file.ts';
import type { Seed } from './corpus.ts';

/** The accounting and key invariants of a parse (as test/unit/x12/helpers.ts expectConsistent). */
export function parsedFileProblems(parsed: ParsedFile): string[] {
  const problems: string[] = [];
  const fail = (p: string) => problems.push(p);
  if (parsed.rowsRead !== parsed.claims.length + parsed.claimsRejected) fail(`rowsRead ${parsed.rowsRead} ≠ claims ${parsed.claims.length} + rejected ${parsed.claimsRejected}`);
  if (parsed.claimsRejected > 0 && parsed.rejects.length === 0) fail('claims rejected without a reject row');
  if (parsed.rowsRead === 0 && parsed.claims.length === 0 && parsed.rejects.length === 0 && parsed.warnings.length === 0) fail('nothing loaded and no reason given');
  parsed.claims.forEach((c, i) => c.claim_key !== i + 1 && fail(`claim_key ${c.claim_key} at ${i}`));
  parsed.lines.forEach((l, i) => l.line_id !== i + 1 && fail(`line_id ${l.line_id} at ${i}`));
  parsed.remittances.forEach((r, i) => r.remit_id !== i + 1 && fail(`remit_id ${r.remit_id} at ${i}`));
  const claims = new Map(parsed.claims.map((c) => [c.claim_key, c]));
  const lines = new Map(parsed.lines.map((l) => [l.line_id, l]));
  const remits = new Set(parsed.remittances.map((r) => r.remit_id));
  for (const l of parsed.lines) if (claims.get(l.claim_key)?.claim_id !== l.claim_id) fail(`line ${l.line_id} points at no claim`);
  for (const c of parsed.claims) if (c.remit_id !== null && !remits.has(c.remit_id)) fail(`claim ${c.claim_key} points at no remittance`);
  for (const row of [...parsed.adjustments, ...parsed.remarks]) {
    if (!claims.has(row.claim_key)) fail(`${row.level} row points at no claim`);
    if (row.level === 'claim' ? row.line_id !== null : lines.get(row.line_id!)?.claim_key !== row.claim_key) fail('line row points at no line of its claim');
  }
  for (const plb of parsed.providerAdjustments) if (!remits.has(plb.remit_id)) fail('PLB points at no remittance');
  const seqs = new Map<number, number[]>();
  for (const d of parsed.diagnoses) seqs.set(d.claim_key, [...(seqs.get(d.claim_key) ?? []), d.seq]);
  for (const [key, seq] of seqs) if (!claims.has(key) || seq.some((s, i) => s !== i + 1)) fail(`diagnoses of claim ${key} are not 1..n`);
  for (const r of parsed.rejects) {
    if (r.reason.length <= 10) fail(`reject without a real reason: ${r.reason}`);
    if (/Internal parser error/.test(r.reason)) fail(`parser crashed: ${r.reason}`);
  }
  for (const n of [...parsed.claims.flatMap((c) => [c.total_charge, c.paid]), ...parsed.lines.flatMap((l) => [l.billed, l.paid, l.units])]) {
    if (n !== null && !Number.isFinite(n)) fail(`non-finite number ${n}`);
  }
  return problems;
}

/** A failing case, described well enough to rerun it (and to keep as a regression fixture). */
export function describeCase(seed: Seed, caseNo: number, names: string[], problems: string[]): string {
  return `case ${caseNo} (${seed.name}; ${names.join(' + ')}): ${problems.slice(0, 3).join('; ')}`;
}
