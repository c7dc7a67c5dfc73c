/**
 * X12 837P (005010X222A1) professional claims → ParsedFile rows.
 *
 * Per CLM a claim (payer from the subscriber loop 2010BB, billing provider 2010AA,
 * rendering provider 2310B overridden per line by 2420A, patient 2010CA or the subscriber),
 * the diagnosis list from every HI segment in order, and per SV1 a service line with its
 * diagnosis pointers (SV107: 1-based positions in that list).
 *
 * An 837P has no statement dates: statement_from/to are the first and last line service
 * dates. balance_diff is CLM02 − Σ SV102 (the TR3 requires the claim total to equal the
 * sum of its line charges); a claim without any SV1 has none and is flagged.
 *
 * Prior-payer data (2320/2330 after an SBR inside the claim, 2430 after an SVD) is not a
 * denial of this claim: its CAS, AMT and NM1 segments are skipped.
 *
 * Diagnoses are all-or-nothing per claim: if one HI element is malformed (a bare qualifier,
 * a component separator the ISA did not declare), positions — and so every pointer — would
 * be off. The claim is then loaded without diagnoses, flagged 'malformed_hi', and the HI is
 * rejected with its segment number.
 */
import type { ClaimRow, LineRow, ParsedFile } from '../parsed-file.ts';
import type { TransactionHandler } from './envelope.ts';
import { addFlag, type ParsedFileBuilder } from './parsed-file-builder.ts';
import { readX12, type PreparedText } from './read-x12.ts';
import { tooManyElements, type Segment } from './segment.ts';
import {
  displayName,
  foreignSeparatorIn,
  fromCents,
  intern,
  isCodeShape,
  looksLikeAmount,
  parseDateByFormat,
  providerLabel,
  readProcedureComposite,
  toCents,
  type ProcedureComposite,
} from './values.ts';

/** Most elements each segment may carry in 005010X222A1. */
const MAX_ELEMENTS: Record<string, number> = { CLM: 20, SV1: 21, HI: 12 };

/** HI qualifiers of diagnosis codes: ABK/ABF = ICD-10-CM principal/other, BK/BF = ICD-9-CM. */
const DIAGNOSIS_QUALIFIERS = new Set(['ABK', 'ABF', 'BK', 'BF']);
const ICD9_QUALIFIERS = new Set(['BK', 'BF']);

interface Diagnosis {
  code: string;
  qualifier: string;
}

interface LineDraft {
  /** LX segment (or the SV1 when a file omits LX). */
  seg: Segment;
  sv1: Segment | null;
  number: number | null;
  qualifier: string | null;
  procedure: string | null;
  modifiers: string[];
  units: number | null;
  billed: number;
  pointers: number[];
  start: string | null;
  end: string | null;
  lineControl: string | null;
  rendering: string | null;
  rejected: boolean;
  flags: string[];
}

interface ClaimDraft {
  seg: Segment;
  claimId: string;
  charge: number;
  medicalRecord: string | null;
  /** CLM05-3 claim frequency type code: 1 original, 7 replacement, 8 void. */
  frequency: string | null;
  /** REF*F8: the payer's claim number of the claim this one corrects or voids. */
  originalClaimNumber: string | null;
  rendering: string | null;
  diagnoses: Diagnosis[];
  malformedHi: boolean;
  start: string | null;
  end: string | null;
  lines: LineDraft[];
  /** Σ SV102 of every SV1 of the claim with a numeric charge, loaded or not. */
  lineChargeCents: number;
  svCount: number;
  flags: string[];
}

function nm1Name(seg: Segment): string | null {
  return displayName(seg.el(2), seg.el(3), seg.el(4), seg.el(5));
}

function nm1Npi(seg: Segment): string | null {
  return seg.el(8) === 'XX' ? seg.el(9) || null : null;
}

function clmProblem(seg: Segment, claimId: string, charge: number | null): string | null {
  const tooMany = tooManyElements(seg, MAX_ELEMENTS.CLM);
  if (tooMany) return tooMany;
  if (!claimId) return 'CLM01 (patient control number) is empty';
  if (seg.isEmpty(2)) return 'CLM02 (total charge) is missing';
  if (charge === null) return `CLM02 (total charge) '${seg.el(2)}' is not a number`;
  return null;
}

/** Why an SV1 cannot be loaded (its amounts cannot be trusted), or null. */
function sv1Problem(seg: Segment, sv101: ProcedureComposite, charge: number | null, units: number | null): string | null {
  const tooMany = tooManyElements(seg, MAX_ELEMENTS.SV1);
  if (tooMany) return `${tooMany}: stray element separators, amounts cannot be trusted`;
  if (!sv101.ok && !sv101.foreign) {
    return `SV101 '${seg.el(1)}' has no procedure code (composite split by the element separator?), so the amounts after it cannot be trusted`;
  }
  if (sv101.ok && looksLikeAmount(sv101.code)) return `SV101 procedure '${sv101.code}' looks like an amount`;
  if (seg.isEmpty(2)) return 'SV102 (charge) is missing';
  if (charge === null) return `SV102 (charge) '${seg.el(2)}' is not a number`;
  if (units === null && !seg.isEmpty(4)) return `SV104 (units) '${seg.el(4)}' is not a number`;
  return null;
}

class Claims837 implements TransactionHandler {
  private billingProvider: string | null = null;
  private subscriberName: string | null = null;
  private memberId: string | null = null;
  private payerName: string | null = null;
  private payerId: string | null = null;
  private filingIndicator: string | null = null;
  private patientName: string | null = null;

  private claim: ClaimDraft | null = null;
  private skippingClaim = false;
  /** Inside 2320/2330 (other payer) loops of the current claim. */
  private inOtherPayer = false;
  private line: LineDraft | null = null;
  /** Inside 2430 (line adjudicated by another payer). */
  private inLineAdjudication = false;

  constructor(private readonly out: ParsedFileBuilder) {}

  begin(): void {
    this.billingProvider = null;
    this.resetSubscriber();
    this.claim = null;
    this.skippingClaim = false;
  }

  private resetSubscriber(): void {
    this.subscriberName = null;
    this.memberId = null;
    this.payerName = null;
    this.payerId = null;
    this.filingIndicator = null;
    this.patientName = null;
  }

  segment(seg: Segment): void {
    switch (seg.id) {
      case 'HL': {
        this.finishClaim();
        const level = seg.el(3);
        if (level === '20') {
          this.billingProvider = null;
          this.resetSubscriber();
        } else if (level === '22') this.resetSubscriber();
        else if (level === '23') this.patientName = null;
        return;
      }
      case 'CLM':
        this.finishClaim();
        this.startClaim(seg);
        return;
    }
    if (this.skippingClaim) return;
    const claim = this.claim;
    if (!claim) {
      this.partySegment(seg);
      return;
    }
    if (seg.id === 'LX') {
      this.finishLine(claim);
      // LX01 is a 1–6 digit number; anything else (e.g. 1e20 from a damaged file) is no line number
      const number = Number(seg.el(1));
      this.line = this.newLine(seg, seg.el(1) && Number.isInteger(number) && number >= 0 && number <= 999_999 ? number : null);
      this.inOtherPayer = false;
      return;
    }
    if (seg.id === 'SV1') {
      // An SV1 without its own LX still is a service line.
      if (!this.line || this.line.sv1) {
        this.finishLine(claim);
        this.line = this.newLine(seg, null);
        this.inOtherPayer = false;
      }
      this.readSv1(claim, this.line, seg);
      return;
    }
    if (this.line) this.lineSegment(this.line, seg);
    else this.claimSegment(claim, seg);
  }

  end(se: Segment | null, cutAt: number): void {
    if (!se && this.claim) {
      this.out.rejectCutOffClaim(this.claim.claimId, this.claim.seg, cutAt);
      this.claim = null;
    }
    this.finishClaim();
  }

  /** Loops 2000A–2010CA: billing provider, subscriber, payer, patient. */
  private partySegment(seg: Segment): void {
    switch (seg.id) {
      case 'NM1': {
        const entity = seg.el(1);
        if (entity === '85') this.billingProvider = providerLabel(nm1Name(seg), nm1Npi(seg));
        else if (entity === 'IL') {
          this.subscriberName = nm1Name(seg);
          this.memberId = seg.el(9) || null;
        } else if (entity === 'PR') {
          this.payerName = seg.el(3) || null;
          this.payerId = seg.el(9) || null;
        } else if (entity === 'QC') this.patientName = nm1Name(seg);
        return;
      }
      case 'SBR': {
        const filing = seg.el(9);
        this.filingIndicator = isCodeShape(filing, 2) ? filing : null;
        return;
      }
      case 'LX':
      case 'HI':
      case 'SV1':
        this.out.reject(seg.n, `${seg.id} before any CLM: not attributable to a claim, ignored.`, seg.text);
        return;
    }
  }

  private startClaim(seg: Segment): void {
    this.skippingClaim = true;
    this.line = null;
    this.inOtherPayer = false;
    this.inLineAdjudication = false;
    const claimId = seg.el(1);
    const charge = seg.amount(2);
    const problem = clmProblem(seg, claimId, charge);
    if (problem) {
      this.out.rejectClaims(1, seg.n, `Claim '${claimId}' not loaded: ${problem}.`, seg.text);
      return;
    }
    this.skippingClaim = false;
    this.claim = {
      seg,
      claimId,
      charge: charge!,
      medicalRecord: null,
      frequency: seg.el(5).split(seg.component)[2]?.trim() || null,
      originalClaimNumber: null,
      rendering: null,
      diagnoses: [],
      malformedHi: false,
      start: null,
      end: null,
      lines: [],
      lineChargeCents: 0,
      svCount: 0,
      flags: [],
    };
  }

  /** Loop 2300 and, after an SBR, the other-payer loops 2320/2330 (skipped). */
  private claimSegment(claim: ClaimDraft, seg: Segment): void {
    if (seg.id === 'SBR') {
      this.inOtherPayer = true;
      return;
    }
    if (this.inOtherPayer) return;
    switch (seg.id) {
      case 'HI':
        this.readHi(claim, seg);
        return;
      case 'NM1':
        if (seg.el(1) === '82') claim.rendering = providerLabel(nm1Name(seg), nm1Npi(seg));
        return;
      case 'REF': {
        const qualifier = seg.el(1);
        if (qualifier === 'EA') claim.medicalRecord = seg.el(2) || null;
        else if (qualifier === 'F8') claim.originalClaimNumber = seg.el(2) || null;
        return;
      }
      case 'DTP':
        if (seg.el(1) === '472') {
          const span = this.dateSpan(seg, claim.flags);
          claim.start = span.start;
          claim.end = span.end;
        }
        return;
    }
  }

  private dateSpan(seg: Segment, flags: string[]): { start: string | null; end: string | null } {
    const span = parseDateByFormat(seg.el(2), seg.el(3));
    if (span.invalid) {
      addFlag(flags, 'invalid_date');
      this.out.reject(seg.n, `DTP*${seg.el(1)} date '${seg.el(3)}' (${seg.el(2) || 'no format'}) is not a valid date: ignored.`, seg.text);
    }
    return span;
  }

  private readHi(claim: ClaimDraft, seg: Segment): void {
    if (claim.malformedHi) return;
    const first = seg.el(1);
    const firstQualifier = first.split(seg.component)[0].trim();
    // Anesthesia (BP/BO) and condition (BG) HI segments are not diagnoses.
    if (!DIAGNOSIS_QUALIFIERS.has(firstQualifier) && !foreignSeparatorIn(first, seg.component)) return;
    const problem = tooManyElements(seg, MAX_ELEMENTS[seg.id]) ?? this.hiProblem(seg);
    if (problem) {
      claim.malformedHi = true;
      addFlag(claim.flags, 'malformed_hi');
      this.out.reject(
        seg.n,
        `${problem}: the diagnoses of claim '${claim.claimId}' were not loaded (pointers could point at the wrong code); the claim is flagged 'malformed_hi'.`,
        seg.text,
      );
      return;
    }
    const count = seg.lastUsed();
    for (let i = 1; i <= count; i++) {
      const [qualifier, code] = seg.el(i).split(seg.component);
      // X12 writes ICD codes without the dot; some generators keep it.
      claim.diagnoses.push({ qualifier: intern(qualifier.trim()), code: intern(code.trim().replaceAll('.', '')) });
      if (ICD9_QUALIFIERS.has(qualifier.trim())) addFlag(claim.flags, 'icd9_qualifier');
    }
  }

  private hiProblem(seg: Segment): string | null {
    const count = seg.lastUsed();
    for (let i = 1; i <= count; i++) {
      const element = seg.el(i);
      // Pointers count positions: a gap would shift every later diagnosis.
      if (!element) return `HI element ${i} is empty but later elements are not`;
      const foreign = foreignSeparatorIn(element, seg.component);
      if (foreign) return `HI element ${i} '${element}' uses '${foreign}' but the declared component separator is '${seg.component}'`;
      const [qualifier, code] = element.split(seg.component);
      if (!code?.trim()) return `HI element ${i} '${element}' is not a qualifier${seg.component}code pair`;
      if (!DIAGNOSIS_QUALIFIERS.has(qualifier.trim())) return `HI element ${i} '${element}' has qualifier '${qualifier}', not a diagnosis qualifier`;
    }
    return null;
  }

  // ---- service lines (2400) ----

  private newLine(seg: Segment, number: number | null): LineDraft {
    this.inLineAdjudication = false;
    return {
      seg,
      sv1: null,
      number,
      qualifier: null,
      procedure: null,
      modifiers: [],
      units: null,
      billed: 0,
      pointers: [],
      start: null,
      end: null,
      lineControl: null,
      rendering: null,
      rejected: false,
      flags: [],
    };
  }

  private readSv1(claim: ClaimDraft, line: LineDraft, seg: Segment): void {
    line.sv1 = seg;
    claim.svCount++;
    const sv101 = readProcedureComposite(seg.el(1), seg.component);
    const charge = seg.amount(2);
    const units = seg.amount(4);
    if (charge !== null) claim.lineChargeCents += toCents(charge);
    const problem = sv1Problem(seg, sv101, charge, units);
    if (problem) {
      addFlag(claim.flags, 'line_rejected');
      line.rejected = true;
      this.out.reject(seg.n, `Service line ${line.number ?? claim.svCount} of claim '${claim.claimId}' not loaded: ${problem}.`, seg.text);
      return;
    }
    if (sv101.ok) {
      line.qualifier = sv101.qualifier;
      line.procedure = sv101.code;
      line.modifiers = sv101.modifiers;
    } else addFlag(line.flags, 'malformed_sv101');
    line.billed = charge!;
    line.units = units;
    const pointers = seg.el(7);
    if (!pointers) addFlag(line.flags, 'no_dx_pointer');
    else {
      for (const part of pointers.split(seg.component)) {
        const p = part.trim();
        if (/^\d{1,2}$/.test(p) && Number(p) > 0) line.pointers.push(Number(p));
        else addFlag(line.flags, 'invalid_dx_pointer');
      }
    }
  }

  private lineSegment(line: LineDraft, seg: Segment): void {
    if (seg.id === 'SVD') {
      this.inLineAdjudication = true;
      return;
    }
    if (this.inLineAdjudication) return;
    switch (seg.id) {
      case 'DTP':
        if (seg.el(1) === '472') {
          const span = this.dateSpan(seg, line.flags);
          line.start = span.start;
          line.end = span.end;
        }
        return;
      case 'REF':
        if (seg.el(1) === '6R') line.lineControl = seg.el(2) || null;
        return;
      case 'NM1':
        if (seg.el(1) === '82') line.rendering = providerLabel(nm1Name(seg), nm1Npi(seg));
        return;
    }
  }

  private finishLine(claim: ClaimDraft): void {
    const line = this.line;
    this.line = null;
    this.inLineAdjudication = false;
    if (!line) return;
    if (!line.sv1) {
      addFlag(claim.flags, 'line_rejected');
      this.out.reject(line.seg.n, `LX ${line.number ?? ''} of claim '${claim.claimId}' has no SV1: no service line to load.`, line.seg.text);
      return;
    }
    if (line.rejected) return;
    claim.lines.push(line);
  }

  private finishClaim(): void {
    const claim = this.claim;
    if (claim) this.finishLine(claim);
    this.claim = null;
    this.skippingClaim = false;
    this.inOtherPayer = false;
    if (!claim) return;
    const out = this.out;
    const claimKey = out.nextClaimKey();
    // TR3: 2310B/2420A are sent only when the rendering provider differs from the billing provider.
    const claimRendering = claim.rendering ?? this.billingProvider;

    if (claim.diagnoses.length === 0 && !claim.malformedHi) addFlag(claim.flags, 'no_diagnosis');
    let balance: number | null = null;
    if (claim.svCount === 0) addFlag(claim.flags, 'no_service_lines');
    else {
      balance = toCents(claim.charge) - claim.lineChargeCents;
      if (balance !== 0) addFlag(claim.flags, 'unbalanced');
    }

    let from: string | null = null;
    let to: string | null = null;
    const lineRows: LineRow[] = [];
    for (const line of claim.lines) {
      let start = line.start;
      let end = line.end;
      if (!start && claim.start) {
        start = claim.start;
        end = claim.end;
        addFlag(line.flags, 'service_date_from_claim');
      } else if (!start) addFlag(line.flags, 'no_service_date');
      if (start && (!from || start < from)) from = start;
      const last = end ?? start;
      if (last && (!to || last > to)) to = last;
      if (!claim.malformedHi && line.pointers.some((p) => p > claim.diagnoses.length)) {
        addFlag(line.flags, 'dx_pointer_out_of_range');
      }
      lineRows.push({
        line_id: out.nextLineId(),
        claim_key: claimKey,
        source: 'claim',
        claim_id: claim.claimId,
        line_number: line.number,
        line_control: line.lineControl,
        service_date: start,
        service_date_end: end,
        payer: this.payerName,
        provider: line.rendering ?? claimRendering,
        procedure_qualifier: line.qualifier,
        procedure: line.procedure,
        billed_procedure: line.procedure,
        modifiers: line.modifiers,
        units: line.units,
        billed: line.billed,
        allowed: null,
        paid: null,
        claim_status: null,
        paid_date: null,
        dx_pointers: line.pointers,
        balance_diff: null,
        flags: line.flags,
        source_line: (line.sv1 ?? line.seg).n,
      });
    }

    const row: ClaimRow = {
      claim_key: claimKey,
      source: 'claim',
      claim_id: claim.claimId,
      patient_account: claim.medicalRecord ?? claim.claimId,
      patient_name: this.patientName ?? this.subscriberName,
      member_id: this.memberId,
      payer: this.payerName,
      payer_id: this.payerId,
      billing_provider: this.billingProvider,
      rendering_provider: claimRendering,
      total_charge: claim.charge,
      remit_id: null,
      status: null,
      paid: null,
      patient_responsibility: null,
      filing_indicator: this.filingIndicator,
      payer_claim_number: null,
      frequency_code: claim.frequency,
      original_claim_number: claim.originalClaimNumber,
      statement_from: from,
      statement_to: to,
      paid_date: null,
      balance_diff: balance === null ? null : fromCents(balance),
      flags: claim.flags,
      source_line: claim.seg.n,
    };
    out.addClaim(row);
    for (const line of lineRows) out.addLine(line);
    if (!claim.malformedHi) {
      claim.diagnoses.forEach((d, i) => {
        out.file.diagnoses.push({ claim_key: claimKey, seq: i + 1, code: d.code, qualifier: d.qualifier });
      });
    }
  }
}

export function parse837pText(prepared: PreparedText, onProgress?: (fraction: number) => void): ParsedFile {
  return readX12(prepared, '837', (out) => new Claims837(out), onProgress);
}
