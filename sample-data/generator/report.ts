/**
 * planted.json: what the generator put into the data, counted from its own model, so
 * tests (and the engine's tests) can check that the analysis finds it.
 */
import { isoDate, monthKey } from './calendar.ts';
import type { BillingIssue, ClaimAdjudication, DenialBucket } from './model.ts';
import { sum, type Cents } from './money.ts';
import { summarizePlanted, toDollars } from './planted.ts';
import type { Recovery, RemittanceYear } from './remittance.ts';

const ISSUES: Readonly<Record<BillingIssue, string>> = {
  coverage_terminated:
    'Billed to a plan that had ended (CO-27): members who changed plans on 2026-01-01 (peaks in January), Medi-Cal members not renewed.',
  not_this_payer: 'Medi-Cal member enrolled in a managed-care plan billed to Medi-Cal fee-for-service (CO-109).',
  member_not_found: 'Member id keyed wrong (CO-31).',
  duplicate: 'The same visit keyed twice; the second claim is denied (CO-18).',
  late_submission: 'Claim sent 95–140 days after the visit (CO-29).',
  missing_referrer: 'Imaging claim without the referring provider (CO-16 + N286).',
  rendering_not_enrolled:
    'Dr. Achterberg\'s Medi-Cal enrollment lapsed 2026-01-12..2026-01-30 (CO-16 + MA130, N290); all reprocessed and paid in March 2026 (see recoveries).',
};

/** The distinct denial codes of an adjudication, e.g. 'CO-16 MA130 N290'. */
const denialCodes = (a: ClaimAdjudication) => [
  ...new Set(a.lines.filter((l) => l.denial).map((l) => [...l.adjustments.map((x) => `${x.group}-${x.reason}`), ...l.remarks].join(' '))),
];
const check = (a: ClaimAdjudication) => ({ check: a.payment.trace, date: isoDate(a.payment.date) });
const paidOf = (a: ClaimAdjudication) => sum(a.lines.map((l) => l.paid));

export function plantedReport(year: RemittanceYear, seed: number, months: readonly string[]) {
  const { initial } = year;
  return {
    about:
      'Synthetic data: every person, provider, payer id and amount is invented. Counts are of service lines on their first adjudication, by service month (date of service).',
    seed,
    denied_line_rule:
      'A line is denied when its allowed amount is 0, or it is paid 0 with no patient responsibility, on a charge above $0.01. CO-45, CO-253 and PR-1/2/3 are not denials.',
    planted: summarizePlanted(initial, months),
    billing_issues: billingIssues(initial, months),
    recoveries: year.recoveries.map((r) => ({ ...reprocessing(r), recovered: toDollars(paidOf(r.correction)) })),
    rate_corrections: year.rateCorrections.map((r) => ({
      ...reprocessing(r),
      original_paid: toDollars(paidOf(r.original)),
      corrected_paid: toDollars(paidOf(r.correction)),
      difference: toDollars(paidOf(r.correction) - paidOf(r.original)),
    })),
    provider_adjustments: year.payments.flatMap((p) =>
      p.providerAdjustments.map((a) => ({
        payer: p.payer.name,
        check: p.trace,
        date: isoDate(p.date),
        reason: a.reason,
        reference: a.reference,
        amount: toDollars(a.amount),
        note: a.note,
      })),
    ),
    by_service_month: monthly(initial, months),
  };
}

/** A reversal (CLP02 22) and the corrected adjudication, both in the `reprocessed` payment. */
function reprocessing(r: Recovery) {
  return {
    claim_id: r.claim.id,
    payer: r.claim.payer.name,
    service_date: isoDate(r.claim.dos),
    reason: r.reason,
    original: { ...check(r.original), denials: denialCodes(r.original) },
    reprocessed: check(r.correction),
    charges: toDollars(sum(r.claim.lines.map((l) => l.charge))),
  };
}

function billingIssues(initial: readonly ClaimAdjudication[], months: readonly string[]) {
  return (Object.keys(ISSUES) as BillingIssue[]).map((issue) => {
    const byMonth: Record<string, { claims: number; denied_lines: number }> = {};
    for (const m of months) byMonth[m] = { claims: 0, denied_lines: 0 };
    for (const a of initial) {
      if (a.claim.issue !== issue) continue;
      const m = byMonth[monthKey(a.claim.dos)];
      m.claims++;
      m.denied_lines += a.lines.filter((l) => l.denial).length;
    }
    return { issue, description: ISSUES[issue], by_month: byMonth };
  });
}

function monthly(initial: readonly ClaimAdjudication[], months: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const m of months) {
    const claims = initial.filter((a) => monthKey(a.claim.dos) === m);
    const lines = claims.flatMap((a) => a.lines);
    const denied = lines.filter((l) => l.denial);
    const buckets = new Map<DenialBucket, { lines: number; charges: Cents }>();
    for (const l of denied) {
      const b = buckets.get(l.denial!) ?? { lines: 0, charges: 0 };
      buckets.set(l.denial!, { lines: b.lines + 1, charges: b.charges + l.line.charge });
    }
    out[m] = {
      claims: claims.length,
      lines: lines.length,
      charges: toDollars(sum(lines.map((l) => l.line.charge))),
      paid: toDollars(sum(lines.map((l) => l.paid))),
      denied_claims: claims.filter((a) => a.status === '4').length,
      claims_with_denied_lines: claims.filter((a) => a.lines.some((l) => l.denial)).length,
      denied_lines: denied.length,
      denied_charges: toDollars(sum(denied.map((l) => l.line.charge))),
      denied_by_bucket: Object.fromEntries(
        [...buckets].sort(([a], [b]) => a.localeCompare(b)).map(([k, b]) => [k, { lines: b.lines, charges: toDollars(b.charges) }]),
      ),
    };
  }
  return out;
}
