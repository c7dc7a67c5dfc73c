/**
 * X12 835 (005010X221A1) remittance → ParsedFile rows.
 *
 * Per transaction set (ST..SE) one remittance (BPR payment, TRN trace, N1*PR payer,
 * N1*PE payee, PLB provider adjustments); per CLP a claim; per SVC a service line; every
 * CAS triplet at the level it was written (claim or line); LQ*HE / MOA / MIA remark codes.
 *
 * Numbers are reported as the payer wrote them and checked, never corrected:
 *   line:   SVC02 − Σ line CAS − SVC03 = balance_diff
 *   claim:  CLP03 − Σ claim CAS − Σ line CAS − CLP04 = balance_diff
 *   remit:  BPR02 − (Σ CLP04 − Σ PLB) = balance_diff
 * A non-zero difference flags the row 'unbalanced'.
 *
 * What is not loaded is rejected with its segment number: a claim whose CLP is incomplete
 * or has non-numeric amounts; a service line whose SVC is malformed such that its amounts
 * cannot be trusted; a CAS/PLB/remark with placeholder or non-numeric values. The claim
 * keeps a flag saying part of it was rejected; its balance still uses every amount the file
 * gives, so 'unbalanced' always means the payer's numbers do not add up.
 */
import type { AdjustmentRow, ClaimRow, LineRow, ParsedFile, RemarkRow, RemittanceRow } from '../parsed-file.ts';
import type { TransactionHandler } from './envelope.ts';
import { readX12, type PreparedText } from './read-x12.ts';
import { addFlag, type ParsedFileBuilder } from './parsed-file-builder.ts';
import { tooManyElements, type Segment } from './segment.ts';
import {
  displayName,
  fromCents,
  intern,
  isCodeShape,
  looksLikeAmount,
  providerLabel,
  readProcedureComposite,
  toCents,
  type ProcedureComposite,
} from './values.ts';

/** Most elements each segment may carry in 005010X221A1. */
const MAX_ELEMENTS: Record<string, number> = { CLP: 14, SVC: 7, CAS: 19, PLB: 14, LQ: 2, MOA: 9, MIA: 24 };

interface LineDraft {
  seg: Segment;
  number: number;
  qualifier: string | null;
  procedure: string | null;
  billedProcedure: string | null;
  modifiers: string[];
  units: number;
  billed: number;
  paid: number;
  allowed: number | null;
  lineControl: string | null;
  d472: string | null;
  d150: string | null;
  d151: string | null;
  casCents: number;
  flags: string[];
}

interface ClaimDraft {
  seg: Segment;
  claimId: string;
  status: string;
  charge: number;
  paid: number;
  patientResponsibility: number | null;
  filingIndicator: string | null;
  payerClaimNumber: string | null;
  /** REF*F8: the payer's claim number of the original claim this one corrects. */
  originalClaimNumber: string | null;
  patientName: string | null;
  patientId: string | null;
  insuredId: string | null;
  rendering: string | null;
  medicalRecord: string | null;
  from: string | null;
  to: string | null;
  /**
   * CAS and remark rows of the claim and its lines. Until the claim is finished, line_id
   * holds the line's index in `lines` (null at claim level); claim_key is set at the end.
   */
  adjustments: AdjustmentRow[];
  claimCasCents: number;
  /** All line CAS, including those under rejected lines (the payer's arithmetic). */
  lineCasCents: number;
  remarks: RemarkRow[];
  lines: LineDraft[];
  svcCount: number;
  flags: string[];
}

interface Remittance {
  st: Segment;
  amount: number | null;
  method: string | null;
  paymentDate: string | null;
  productionDate: string | null;
  trace: string | null;
  trnPayerId: string | null;
  payerName: string | null;
  payerRef: string | null;
  payerPlanId: string | null;
  payeeName: string | null;
  payeeNpi: string | null;
  /** Payee name with NPI: the billing provider of every claim (set with the header). */
  payeeLabel: string | null;
  n1: string | null;
  headerDone: boolean;
  remitId: number | null;
  dedupeKey: string;
  duplicateOf: number | null;
  duplicateClaims: number;
  clp04Cents: number;
  plbCents: number;
}

type CasResult = { ok: true; adjustments: AdjustmentRow[]; cents: number } | { ok: false; reason: string };

/** CAS: group code + up to six (reason, amount, quantity) triplets, as rows of line `lineIndex` (null: claim level). */
function readCas(seg: Segment, lineIndex: number | null): CasResult {
  const tooMany = tooManyElements(seg, MAX_ELEMENTS[seg.id]);
  if (tooMany) return { ok: false, reason: tooMany };
  const group = seg.el(1);
  if (!isCodeShape(group, 2) || group.length !== 2) {
    return { ok: false, reason: `CAS01 '${group}' is not a claim adjustment group code (template placeholder?)` };
  }
  const adjustments: AdjustmentRow[] = [];
  let cents = 0;
  for (let k = 0; k < 6 && 2 + 3 * k <= seg.last; k++) {
    const r = 2 + 3 * k; // reason, amount, quantity
    const a = r + 1;
    const q = r + 2;
    if (seg.isEmpty(r) && seg.isEmpty(a) && seg.isEmpty(q)) continue;
    const reason = seg.el(r);
    if (!isCodeShape(reason, 5)) return { ok: false, reason: `CAS triplet ${k + 1}: reason '${reason}' is not an adjustment reason code (template placeholder?)` };
    const amount = seg.amount(a);
    if (amount === null) return { ok: false, reason: `CAS triplet ${k + 1}: amount '${seg.el(a)}' is not a number` };
    const quantity = seg.amount(q);
    if (quantity === null && !seg.isEmpty(q)) return { ok: false, reason: `CAS triplet ${k + 1}: quantity '${seg.el(q)}' is not a number` };
    adjustments.push({
      claim_key: 0,
      line_id: lineIndex,
      level: lineIndex === null ? 'claim' : 'line',
      group_code: intern(group),
      carc: intern(reason),
      amount,
      quantity,
    });
    cents += toCents(amount);
  }
  if (adjustments.length === 0) return { ok: false, reason: 'CAS has no adjustment' };
  return { ok: true, adjustments, cents };
}

/** Gives a finished claim's adjustment / remark rows their keys (line index → line id) and outputs them. */
function attach<T extends { claim_key: number; line_id: number | null }>(rows: T[], into: T[], claimKey: number, lineIds: number[]): void {
  for (const row of rows) {
    row.claim_key = claimKey;
    if (row.line_id !== null) row.line_id = lineIds[row.line_id];
    into.push(row);
  }
}

/** Why an SVC cannot be loaded (its amounts cannot be trusted), or null. */
function svcProblem(
  seg: Segment,
  svc01: ProcedureComposite,
  billed: number | null,
  paid: number | null,
  units: number | null,
): string | null {
  const tooMany = tooManyElements(seg, MAX_ELEMENTS.SVC);
  if (tooMany) return `${tooMany}: stray element separators, amounts cannot be trusted`;
  if (!svc01.ok && !svc01.foreign) {
    return `SVC01 '${seg.el(1)}' has no procedure code (composite split by the element separator?), so the amounts after it cannot be trusted`;
  }
  if (svc01.ok && looksLikeAmount(svc01.code)) return `SVC01 procedure '${svc01.code}' looks like an amount`;
  if (billed === null) return `SVC02 (charge) '${seg.el(2)}' is missing or not a number`;
  if (paid === null) return `SVC03 (paid amount) '${seg.el(3)}' is missing or not a number`;
  if (units === null) return `SVC05 (units) '${seg.el(5)}' is not a number`;
  return null;
}

class Remit835 implements TransactionHandler {
  private remit: Remittance | null = null;
  private claim: ClaimDraft | null = null;
  /** Segments of a rejected claim / line are passed over until the next claim / line. */
  private skippingClaim = false;
  private line: LineDraft | null = null;
  private skippingLine = false;
  private readonly firstSeenPayment = new Map<string, number>();

  constructor(private readonly out: ParsedFileBuilder) {}

  begin(st: Segment): void {
    this.remit = {
      st,
      amount: null,
      method: null,
      paymentDate: null,
      productionDate: null,
      trace: null,
      trnPayerId: null,
      payerName: null,
      payerRef: null,
      payerPlanId: null,
      payeeName: null,
      payeeNpi: null,
      payeeLabel: null,
      n1: null,
      headerDone: false,
      remitId: null,
      dedupeKey: '',
      duplicateOf: null,
      duplicateClaims: 0,
      clp04Cents: 0,
      plbCents: 0,
    };
    this.claim = null;
    this.line = null;
    this.skippingClaim = false;
    this.skippingLine = false;
  }

  segment(seg: Segment): void {
    const remit = this.remit!;
    switch (seg.id) {
      case 'CLP':
        this.finishClaim();
        this.completeHeader();
        this.startClaim(seg);
        return;
      case 'LX':
      case 'TS3':
      case 'TS2':
        this.finishClaim();
        this.completeHeader();
        return;
      case 'PLB':
        this.finishClaim();
        this.completeHeader();
        this.readPlb(seg);
        return;
    }
    if (!remit.headerDone) {
      this.headerSegment(seg);
      return;
    }
    if (this.skippingClaim || remit.duplicateOf !== null) return;
    const claim = this.claim;
    if (!claim) {
      this.out.reject(seg.n, `${seg.id} outside a claim (after the claims of this remittance): ignored.`, seg.text);
      return;
    }
    switch (seg.id) {
      case 'SVC':
        this.finishLine();
        this.startLine(claim, seg);
        return;
      case 'CAS':
        this.readCasInto(claim, seg);
        return;
      case 'LQ':
        if (!this.skippingLine && seg.el(1) === 'HE') {
          this.readRemarks(claim, seg, [2], 'LQ');
        }
        return;
    }
    if (this.skippingLine) return;
    const line = this.line;
    if (line) this.lineSegment(line, seg);
    else this.claimSegment(claim, seg);
  }

  end(se: Segment | null, cutAt: number): void {
    const remit = this.remit!;
    if (!se && this.claim) {
      this.out.rejectCutOffClaim(this.claim.claimId, this.claim.seg, cutAt);
      this.claim = null;
      this.line = null;
    }
    this.finishClaim();
    this.completeHeader();
    if (remit.duplicateOf !== null) {
      this.out.rejectClaims(
        remit.duplicateClaims,
        remit.st.n,
        `Payment already read from the transaction set at segment ${remit.duplicateOf} of this file ` +
          `(same payer id, trace number, amount and date: ${remit.dedupeKey}); not loaded again ` +
          `(${remit.duplicateClaims} claim${remit.duplicateClaims === 1 ? '' : 's'})`,
        remit.st.text,
      );
      this.remit = null;
      return;
    }
    if (!se) this.out.warn(`Remittance at segment ${remit.st.n} is cut off: its balance was not checked.`);
    const row: RemittanceRow = {
      remit_id: remit.remitId!,
      payer: remit.payerName,
      payer_id: this.payerId(),
      payee: remit.payeeName,
      payee_npi: remit.payeeNpi,
      trace_number: remit.trace,
      payment_amount: remit.amount,
      payment_method: remit.method,
      payment_date: remit.paymentDate,
      provider_adjustment_total: fromCents(remit.plbCents),
      balance_diff:
        se && remit.amount !== null ? fromCents(toCents(remit.amount) - (remit.clp04Cents - remit.plbCents)) : null,
      dedupe_key: remit.dedupeKey,
      source_line: remit.st.n,
    };
    this.out.file.remittances.push(row);
    this.remit = null;
  }

  // ---- header (BPR, TRN, DTM*405, N1 loops) ----

  private headerSegment(seg: Segment): void {
    const remit = this.remit!;
    switch (seg.id) {
      case 'BPR': {
        remit.amount = seg.amount(2);
        if (remit.amount === null) {
          this.out.reject(seg.n, `BPR02 payment amount '${seg.el(2)}' is not a number: the remittance balance cannot be checked.`, seg.text);
        }
        remit.method = seg.el(4) || null;
        remit.paymentDate = seg.date(16);
        if (!remit.paymentDate && !seg.isEmpty(16)) this.out.reject(seg.n, `BPR16 payment date '${seg.el(16)}' is not a valid date.`, seg.text);
        return;
      }
      case 'TRN':
        remit.trace = seg.el(2) || null;
        remit.trnPayerId = seg.el(3) || null;
        return;
      case 'DTM':
        if (seg.el(1) === '405') remit.productionDate = seg.date(2);
        return;
      case 'N1': {
        const entity = seg.el(1);
        remit.n1 = entity;
        if (entity === 'PR') {
          remit.payerName = seg.el(2) || null;
          if (seg.el(3) === 'XV') remit.payerPlanId = seg.el(4) || null;
        } else if (entity === 'PE') {
          remit.payeeName = seg.el(2) || null;
          if (seg.el(3) === 'XX') remit.payeeNpi = seg.el(4) || null;
        }
        return;
      }
      case 'REF':
        if (remit.n1 === 'PR' && seg.el(1) === '2U') remit.payerRef = seg.el(2) || null;
        return;
      case 'CAS':
      case 'SVC':
        this.out.reject(seg.n, `${seg.id} before any CLP: not attributable to a claim, ignored.`, seg.text);
        return;
    }
  }

  private payerId(): string | null {
    const remit = this.remit!;
    return remit.payerRef ?? remit.payerPlanId ?? remit.trnPayerId;
  }

  /** Ends the header: dedupe within the file, then hand out the remittance id. */
  private completeHeader(): void {
    const remit = this.remit!;
    if (remit.headerDone) return;
    remit.headerDone = true;
    remit.payeeLabel = providerLabel(remit.payeeName, remit.payeeNpi);
    if (!remit.paymentDate && remit.productionDate) {
      remit.paymentDate = remit.productionDate;
      this.out.warn(`Remittance at segment ${remit.st.n} has no BPR16 payment date: the production date (DTM*405) is used.`);
    }
    const amount = remit.amount === null ? '' : remit.amount.toFixed(2);
    remit.dedupeKey = [remit.trnPayerId ?? this.payerId() ?? '', remit.trace ?? '', amount, remit.paymentDate ?? ''].join('|');
    // Without a trace number two payments cannot be told apart: never treat them as copies.
    const first = remit.trace ? this.firstSeenPayment.get(remit.dedupeKey) : undefined;
    if (first !== undefined) {
      remit.duplicateOf = first;
      return;
    }
    if (remit.trace) this.firstSeenPayment.set(remit.dedupeKey, remit.st.n);
    remit.remitId = this.out.nextRemitId();
  }

  // ---- claims ----

  private startClaim(seg: Segment): void {
    const remit = this.remit!;
    this.skippingClaim = true;
    this.skippingLine = false;
    this.line = null;
    if (remit.duplicateOf !== null) {
      remit.duplicateClaims++;
      return;
    }
    const claimId = seg.el(1);
    const paid = seg.amount(4);
    if (paid !== null) remit.clp04Cents += toCents(paid);
    const problem = this.clpProblem(seg);
    if (problem) {
      this.out.rejectClaims(1, seg.n, `Claim '${claimId}' not loaded: ${problem}.`, seg.text);
      return;
    }
    const filing = seg.el(6);
    this.skippingClaim = false;
    this.claim = {
      seg,
      claimId,
      status: intern(seg.el(2)),
      charge: seg.amount(3)!,
      paid: paid!,
      patientResponsibility: seg.amount(5),
      filingIndicator: filing ? intern(filing) : null,
      payerClaimNumber: seg.el(7) || null,
      originalClaimNumber: null,
      patientName: null,
      patientId: null,
      insuredId: null,
      rendering: null,
      medicalRecord: null,
      from: null,
      to: null,
      adjustments: [],
      claimCasCents: 0,
      lineCasCents: 0,
      remarks: [],
      lines: [],
      svcCount: 0,
      flags: [],
    };
  }

  private clpProblem(seg: Segment): string | null {
    const tooMany = tooManyElements(seg, MAX_ELEMENTS[seg.id]);
    if (tooMany) return tooMany;
    if (!seg.el(1)) return 'CLP01 (patient control number) is empty';
    if (!seg.el(2)) return 'CLP02 (claim status) is empty';
    const amounts: [number, string, boolean][] = [
      [3, 'total charge', true],
      [4, 'paid amount', true],
      [5, 'patient responsibility', false],
    ];
    for (const [i, name, required] of amounts) {
      if (seg.isEmpty(i)) {
        if (required) return `CLP0${i} (${name}) is missing: the CLP is incomplete`;
      } else if (seg.amount(i) === null) return `CLP0${i} (${name}) '${seg.el(i)}' is not a number`;
    }
    return null;
  }

  private claimSegment(claim: ClaimDraft, seg: Segment): void {
    switch (seg.id) {
      case 'NM1': {
        const entity = seg.el(1);
        const name = displayName(seg.el(2), seg.el(3), seg.el(4), seg.el(5));
        if (entity === 'QC') {
          claim.patientName = name;
          claim.patientId = seg.el(9) || null;
        } else if (entity === 'IL') claim.insuredId = seg.el(9) || null;
        else if (entity === '82') claim.rendering = providerLabel(name, seg.el(8) === 'XX' ? seg.el(9) || null : null);
        return;
      }
      case 'DTM': {
        const qualifier = seg.el(1);
        if (qualifier !== '232' && qualifier !== '233') return;
        const date = this.date(seg, claim.flags);
        if (qualifier === '232') claim.from = date;
        else claim.to = date;
        return;
      }
      case 'REF':
        if (seg.el(1) === 'EA') claim.medicalRecord = seg.el(2) || null;
        else if (seg.el(1) === 'F8') claim.originalClaimNumber = seg.el(2) || null;
        return;
      case 'MOA':
        this.readRemarks(claim, seg, [3, 4, 5, 6, 7], 'MOA');
        return;
      case 'MIA':
        this.readRemarks(claim, seg, [5, 20, 21, 22, 23], 'MIA');
        return;
    }
  }

  private date(seg: Segment, flags: string[]): string | null {
    const date = seg.date(2);
    if (!date) {
      addFlag(flags, 'invalid_date');
      this.out.reject(seg.n, `DTM*${seg.el(1)} date '${seg.el(2)}' is not a valid CCYYMMDD date: ignored.`, seg.text);
    }
    return date;
  }

  private readCasInto(claim: ClaimDraft, seg: Segment): void {
    const line = this.skippingLine ? null : this.line;
    const underLine = this.line !== null || this.skippingLine;
    const result = readCas(seg, underLine ? claim.lines.length - 1 : null);
    if (!result.ok) {
      addFlag(claim.flags, 'adjustment_rejected');
      if (line) addFlag(line.flags, 'adjustment_rejected');
      this.out.reject(seg.n, `${result.reason}: adjustment of claim '${claim.claimId}' not loaded.`, seg.text);
      return;
    }
    if (!underLine) {
      claim.adjustments.push(...result.adjustments);
      claim.claimCasCents += result.cents;
      return;
    }
    claim.lineCasCents += result.cents;
    if (line) {
      claim.adjustments.push(...result.adjustments);
      line.casCents += result.cents;
    }
  }

  private readRemarks(claim: ClaimDraft, seg: Segment, positions: number[], source: RemarkRow['source']): void {
    const lineIndex = this.line ? claim.lines.length - 1 : null;
    const tooMany = tooManyElements(seg, MAX_ELEMENTS[seg.id]);
    if (tooMany) {
      addFlag(claim.flags, 'remark_rejected');
      this.out.reject(seg.n, `${tooMany}: remark codes not loaded.`, seg.text);
      return;
    }
    for (const i of positions) {
      const code = seg.el(i);
      if (!code) continue;
      if (isCodeShape(code, 6)) {
        claim.remarks.push({ claim_key: 0, line_id: lineIndex, level: lineIndex === null ? 'claim' : 'line', code: intern(code), source });
      } else {
        addFlag(claim.flags, 'remark_rejected');
        this.out.reject(seg.n, `${seg.id}${String(i).padStart(2, '0')} '${code}' is not a remark code (template placeholder?): not loaded.`, seg.text);
      }
    }
  }

  // ---- service lines ----

  private startLine(claim: ClaimDraft, seg: Segment): void {
    claim.svcCount++;
    this.line = null;
    this.skippingLine = true;
    const svc01 = readProcedureComposite(seg.el(1), seg.component);
    const billed = seg.amount(2);
    const paid = seg.amount(3);
    // 005010X221A1 SVC05: "If not present, the value is assumed to be one."
    const units = seg.isEmpty(5) ? 1 : seg.amount(5);
    const problem = svcProblem(seg, svc01, billed, paid, units);
    if (problem) {
      addFlag(claim.flags, 'line_rejected');
      this.out.reject(
        seg.n,
        `Service line ${claim.svcCount} of claim '${claim.claimId}' not loaded: ${problem}. Its CAS still count in the claim balance.`,
        seg.text,
      );
      return;
    }
    const flags: string[] = [];
    if (!svc01.ok) addFlag(flags, 'malformed_svc01');
    const procedure = svc01.ok ? svc01.code : null;
    let billedProcedure = procedure;
    const svc06 = seg.el(6);
    if (svc06) {
      const original = readProcedureComposite(svc06, seg.component);
      billedProcedure = original.ok ? original.code : null;
      if (!original.ok) addFlag(flags, 'malformed_svc06');
      else if (billedProcedure !== procedure) addFlag(flags, 'procedure_recoded');
    }
    this.skippingLine = false;
    const line: LineDraft = {
      seg,
      number: claim.svcCount,
      qualifier: svc01.ok ? svc01.qualifier : null,
      procedure,
      billedProcedure,
      modifiers: svc01.ok ? svc01.modifiers : [],
      units: units!,
      billed: billed!,
      paid: paid!,
      allowed: null,
      lineControl: null,
      d472: null,
      d150: null,
      d151: null,
      casCents: 0,
      flags,
    };
    claim.lines.push(line);
    this.line = line;
  }

  private lineSegment(line: LineDraft, seg: Segment): void {
    switch (seg.id) {
      case 'DTM': {
        const qualifier = seg.el(1);
        if (qualifier !== '472' && qualifier !== '150' && qualifier !== '151') return;
        const date = this.date(seg, line.flags);
        if (qualifier === '472') line.d472 = date;
        else if (qualifier === '150') line.d150 = date;
        else line.d151 = date;
        return;
      }
      case 'REF':
        if (seg.el(1) === '6R') line.lineControl = seg.el(2) || null;
        return;
      case 'AMT': {
        if (seg.el(1) !== 'B6') return;
        line.allowed = seg.amount(2);
        if (line.allowed === null) {
          addFlag(line.flags, 'invalid_amount');
          this.out.reject(seg.n, `AMT*B6 allowed amount '${seg.el(2)}' is not a number: ignored.`, seg.text);
        }
        return;
      }
    }
  }

  private finishLine(): void {
    this.line = null;
    this.skippingLine = false;
  }

  private finishClaim(): void {
    const claim = this.claim;
    this.claim = null;
    this.finishLine();
    this.skippingClaim = false;
    if (!claim) return;
    const remit = this.remit!;
    const out = this.out;
    const claimKey = out.nextClaimKey();
    const remitId = remit.remitId;
    const payer = remit.payerName;
    const payerId = this.payerId();
    const payee = remit.payeeLabel;
    // TR3: NM1*82 is sent only when the rendering provider differs from the payee.
    const rendering = claim.rendering ?? payee;

    const balance = toCents(claim.charge) - claim.claimCasCents - claim.lineCasCents - toCents(claim.paid);
    if (balance !== 0) addFlag(claim.flags, 'unbalanced');
    if (claim.status === '22') addFlag(claim.flags, 'reversal');
    const row: ClaimRow = {
      claim_key: claimKey,
      source: 'remit',
      claim_id: claim.claimId,
      patient_account: claim.medicalRecord ?? claim.claimId,
      patient_name: claim.patientName,
      member_id: claim.insuredId ?? claim.patientId,
      payer,
      payer_id: payerId,
      billing_provider: payee,
      rendering_provider: rendering,
      total_charge: claim.charge,
      remit_id: remitId,
      status: claim.status,
      paid: claim.paid,
      patient_responsibility: claim.patientResponsibility,
      filing_indicator: claim.filingIndicator,
      payer_claim_number: claim.payerClaimNumber,
      frequency_code: null,
      original_claim_number: claim.originalClaimNumber,
      statement_from: claim.from,
      statement_to: claim.to,
      paid_date: remit.paymentDate,
      balance_diff: fromCents(balance),
      flags: claim.flags,
      source_line: claim.seg.n,
    };
    out.addClaim(row);

    const lineIds: number[] = [];
    for (const line of claim.lines) {
      const lineId = out.nextLineId();
      lineIds.push(lineId);
      let start: string | null;
      let end: string | null = null;
      if (line.d472) start = line.d472;
      else if (line.d150 || line.d151) {
        start = line.d150 ?? line.d151;
        if (line.d150 && line.d151 && line.d151 !== line.d150) end = line.d151;
      } else if (claim.from || claim.to) {
        start = claim.from ?? claim.to;
        if (claim.from && claim.to && claim.to !== claim.from) end = claim.to;
        addFlag(line.flags, 'service_date_from_claim');
      } else {
        // Never the check date: a missing service date stays missing.
        start = null;
        addFlag(line.flags, 'no_service_date');
      }
      const lineBalance = toCents(line.billed) - line.casCents - toCents(line.paid);
      if (lineBalance !== 0) addFlag(line.flags, 'unbalanced');
      const lineRow: LineRow = {
        line_id: lineId,
        claim_key: claimKey,
        source: 'remit',
        claim_id: claim.claimId,
        line_number: line.number,
        line_control: line.lineControl,
        service_date: start,
        service_date_end: end,
        payer,
        provider: rendering,
        procedure_qualifier: line.qualifier,
        procedure: line.procedure,
        billed_procedure: line.billedProcedure,
        modifiers: line.modifiers,
        units: line.units,
        billed: line.billed,
        allowed: line.allowed,
        paid: line.paid,
        claim_status: claim.status,
        paid_date: remit.paymentDate,
        dx_pointers: [],
        balance_diff: fromCents(lineBalance),
        flags: line.flags,
        source_line: line.seg.n,
      };
      out.addLine(lineRow);
    }
    attach(claim.adjustments, out.file.adjustments, claimKey, lineIds);
    attach(claim.remarks, out.file.remarks, claimKey, lineIds);
  }

  // ---- PLB ----

  private readPlb(seg: Segment): void {
    const remit = this.remit!;
    if (remit.duplicateOf !== null) return;
    const tooMany = tooManyElements(seg, MAX_ELEMENTS[seg.id]);
    if (tooMany) {
      this.out.reject(seg.n, `${tooMany}: provider adjustments not loaded.`, seg.text);
      return;
    }
    const providerId = seg.el(1) || null;
    const fiscalPeriod = seg.date(2);
    if (!fiscalPeriod && !seg.isEmpty(2)) this.out.reject(seg.n, `PLB02 fiscal period date '${seg.el(2)}' is not a valid date.`, seg.text);
    for (let k = 0; k < 6; k++) {
      const composite = seg.el(3 + 2 * k);
      if (!composite && seg.isEmpty(4 + 2 * k)) continue;
      const parts = composite.split(seg.component);
      const reason = parts[0].trim();
      const amount = seg.amount(4 + 2 * k);
      const which = `PLB adjustment ${k + 1}`;
      if (amount === null) {
        this.out.reject(seg.n, `${which}: amount '${seg.el(4 + 2 * k)}' is not a number: not loaded.`, seg.text);
        continue;
      }
      if (!isCodeShape(reason, 3)) {
        this.out.reject(seg.n, `${which}: reason '${reason}' is not a provider adjustment reason code: not loaded.`, seg.text);
        continue;
      }
      remit.plbCents += toCents(amount);
      this.out.file.providerAdjustments.push({
        remit_id: remit.remitId!,
        provider_id: providerId,
        fiscal_period: fiscalPeriod,
        reason,
        reference: parts.length > 1 ? parts.slice(1).join(seg.component).trim() || null : null,
        amount,
      });
    }
  }
}

export function parse835Text(prepared: PreparedText, onProgress?: (fraction: number) => void): ParsedFile {
  return readX12(prepared, '835', (out) => new Remit835(out), onProgress);
}
