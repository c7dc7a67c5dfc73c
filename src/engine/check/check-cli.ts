import type { CheckResult } from './check.ts';
import { backtestRates, backtestTotals, type BacktestRow } from './backtest-rates.ts';

const money = (n: number) => `$${n.toFixed(2)}`;
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

/** The worklist as the CLI prints it: claims by dollars at risk, each flag with its evidence, fix and past denials. */
export function worklistText(result: CheckResult): string {
  const out: string[] = [];
  const b = result.batch;
  if (b) {
    out.push(`${b.name}: ${b.claims} claims, ${b.lines} lines checked (${b.rows_rejected} rows rejected); ${result.flagged_lines} lines flagged, ${money(result.at_risk)} at risk`);
    out.push('dollars at risk = the charge of each line with a flag (a coding denial refuses the whole line)');
  }
  for (const r of result.rejects) out.push(`  rejected line ${r.line ?? '?'}: ${r.reason}`);
  result.claims.forEach((claim, i) => {
    if (claim.at_risk === 0 && claim.lines.every((l) => l.flags.length === 0)) return;
    out.push('', `${i + 1}. claim ${claim.claim_id} · ${claim.payer ?? '(no payer)'} · ${claim.provider ?? '(no provider)'} · ${claim.service_date ?? ''} · ${money(claim.at_risk)} at risk of ${money(claim.billed)}`);
    for (const line of claim.lines) {
      if (line.flags.length === 0) continue;
      const mods = line.modifiers.length ? `:${line.modifiers.join(':')}` : '';
      out.push(`   line ${line.line_number ?? '?'} ${line.procedure ?? ''}${mods} dx ${line.diagnoses.join(', ') || '(none)'} · ${money(line.billed ?? 0)}`);
      for (const f of line.flags) {
        out.push(`     [${f.category ?? 'note'} · ${f.source}] ${f.text}`);
        if (f.fix) out.push(`       fix: ${f.fix}`);
        for (const p of f.past) out.push(`       past: line ${p.line_id}, claim ${p.claim_id}, ${p.service_date ?? '?'}, denied ${money(Number(p.denied_amount))}`);
      }
    }
  });
  const clean = result.claims.filter((c) => c.lines.every((l) => l.flags.length === 0)).length;
  out.push('', `${clean} claims with nothing flagged`);
  return out.join('\n');
}

const LEGEND = `recall = denied lines of the category flagged (per category: by a flag of that category; overall: the four
coding categories' denied lines flagged by any flag), by lines and by denied dollars; precision = flagged lines
that the payer denied (for any reason). Each month is checked with what was known before it (remittance date,
else date of service).`;

/** The backtest as the CLI prints it: one row per month and category, then the totals. */
export function backtestText(rows: readonly BacktestRow[]): string {
  const out = ['month       category          denied  denied $   caught  recall  $ recall  flagged  denied  precision'];
  for (const r of [...rows, ...backtestTotals(rows)]) {
    const rate = backtestRates(r);
    out.push(
      [
        r.month.slice(0, 7).padEnd(10),
        r.category.padEnd(17),
        String(r.denied).padStart(6),
        r.denied_dollars.toFixed(2).padStart(9),
        String(r.caught).padStart(8),
        percent(rate.recall).padStart(7),
        percent(rate.dollarRecall).padStart(9),
        String(r.flagged).padStart(8),
        String(r.flagged_denied).padStart(7),
        percent(rate.precision).padStart(10),
      ].join(' '),
    );
  }
  return `${out.join('\n')}\n\n${LEGEND}`;
}
