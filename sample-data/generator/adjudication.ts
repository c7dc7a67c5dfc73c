/**
 * How the payers adjudicate a claim: whole-claim denials for billing slips, line
 * denials (authorization, benefit limits, non-covered, bundling, the planted coding
 * problems), and for paid lines the contractual write-off and the patient's share.
 */
import { yearOf } from './calendar.ts';
import { allowedFor } from './fee-schedule.ts';
import type { Adjustment, AdjustmentGroup, BillingIssue, Claim, DenialBucket, LineAdjudication, ServiceLine } from './model.ts';
import { dollars, share, type Cents } from './money.ts';
import { coverageOn } from './patients.ts';
import type { PlantedId } from './planted.ts';
import { AUTH_REQUIRED, type PayerKey } from './practice.ts';
import type { Rng } from './rng.ts';

interface Denial {
  bucket: DenialBucket;
  group: AdjustmentGroup;
  carc: string;
  remarks: readonly string[];
}

const deny = (bucket: DenialBucket, carc: string, ...remarks: string[]): Denial => ({ bucket, group: 'CO', carc, remarks });

function issueDenial(issue: BillingIssue, payer: PayerKey): Denial {
  const unprocessable = payer === 'medicare' ? ['MA130'] : [];
  switch (issue) {
    case 'coverage_terminated': return deny('eligibility', '27');
    case 'not_this_payer': return deny('eligibility', '109');
    case 'member_not_found': return deny('eligibility', '31');
    case 'duplicate': return deny('duplicate', '18');
    case 'late_submission': return deny('timely_filing', '29');
    case 'missing_referrer': return deny('missing_information', '16', ...unprocessable, 'N286');
    case 'rendering_not_enrolled': return deny('missing_information', '16', 'MA130', 'N290');
  }
}

/** Each payer's answer to each planted problem; a payer not listed pays the line. */
const PLANTED_RESPONSE: Readonly<Record<PlantedId, Partial<Record<PayerKey, (rng: Rng) => Denial>>>> = {
  'outdated-dx-m54.5': {
    medicare: () => deny('outdated', '16', 'M76', 'MA130'),
    medi_cal: () => deny('outdated', '16', 'M76'),
    blue_shield: () => deny('outdated', '146'),
    anthem: () => deny('outdated', '146'),
    kaiser: () => deny('outdated', '146'),
  },
  'mismatch-chest-xray-ankle-pain': {
    medicare: () => deny('mismatch', '11'),
    medi_cal: () => deny('mismatch', '11'),
    blue_shield: () => deny('mismatch', '11'),
    anthem: () => deny('mismatch', '11'),
    kaiser: () => deny('mismatch', '11'),
  },
  'unspecified-knee-laterality': {
    medicare: () => deny('unspecified', '16', 'M76'),
    medi_cal: () => deny('unspecified', '16', 'M76'),
    anthem: () => deny('unspecified', '16', 'M76'),
    blue_shield: () => deny('unspecified', '11'),
  },
  'em-with-injection-no-25': {
    medicare: () => deny('missing_modifier', '97', 'M15'),
    medi_cal: () => deny('missing_modifier', '97', 'M15'),
    anthem: () => deny('missing_modifier', '4'),
    blue_shield: () => deny('missing_modifier', '234'),
  },
  'deleted-telephone-em-99442': {
    medicare: () => deny('outdated', '181'),
    medi_cal: () => deny('outdated', '181'),
    blue_shield: () => deny('outdated', '181'),
    anthem: () => deny('outdated', '181'),
    kaiser: () => deny('outdated', '181'),
    redwood: () => deny('outdated', '181'),
  },
  'knee-xray-no-side-modifier': {
    medicare: () => deny('missing_modifier', '4'),
    anthem: () => deny('missing_modifier', '4'),
    blue_shield: () => deny('missing_modifier', '4'),
  },
  'pt-ncci-pair-no-59': {
    medicare: (rng) => (rng.chance(0.7) ? deny('missing_modifier', '236') : deny('missing_modifier', '97', 'M15')),
  },
};

/** Calendar-year physical therapy visit limits of the plans (visits beyond are denied). */
const THERAPY_VISIT_LIMIT: Partial<Record<PayerKey, number>> = { redwood: 12, anthem: 20, blue_shield: 20, kaiser: 20 };

/**
 * Medicare Part B deductible: $257 in 2025 (CMS fact sheet "2025 Medicare Parts A & B
 * Premiums and Deductibles", 2024-11-08), $283 in 2026 (CMS-8091-N, 90 FR 52063, 2025-11-19).
 */
const MEDICARE_DEDUCTIBLE: Readonly<Record<number, Cents>> = { 2025: dollars(257), 2026: dollars(283) };
/** Medicare payments are reduced 2 % by sequestration (CARC 253). */
const SEQUESTRATION = 0.02;

const EM = /^(9920[2-5]|9921[1-5]|9801[34]|99442)$/;
const PREVENTIVE = new Set(['99386', '99387', '99395', '99396', '99397', 'G0438', 'G0439']);
const VACCINES = new Set(['90656', '90715', '90677', '90750', '90471', 'G0008', 'G0009']);
const LABS = new Set(['80053', '80061', '83036', '84443', '85025', '36415']);
const isTherapy = (code: string) => code.startsWith('97');

/** Running totals the patient's cost sharing depends on. */
export class BenefitState {
  private readonly deductibleUsed = new Map<string, Cents>();
  /** Physical therapy visit number of a claim within its patient's year, set in DOS order. */
  readonly therapyVisitNumber = new Map<string, number>();

  constructor(claims: readonly Claim[]) {
    const counts = new Map<string, number>();
    for (const c of [...claims].sort((a, b) => a.dos - b.dos || a.id.localeCompare(b.id))) {
      if (c.issue || !c.lines.some((l) => isTherapy(l.procedure))) continue;
      const key = `${c.patient.account}|${yearOf(c.dos)}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      this.therapyVisitNumber.set(c.id, n);
    }
  }

  /** Takes up to `amount` from what is left of the patient's deductible for the year. */
  applyDeductible(claim: Claim, amount: Cents): Cents {
    const year = yearOf(claim.dos);
    const plan = coverageOn(claim.patient, claim.dos).plan;
    const annual = claim.payer.key === 'medicare' ? MEDICARE_DEDUCTIBLE[year] : plan.deductible;
    const alreadyMet = year === 2025 && claim.patient.met2025Deductible;
    // Before the data starts, members not yet at their 2025 deductible had met half of it.
    const start = alreadyMet ? annual : year === 2025 ? Math.round(annual / 2) : 0;
    const key = `${claim.patient.account}|${claim.payer.key}|${year}`;
    const used = this.deductibleUsed.get(key) ?? start;
    const applied = Math.max(0, Math.min(amount, annual - used));
    this.deductibleUsed.set(key, used + applied);
    return applied;
  }
}

/** The line a per-visit copay applies to: the E/M, or the first therapy line. */
export const visitLine = (claim: Claim): ServiceLine | undefined =>
  claim.lines.find((l) => EM.test(l.procedure) || isTherapy(l.procedure));

export interface ClaimOutcome {
  status: '1' | '4';
  lines: LineAdjudication[];
}

export function adjudicate(claim: Claim, rng: Rng, benefits: BenefitState): ClaimOutcome {
  const payer = claim.payer.key;
  const planted = claim.lines.some((l) => l.planted);
  let claimDenial: Denial | null = claim.issue ? issueDenial(claim.issue, payer) : null;
  if (!claimDenial && !planted && ['blue_shield', 'anthem', 'redwood', 'kaiser'].includes(payer) && rng.chance(0.015)) {
    claimDenial = deny('cob', '22'); // the payer's records show other primary coverage
  }
  const kaiserExcludesTherapy = payer === 'kaiser' && rng.chance(0.1);
  const visit = visitLine(claim);
  const lines = claim.lines.map((line): LineAdjudication => {
    // A planted line gets its payer's answer (or is paid); the rest of a planted claim is
    // paid clean, so each planted problem is counted without other denials mixed in.
    const denial = claimDenial ?? (line.planted
      ? (PLANTED_RESPONSE[line.planted][payer]?.(rng) ?? null)
      : planted ? null : lineDenial(claim, line, rng, benefits, kaiserExcludesTherapy));
    return denial ? deniedLine(line, denial) : paidLine(claim, line, line === visit, benefits);
  });
  return { status: lines.every((l) => l.denial) ? '4' : '1', lines };
}

function lineDenial(claim: Claim, line: ServiceLine, rng: Rng, benefits: BenefitState, kaiserExcludesTherapy: boolean): Denial | null {
  const payer = claim.payer.key;
  if (AUTH_REQUIRED[line.procedure]?.includes(payer)) {
    if (!claim.priorAuth) return deny('authorization', '197');
    if (rng.chance(0.04)) return deny('authorization', '15', 'M62');
  }
  if (isTherapy(line.procedure)) {
    if (kaiserExcludesTherapy) return deny('non_covered', '204');
    const limit = THERAPY_VISIT_LIMIT[payer];
    if (limit !== undefined && (benefits.therapyVisitNumber.get(claim.id) ?? 0) > limit) return deny('benefit_maximum', '119');
  }
  if (payer === 'medicare') {
    // Shingles vaccine is a Part D drug; routine physicals are not a Part B benefit.
    if (line.procedure === '90750' || (line.procedure === '90471' && claim.lines.some((l) => l.procedure === '90750'))) {
      return deny('non_covered', '96', 'N130');
    }
    if (line.procedure === '99397') return deny('non_covered', '96', 'N130');
  }
  if (payer === 'kaiser' && line.procedure === '36415') return deny('bundling', '97');
  return null;
}

function deniedLine(line: ServiceLine, denial: Denial): LineAdjudication {
  return {
    line,
    allowed: 0,
    paid: 0,
    adjustments: [{ group: denial.group, reason: denial.carc, amount: line.charge }],
    remarks: [...denial.remarks],
    denial: denial.bucket,
  };
}

/** A paid line: contractual write-off, then deductible, coinsurance or copay, then sequestration. */
export function paidLine(claim: Claim, line: ServiceLine, isVisitLine: boolean, benefits: BenefitState, rateFactor = 1): LineAdjudication {
  const payer = claim.payer.key;
  const allowed = Math.min(share(allowedFor(claim.payer, line.procedure, line.units, claim.dos), rateFactor), line.charge);
  const adjustments: Adjustment[] = [];
  if (line.charge > allowed) adjustments.push({ group: 'CO', reason: '45', amount: line.charge - allowed });
  const plan = coverageOn(claim.patient, claim.dos).plan;
  const preventive = PREVENTIVE.has(line.procedure) || VACCINES.has(line.procedure)
    || claim.diagnoses[line.pointers[0] - 1]?.startsWith('Z00');
  let patientShare = 0;
  if (!preventive && !(payer === 'medicare' && LABS.has(line.procedure))) {
    if (plan.copay > 0 && isVisitLine) {
      patientShare = addShare(adjustments, '3', Math.min(plan.copay, allowed));
    } else {
      const deductible = benefits.applyDeductible(claim, allowed);
      patientShare += addShare(adjustments, '1', deductible);
      patientShare += addShare(adjustments, '2', share(allowed - deductible, plan.coinsurance));
    }
  }
  let paid = allowed - patientShare;
  if (payer === 'medicare' && paid > 0) {
    const sequestration = share(paid, SEQUESTRATION);
    adjustments.push({ group: 'CO', reason: '253', amount: sequestration });
    paid -= sequestration;
  }
  return { line, allowed, paid, adjustments, remarks: [], denial: null };
}

function addShare(adjustments: Adjustment[], reason: '1' | '2' | '3', amount: Cents): Cents {
  if (amount > 0) adjustments.push({ group: 'PR', reason, amount });
  return amount;
}
