/**
 * 835 (005010X221A1) remittance files: one file per payer and payment month, one
 * transaction per check/EFT. Adjustments are at line level; every amount balances.
 */
import { x12Date, yearOf } from './calendar.ts';
import { patientResponsibility, type Adjustment, type ClaimAdjudication, type LineAdjudication, type Payment } from './model.ts';
import { sum, type Cents } from './money.ts';
import { PRACTICE, type Payer } from './practice.ts';
import { X12Writer } from './x12.ts';

const VERSION = '005010X221A1';
const RUN_TIME = '0545';
/** Fictional bank routing numbers (the 99 prefix is not a valid ABA district). */
const PRACTICE_BANK = { routing: '990004171', account: '4410029317' } as const;

const paymentAmount = (p: Payment): Cents =>
  sum(p.claims.map(claimPaid)) - sum(p.providerAdjustments.map((a) => a.amount));

const claimPaid = (c: ClaimAdjudication): Cents => sum(c.lines.map((l) => l.paid));
const claimCharge = (c: ClaimAdjudication): Cents => sum(c.lines.map((l) => (c.kind === 'reversal' ? -l.line.charge : l.line.charge)));

/** The 835 text of one payer's payments in one month; `control` numbers its envelope. */
export function write835(payer: Payer, payments: readonly Payment[], control: number): string {
  if (payments.length === 0) throw new Error('an 835 file needs payments');
  const x = new X12Writer(payer.x12);
  const created = payments[payments.length - 1].date;
  x.interchange(control, payer.payerId, PRACTICE.submitterId, created, RUN_TIME);
  x.group('HP', control, payer.payerId, PRACTICE.submitterId, created, RUN_TIME, VERSION);
  payments.forEach((payment, i) => writePayment(x, payment, String(i + 1).padStart(4, '0')));
  x.endGroup(control);
  x.endInterchange(control);
  return x.text();
}

function writePayment(x: X12Writer, payment: Payment, stControl: string): void {
  const { payer } = payment;
  const total = paymentAmount(payment);
  if (total < 0) throw new Error(`negative payment ${payer.name} ${payment.trace}`);
  const date = x12Date(payment.date);
  x.startTransaction('835', stControl);
  if (total === 0) {
    x.segment('BPR', 'H', x.amount(0), 'C', 'NON', ...Array(11).fill(''), date);
  } else if (payer.method === 'ACH') {
    x.segment('BPR', 'I', x.amount(total), 'C', 'ACH', 'CCP', '01', `99${payer.tin.slice(2)}`, 'DA', `70${payer.tin}`, `1${payer.tin}`, '', '01', PRACTICE_BANK.routing, 'DA', PRACTICE_BANK.account, date);
  } else {
    x.segment('BPR', 'I', x.amount(total), 'C', 'CHK', ...Array(11).fill(''), date);
  }
  x.segment('TRN', '1', payment.trace, `1${payer.tin}`);
  x.segment('DTM', '405', date);
  x.segment('N1', 'PR', payer.name);
  x.segment('N3', payer.address.street);
  x.segment('N4', payer.address.city, payer.address.state, payer.address.zip);
  x.segment('REF', '2U', payer.payerId);
  x.segment('PER', 'BL', 'EDI SUPPORT', 'TE', '8005550199');
  x.segment('N1', 'PE', PRACTICE.name, 'XX', PRACTICE.npi);
  x.segment('N3', PRACTICE.street);
  x.segment('N4', PRACTICE.city, PRACTICE.state, PRACTICE.zip);
  x.segment('REF', 'TJ', PRACTICE.tin);
  x.segment('LX', '1');
  for (const claim of payment.claims) writeClaim(x, claim);
  writeProviderAdjustments(x, payment);
  x.endTransaction(stControl);
}

function writeClaim(x: X12Writer, adj: ClaimAdjudication): void {
  const { claim } = adj;
  const reversal = adj.kind === 'reversal';
  x.segment(
    'CLP',
    claim.id,
    adj.status,
    x.amount(claimCharge(adj)),
    x.amount(claimPaid(adj)),
    x.amount(sum(adj.lines.map(patientResponsibility))),
    claim.payer.filingIndicator,
    adj.payerClaimNumber,
    '11',
    '1',
  );
  x.segment('NM1', 'QC', '1', claim.patient.last, claim.patient.first, '', '', '', 'MI', claim.memberId);
  x.segment('NM1', '82', '1', claim.provider.last, claim.provider.first, '', '', '', 'XX', claim.provider.npi);
  x.segment('DTM', '050', x12Date(adj.received));
  for (const line of adj.lines) writeLine(x, line, reversal, x12Date(claim.dos));
}

function writeLine(x: X12Writer, l: LineAdjudication, reversal: boolean, dos: string): void {
  const sign = reversal ? -1 : 1;
  const units = sign * l.line.units;
  x.segment(
    'SVC',
    x.composite('HC', l.line.procedure, ...l.line.modifiers),
    x.amount(sign * l.line.charge),
    x.amount(l.paid),
    '',
    units === 1 ? '' : units,
  );
  x.segment('DTM', '472', dos);
  for (const [group, adjustments] of byGroup(l.adjustments)) {
    for (let i = 0; i < adjustments.length; i += 6) {
      // up to six reason/amount/quantity triplets per CAS (quantity left empty)
      const triplets = adjustments.slice(i, i + 6).flatMap((a) => [a.reason, x.amount(a.amount), '']);
      x.segment('CAS', group, ...triplets);
    }
  }
  x.segment('REF', '6R', l.line.controlNumber);
  x.segment('AMT', 'B6', x.amount(l.allowed));
  for (const remark of l.remarks) x.segment('LQ', 'HE', remark);
}

function byGroup(adjustments: readonly Adjustment[]): Map<string, Adjustment[]> {
  const groups = new Map<string, Adjustment[]>();
  for (const a of adjustments) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  return groups;
}

/** PLB: provider id, fiscal period end, then up to six reason:reference/amount pairs. */
function writeProviderAdjustments(x: X12Writer, payment: Payment): void {
  const all = payment.providerAdjustments;
  for (let i = 0; i < all.length; i += 6) {
    const pairs = all.slice(i, i + 6).flatMap((a) => [x.composite(a.reason, a.reference), x.amount(a.amount)]);
    x.segment('PLB', PRACTICE.npi, `${yearOf(payment.date)}1231`, ...pairs);
  }
}
