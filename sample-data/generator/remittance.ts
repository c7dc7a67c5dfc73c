/**
 * When and in which payment each adjudication arrives: payers pay on their own
 * schedules (2–5 checks/EFTs a month), 7–45 days after the date of service. Adds the
 * later events the 835s carry beyond first adjudication: reversals with corrected
 * payments, and provider-level adjustments (interest, overpayment recovery).
 */
import { adjudicate, BenefitState, paidLine, visitLine } from './adjudication.ts';
import { day, isBankDay, lastDayOfMonth, monthKey, weekday, x12ShortDate, type Day } from './calendar.ts';
import type { Claim, ClaimAdjudication, LineAdjudication, Payment, ProviderAdjustment } from './model.ts';
import { share, sum, type Cents } from './money.ts';
import { PAYERS, type Payer } from './practice.ts';
import type { Rng } from './rng.ts';

/** The last day a payment in the data can be dated. */
const LAST_PAYMENT_DAY = day(2026, 11, 30);
const FIRST_PAYMENT_DAY = day(2025, 10, 1);
/** Dr. Achterberg's Medi-Cal re-enrollment was approved; Medi-Cal reprocessed from here. */
const REENROLLED = day(2026, 3, 2);
/** Blue Shield adds interest (PLB L6) to claims it pays this many days after receipt. */
const INTEREST_AFTER_DAYS = 36;
const INTEREST_RATE = 0.15;

export interface Recovery {
  claim: Claim;
  original: ClaimAdjudication;
  reversal: ClaimAdjudication;
  correction: ClaimAdjudication;
  reason: string;
}

export interface RemittanceYear {
  /** First adjudication of every claim, in claim id order. */
  initial: ClaimAdjudication[];
  /** Every check/EFT, by payer then date. */
  payments: Payment[];
  recoveries: Recovery[];
  /** Paid claims the payer reversed and paid again at a corrected rate. */
  rateCorrections: Recovery[];
}

export function remitYear(claims: readonly Claim[], rng: Rng): RemittanceYear {
  const ledger = new PaymentLedger();
  const benefits = new BenefitState(claims);
  const dated = claims.map((claim) => ({ claim, date: firstRemitDay(claim, rng) }));
  dated.sort((a, b) => a.date - b.date || a.claim.id.localeCompare(b.claim.id));
  const initial: ClaimAdjudication[] = [];
  for (const { claim, date } of dated) {
    const outcome = adjudicate(claim, rng, benefits);
    initial.push(ledger.add(claim, 'initial', outcome.status, outcome.lines, date));
  }
  const recoveries = reprocessDenials(initial, ledger, benefits, rng);
  const rateCorrections = correctRates(initial, ledger, benefits, rng);
  addInterest(ledger);
  addOverpaymentRecovery(initial, ledger);
  initial.sort((a, b) => a.claim.id.localeCompare(b.claim.id));
  return { initial, payments: ledger.payments(), recoveries, rateCorrections };
}

/** The payer's payment run days from the first to the last payment day. */
function paymentCalendar(payer: Payer): Day[] {
  const days = new Set<Day>();
  for (let d = FIRST_PAYMENT_DAY; d <= LAST_PAYMENT_DAY; d++) {
    let run: Day | null = null;
    if ('weekdays' in payer.paymentDays) {
      if (payer.paymentDays.weekdays.includes(weekday(d))) run = d;
    } else if (payer.paymentDays.daysOfMonth.includes(new Date(d * 86_400_000).getUTCDate())) {
      run = d;
    }
    if (run === null) continue;
    while (!isBankDay(run)) run++; // a weekend or holiday run moves to the next bank day
    if (run <= LAST_PAYMENT_DAY) days.add(run);
  }
  return [...days].sort((a, b) => a - b);
}

const CALENDARS = new Map(PAYERS.map((p) => [p.key, paymentCalendar(p)]));

function runsBetween(payer: Payer, from: Day, to: Day): Day[] {
  return CALENDARS.get(payer.key)!.filter((d) => d >= from && d <= to);
}

/**
 * A payment run inside the payer's turnaround after receipt, and 7–45 days after the
 * date of service (except claims sent late, which wait for their own turnaround).
 * Earlier runs are likelier.
 */
function firstRemitDay(claim: Claim, rng: Rng): Day {
  const [fastest, slowest] = claim.payer.turnaround;
  const late = claim.issue === 'late_submission';
  const from = Math.max(claim.submitted + fastest, claim.dos + 7);
  const to = late ? claim.submitted + slowest : Math.min(claim.submitted + slowest, claim.dos + 45);
  const runs = runsBetween(claim.payer, from, to);
  if (runs.length === 0) {
    // A window that falls between two runs (seen only at the benchmark's scale): the next run pays it.
    const next = runsBetween(claim.payer, from, LAST_PAYMENT_DAY)[0];
    if (next === undefined) throw new Error(`no ${claim.payer.name} payment run for claim ${claim.id}`);
    return next;
  }
  return runs[Math.floor(runs.length * rng.next() ** 1.6)];
}

/** Checks/EFTs being filled, keyed by payer and date. */
class PaymentLedger {
  private readonly byKey = new Map<string, Payment>();
  private readonly claimNumbers = new Map<string, number>();

  add(claim: Claim, kind: ClaimAdjudication['kind'], status: ClaimAdjudication['status'], lines: LineAdjudication[], date: Day, payerClaimNumber?: string): ClaimAdjudication {
    const payment = this.payment(claim.payer, date);
    const adjudication: ClaimAdjudication = {
      claim,
      kind,
      status,
      payerClaimNumber: payerClaimNumber ?? this.nextClaimNumber(claim.payer, date),
      lines,
      received: claim.submitted,
      payment,
    };
    payment.claims.push(adjudication);
    return adjudication;
  }

  payment(payer: Payer, date: Day): Payment {
    const key = `${payer.key}|${date}`;
    let payment = this.byKey.get(key);
    if (!payment) {
      payment = { payer, date, trace: '', claims: [], providerAdjustments: [] };
      this.byKey.set(key, payment);
    }
    return payment;
  }

  /** All payments with trace numbers: EFT traces carry the date, checks run in sequence. */
  payments(): Payment[] {
    const all = [...this.byKey.values()].sort(
      (a, b) => PAYERS.indexOf(a.payer) - PAYERS.indexOf(b.payer) || a.date - b.date,
    );
    let check = 0;
    for (const p of all) {
      const index = PAYERS.indexOf(p.payer) + 1;
      p.trace = p.payer.method === 'ACH' ? `${index}${x12ShortDate(p.date)}${String(index * 7).padStart(3, '0')}` : String(100400 * index + ++check);
      p.claims.sort((a, b) => a.claim.id.localeCompare(b.claim.id) || order(a) - order(b));
    }
    return all;
  }

  /** Payer claim control number (CLP07): payer-specific, unique. */
  private nextClaimNumber(payer: Payer, date: Day): string {
    const n = (this.claimNumbers.get(payer.key) ?? 0) + 1;
    this.claimNumbers.set(payer.key, n);
    return `${payer.payerId.slice(2)}${x12ShortDate(date)}${String(n).padStart(6, '0')}`;
  }
}

/** A reversal comes before the corrected claim it makes room for. */
const order = (a: ClaimAdjudication) => (a.kind === 'reversal' ? 0 : a.kind === 'correction' ? 1 : -1);

/** The same lines with every amount negated: CLP02 22 takes back a previous adjudication. */
function reversed(lines: readonly LineAdjudication[]): LineAdjudication[] {
  return lines.map((l) => ({
    ...l,
    allowed: -l.allowed,
    paid: -l.paid,
    adjustments: l.adjustments.map((a) => ({ ...a, amount: -a.amount })),
  }));
}

/** Reverses an earlier adjudication and adjudicates the claim again, in one payment. */
function reprocess(
  original: ClaimAdjudication,
  date: Day,
  ledger: PaymentLedger,
  lines: LineAdjudication[],
  reason: string,
): Recovery {
  const claim = original.claim;
  const reversal = ledger.add(claim, 'reversal', '22', reversed(original.lines), date, original.payerClaimNumber);
  const correction = ledger.add(claim, 'correction', lines.every((l) => l.denial) ? '4' : '1', lines, date);
  return { claim, original, reversal, correction, reason };
}

function repaid(claim: Claim, benefits: BenefitState, rateFactor = 1): LineAdjudication[] {
  const visit = visitLine(claim);
  return claim.lines.map((l) => paidLine(claim, l, l === visit, benefits, rateFactor));
}

/** Denials the payer later reversed and paid: after re-enrollment, and retro-authorizations. */
function reprocessDenials(initial: readonly ClaimAdjudication[], ledger: PaymentLedger, benefits: BenefitState, rng: Rng): Recovery[] {
  const recoveries: Recovery[] = [];
  for (const denied of initial.filter((a) => a.claim.issue === 'rendering_not_enrolled')) {
    const runs = runsBetween(denied.claim.payer, Math.max(REENROLLED, denied.payment.date + 7), LAST_PAYMENT_DAY);
    const date = runs[rng.int(0, 2)];
    recoveries.push(reprocess(denied, date, ledger, repaid(denied.claim, benefits), 'Medi-Cal enrollment of the rendering provider restored; claims reprocessed'));
  }
  const noAuth = initial.filter(
    (a) => a.claim.payer.key === 'anthem' && a.claim.dos < day(2026, 8, 1) && a.lines.some((l) => l.adjustments.some((x) => x.reason === '197')),
  );
  for (const denied of noAuth.slice(0, 3)) {
    const date = runsBetween(denied.claim.payer, denied.payment.date + 35, LAST_PAYMENT_DAY)[0];
    recoveries.push(reprocess(denied, date, ledger, repaid(denied.claim, benefits), 'retro-authorization approved on appeal; claim reprocessed'));
  }
  return recoveries;
}

/** Two Anthem claims paid in April 2026 under a mis-loaded fee schedule, repriced in June. */
function correctRates(initial: readonly ClaimAdjudication[], ledger: PaymentLedger, benefits: BenefitState, rng: Rng): Recovery[] {
  const candidates = initial.filter(
    (a) => a.claim.payer.key === 'anthem' && monthKey(a.payment.date) === '2026-04' && a.status === '1'
      && a.lines.every((l) => !l.denial) && a.claim.lines.some((l) => l.procedure === '99214'),
  );
  const first = candidates[rng.int(0, candidates.length - 1)];
  const picked = [first, candidates.find((c) => c.claim.lines.length !== first.claim.lines.length)!];
  return picked.map((paid) => {
    const date = runsBetween(paid.claim.payer, day(2026, 6, 1), day(2026, 6, 30))[0];
    return reprocess(paid, date, ledger, repaid(paid.claim, benefits, 1.06), 'fee schedule corrected; claim repriced');
  });
}

/** PLB L6: Blue Shield's interest on claims paid late, one adjustment per claim. */
function addInterest(ledger: PaymentLedger): void {
  for (const payment of ledger.payments()) {
    if (payment.payer.key !== 'blue_shield') continue;
    for (const adj of payment.claims) {
      const days = payment.date - adj.received;
      const paid = sum(adj.lines.map((l) => l.paid));
      if (adj.kind !== 'initial' || days <= INTEREST_AFTER_DAYS || paid <= 0) continue;
      const interest = share(paid, (INTEREST_RATE * (days - INTEREST_AFTER_DAYS)) / 365);
      if (interest > 0) {
        payment.providerAdjustments.push({ reason: 'L6', reference: adj.claim.id, amount: -interest, note: `interest, paid ${days} days after receipt` });
      }
    }
  }
}

/** PLB WO: Anthem recovers an earlier overpayment from a June 2026 payment. */
function addOverpaymentRecovery(initial: readonly ClaimAdjudication[], ledger: PaymentLedger): void {
  const overpaid = initial.find((a) => a.claim.payer.key === 'anthem' && monthKey(a.payment.date) === '2026-03' && totalPaid(a) > 10_000);
  if (!overpaid) throw new Error('no Anthem claim to base the overpayment recovery on');
  const payment = ledger.payment(overpaid.claim.payer, runsBetween(overpaid.claim.payer, day(2026, 6, 15), lastDayOfMonth(day(2026, 6, 15)))[0]);
  const amount: Cents = share(totalPaid(overpaid), 0.25);
  const adjustment: ProviderAdjustment = {
    reason: 'WO',
    reference: overpaid.payerClaimNumber,
    amount,
    note: `overpayment recovery for claim ${overpaid.claim.id}`,
  };
  payment.providerAdjustments.push(adjustment);
}

const totalPaid = (a: ClaimAdjudication): Cents => sum(a.lines.map((l) => l.paid));
