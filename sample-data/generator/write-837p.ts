/**
 * 837P (005010X222A1) claim files: one file per service month, one transaction per
 * submission day (the batch the billing office sent), one segment per line.
 */
import { monthKey, x12Date, type Day } from './calendar.ts';
import { lineChargeTotal, type Claim } from './model.ts';
import { CLEARINGHOUSE, PRACTICE, STANDARD_X12_STYLE } from './practice.ts';
import { X12Writer } from './x12.ts';

const VERSION = '005010X222A1';
const BATCH_TIME = '1630';

/** The 837P text of one service month's claims; `control` numbers its envelope. */
export function write837p(claims: readonly Claim[], control: number): string {
  if (claims.length === 0) throw new Error('an 837P file needs claims');
  const batches = new Map<Day, Claim[]>();
  for (const c of [...claims].sort((a, b) => a.submitted - b.submitted || a.id.localeCompare(b.id))) {
    batches.set(c.submitted, [...(batches.get(c.submitted) ?? []), c]);
  }
  const lastBatch = Math.max(...batches.keys());
  const x = new X12Writer(STANDARD_X12_STYLE);
  x.interchange(control, PRACTICE.submitterId, CLEARINGHOUSE.id, lastBatch, BATCH_TIME);
  x.group('HC', control, PRACTICE.submitterId, CLEARINGHOUSE.id, lastBatch, BATCH_TIME, VERSION);
  let st = 0;
  for (const [submitted, batch] of batches) {
    const stControl = String(++st).padStart(4, '0');
    x.startTransaction('837', stControl, VERSION);
    x.segment('BHT', '0019', '00', `B${x12Date(submitted)}${monthKey(batch[0].dos).replace('-', '')}`, x12Date(submitted), BATCH_TIME, 'CH');
    x.segment('NM1', '41', '2', PRACTICE.name, '', '', '', '', '46', PRACTICE.submitterId);
    x.segment('PER', 'IC', 'BILLING OFFICE', 'TE', PRACTICE.phone);
    x.segment('NM1', '40', '2', CLEARINGHOUSE.name, '', '', '', '', '46', CLEARINGHOUSE.id);
    x.segment('HL', 1, '', '20', 1);
    x.segment('PRV', 'BI', 'PXC', PRACTICE.taxonomy);
    x.segment('NM1', '85', '2', PRACTICE.name, '', '', '', '', 'XX', PRACTICE.npi);
    x.segment('N3', PRACTICE.street);
    x.segment('N4', PRACTICE.city, PRACTICE.state, PRACTICE.zip);
    x.segment('REF', 'EI', PRACTICE.tin);
    batch.forEach((claim, i) => writeClaim(x, claim, i + 2));
    x.endTransaction(stControl);
  }
  x.endGroup(control);
  x.endInterchange(control);
  return x.text();
}

function writeClaim(x: X12Writer, claim: Claim, hl: number): void {
  const { patient, payer, provider } = claim;
  // Subscriber loop; the patient is the subscriber (SBR02 18 = self).
  x.segment('HL', hl, 1, '22', 0);
  x.segment('SBR', 'P', '18', '', '', '', '', '', '', payer.filingIndicator);
  x.segment('NM1', 'IL', '1', patient.last, patient.first, '', '', '', 'MI', claim.memberId);
  x.segment('N3', patient.street);
  x.segment('N4', patient.city, 'CA', patient.zip);
  x.segment('DMG', 'D8', x12Date(patient.dob), patient.sex);
  x.segment('NM1', 'PR', '2', payer.name, '', '', '', '', 'PI', payer.payerId);
  // CLM05: place of service 11 (office), B = professional, frequency 1 (original claim).
  x.segment('CLM', claim.id, x.amount(lineChargeTotal(claim)), '', '', x.composite('11', 'B', '1'), 'Y', 'A', 'Y', 'Y');
  if (claim.priorAuth) x.segment('REF', 'G1', claim.priorAuth);
  x.segment('HI', ...claim.diagnoses.map((dx, i) => x.composite(i === 0 ? 'ABK' : 'ABF', dx)));
  if (claim.referrer) {
    x.segment('NM1', 'DN', '1', claim.referrer.last, claim.referrer.first, '', '', '', 'XX', claim.referrer.npi);
  }
  x.segment('NM1', '82', '1', provider.last, provider.first, '', '', '', 'XX', provider.npi);
  x.segment('PRV', 'PE', 'PXC', provider.taxonomy);
  for (const line of claim.lines) {
    x.segment('LX', line.lineNumber);
    x.segment(
      'SV1',
      x.composite('HC', line.procedure, ...line.modifiers),
      x.amount(line.charge),
      'UN',
      line.units,
      '',
      '',
      x.composite(...line.pointers.map(String)),
    );
    x.segment('DTP', '472', 'D8', x12Date(claim.dos));
    x.segment('REF', '6R', line.controlNumber);
  }
}
