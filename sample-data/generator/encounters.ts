/**
 * The practice's year, day by day: who sees whom, what gets billed to which payer,
 * and the billing office's slips that make a payer deny a whole claim.
 */
import { day, isBankDay, isClinicDay, monthOf, weekday, yearOf, type Day } from './calendar.ts';
import { chargeFor } from './fee-schedule.ts';
import type { BillingIssue, Claim, Referrer, ServiceLine } from './model.ts';
import { ageOn, coverageOn, type Patient } from './patients.ts';
import { AUTH_REQUIRED, OUTSIDE_REFERRERS, PROVIDERS, payerByKey, providerByKey, type PayerKey, type Provider } from './practice.ts';
import type { Rng } from './rng.ts';
import type { ImagingOrder, VisitContext, VisitPlan } from './visit-plan.ts';
import { imagingClaim, mismatchedChestXray, outsideOrder } from './visits-imaging.ts';
import { primaryCareVisit } from './visits-primary-care.ts';
import { cardiologyVisit, orthopedicsVisit } from './visits-specialty.ts';
import { TherapySchedule, therapyVisit } from './visits-therapy.ts';

export const FIRST_DOS = day(2025, 10, 1);
export const LAST_DOS = day(2026, 9, 30);
/** Therapy caseloads start a month early so October opens with a steady schedule. */
const THERAPY_WARM_UP = day(2025, 9, 1);
/** Dr. Achterberg's Medi-Cal enrollment lapsed at revalidation for these weeks. */
const ENROLLMENT_LAPSE = [day(2026, 1, 12), day(2026, 1, 30)] as const;
/** Late submissions stop early enough for their denials to arrive within the data. */
const LAST_LATE_SUBMISSION_DOS = day(2026, 4, 30);

/** Fewer visits around the holidays and in summer. */
const MONTH_FACTOR: Readonly<Record<number, number>> = {
  1: 1.05, 2: 1, 3: 1, 4: 0.98, 5: 0.97, 6: 0.95, 7: 0.9, 8: 0.92, 9: 0.98, 10: 1, 11: 0.95, 12: 0.85,
};

const PRIMARY_CARE = ['quenby', 'achterberg', 'okonkwo', 'linwood'];

/** `scale` multiplies visits per day (1 = the committed sample). */
export function generateClaims(rng: Rng, patients: readonly Patient[], scale = 1): Claim[] {
  return new PracticeYear(rng, patients, scale).run();
}

class PracticeYear {
  private readonly claims: Claim[] = [];
  private readonly claimSeq = new Map<string, number>();
  private lineSeq = 0;
  private authSeq = 0;
  /** What the front desk has on file, corrected after a denial teaches it. */
  private readonly registration = new Map<string, { payer: PayerKey; memberId: string }>();
  /** Imaging orders waiting for the radiologist, by day. */
  private readonly imagingQueue = new Map<Day, { patient: Patient; orders: ImagingOrder[] }[]>();
  private readonly therapy = new Map<string, TherapySchedule>();

  constructor(
    private readonly rng: Rng,
    private readonly patients: readonly Patient[],
    private readonly scale: number,
  ) {
    for (const p of PROVIDERS) if (p.specialty === 'physical_therapy') this.therapy.set(p.key, new TherapySchedule(p, rng, scale));
  }

  run(): Claim[] {
    for (let d = THERAPY_WARM_UP; d < FIRST_DOS; d++) this.therapyDay(providerByKey('bell'), d, false);
    for (let d = FIRST_DOS; d <= LAST_DOS; d++) {
      if (!isClinicDay(d)) continue;
      for (const provider of PROVIDERS) {
        if (!this.works(provider, d)) continue;
        switch (provider.specialty) {
          case 'family_medicine':
          case 'internal_medicine':
            this.visits(provider, d, () => this.panelPatient(PRIMARY_CARE.indexOf(provider.key)), primaryCareVisit);
            break;
          case 'orthopedics':
            this.visits(provider, d, () => this.anyPatient(25), orthopedicsVisit);
            break;
          case 'cardiology':
            this.visits(provider, d, () => this.anyPatient(45), cardiologyVisit);
            break;
          case 'physical_therapy':
            this.therapyDay(provider, d, true);
            break;
          case 'radiology':
            this.imagingDay(provider, d);
            break;
        }
      }
    }
    return this.claims;
  }

  private works(provider: Provider, d: Day): boolean {
    return provider.clinicDays.includes(weekday(d)) && (provider.startsOn === undefined || d >= provider.startsOn);
  }

  private dailyCount(provider: Provider, d: Day): number {
    return Math.max(0, Math.round(provider.dailyVolume * this.scale * MONTH_FACTOR[monthOf(d)]) + this.rng.int(-2, 2));
  }

  private visits(provider: Provider, d: Day, patient: () => Patient, visit: (ctx: VisitContext) => VisitPlan): void {
    const n = this.dailyCount(provider, d);
    for (let i = 0; i < n; i++) {
      const ctx = this.context(provider, patient(), d);
      const plan = visit(ctx);
      this.bill(ctx, plan, null);
      this.queueImaging(ctx.patient, plan.imaging, d);
    }
  }

  private therapyDay(therapist: Provider, d: Day, bill: boolean): void {
    const schedule = this.therapy.get(therapist.key)!;
    for (const episode of schedule.visitsOn(d, therapist.dailyVolume * this.scale, () => this.anyPatient(18))) {
      const ctx = this.context(therapist, episode.patient, d);
      const plan = therapyVisit(ctx, episode);
      if (bill) this.bill(ctx, plan, null);
    }
  }

  private imagingDay(radiologist: Provider, d: Day): void {
    const { rng } = this;
    for (const { patient, orders } of this.imagingQueue.get(d) ?? []) {
      const ctx = this.context(radiologist, patient, d);
      this.bill(ctx, imagingClaim(rng, orders), orders[0].orderedBy);
    }
    this.imagingQueue.delete(d);
    const outside = this.dailyCount(radiologist, d);
    for (let i = 0; i < outside; i++) {
      const referrer = rng.pick(OUTSIDE_REFERRERS);
      const ctx = this.context(radiologist, this.anyPatient(18), d);
      this.bill(ctx, imagingClaim(rng, [outsideOrder(rng, referrer)]), referrer);
    }
    for (let i = 0; i < this.scale; i++) {
      if (!rng.chance(0.4 * Math.min(1, this.scale - i))) continue;
      const ctx = this.context(radiologist, this.anyPatient(18), d);
      this.bill(ctx, mismatchedChestXray(rng), rng.pick(OUTSIDE_REFERRERS));
    }
  }

  /** Orders are done the same day or the radiologist's next working day. */
  private queueImaging(patient: Patient, orders: readonly ImagingOrder[], d: Day): void {
    if (orders.length === 0) return;
    const radiologist = providerByKey('marchetti');
    let when = d;
    if (this.rng.chance(0.4)) do when++; while (!(isClinicDay(when) && this.works(radiologist, when)));
    if (when > LAST_DOS) return;
    const queue = this.imagingQueue.get(when) ?? [];
    queue.push({ patient, orders: [...orders] });
    this.imagingQueue.set(when, queue);
  }

  private context(provider: Provider, patient: Patient, dos: Day): VisitContext {
    return { rng: this.rng, provider, patient, payer: coverageOn(patient, dos).payer, dos, age: ageOn(patient, dos) };
  }

  /** Primary care: each doctor has a quarter of the panel. */
  private panelPatient(quarter: number): Patient {
    const i = this.rng.int(0, Math.floor(this.patients.length / 4) - 1);
    return this.patients[i * 4 + quarter];
  }

  private anyPatient(minAge: number): Patient {
    for (;;) {
      const p = this.rng.pick(this.patients);
      if (yearOf(FIRST_DOS) - yearOf(p.dob) >= minAge) return p;
    }
  }

  /** Turns a visit into a claim (and sometimes a keyed-twice duplicate). */
  private bill(ctx: VisitContext, plan: VisitPlan, referrer: Referrer | null): void {
    const { rng } = this;
    const { patient, provider, dos } = ctx;
    const planted = plan.lines.some((l) => l.planted);
    const truth = coverageOn(patient, dos);
    const onFile = this.registration.get(patient.account) ?? patient.registeredAs;
    // The denial (or a planted claim's clean eligibility check) corrects the file.
    this.registration.set(patient.account, { payer: truth.payer, memberId: truth.memberId });

    let payer = truth.payer;
    let memberId = truth.memberId;
    let issue: BillingIssue | null = null;
    let submitted = this.submissionDay(dos);
    if (!planted) {
      if (onFile.payer !== truth.payer) {
        payer = onFile.payer;
        memberId = onFile.memberId;
        issue = onFile.payer === 'medi_cal' ? 'not_this_payer' : 'coverage_terminated';
      } else if (provider.key === 'achterberg' && payer === 'medi_cal' && dos >= ENROLLMENT_LAPSE[0] && dos <= ENROLLMENT_LAPSE[1]) {
        issue = 'rendering_not_enrolled';
      } else if (payer === 'medi_cal' && rng.chance(0.015)) {
        issue = 'coverage_terminated'; // not renewed at the annual redetermination, not re-verified
      } else if (payer !== 'medicare' && rng.chance(0.012)) {
        issue = 'member_not_found';
        memberId = mistype(rng, memberId);
      } else if (payer !== 'medicare' && payer !== 'medi_cal' && dos <= LAST_LATE_SUBMISSION_DOS && rng.chance(0.007)) {
        issue = 'late_submission';
        submitted = this.submissionDay(dos + rng.int(95, 140));
      } else if (provider.specialty === 'radiology' && rng.chance(0.08)) {
        issue = 'missing_referrer';
      }
    }
    const claim: Claim = {
      id: this.nextClaimId(dos),
      patient,
      payer: payerByKey(payer),
      memberId,
      provider,
      referrer: issue === 'missing_referrer' ? null : referrer,
      dos,
      submitted,
      diagnoses: plan.diagnoses,
      lines: plan.lines.map((l, i) => this.serviceLine(l.procedure, l.modifiers, l.units, l.pointers, l.planted, i + 1)),
      priorAuth: this.priorAuth(payer, plan),
      issue,
      duplicateOf: null,
    };
    this.claims.push(claim);
    if (!planted && issue === null && rng.chance(0.008)) {
      this.claims.push({
        ...claim,
        id: this.nextClaimId(dos),
        submitted: this.submissionDay(claim.submitted + rng.int(6, 12)),
        lines: claim.lines.map((l) => this.serviceLine(l.procedure, l.modifiers, l.units, l.pointers, null, l.lineNumber)),
        issue: 'duplicate',
        duplicateOf: claim.id,
      });
    }
  }

  private serviceLine(
    procedure: string,
    modifiers: string[],
    units: number,
    pointers: number[],
    planted: ServiceLine['planted'],
    lineNumber: number,
  ): ServiceLine {
    this.lineSeq++;
    return {
      lineNumber,
      procedure,
      modifiers,
      units,
      charge: chargeFor(procedure, units),
      pointers,
      controlNumber: String(310000000 + this.lineSeq * 3),
      planted,
    };
  }

  /** Authorizations are requested for most services that need one; some slip through. */
  private priorAuth(payer: PayerKey, plan: VisitPlan): string | null {
    const needed = plan.lines.some((l) => AUTH_REQUIRED[l.procedure]?.includes(payer));
    if (!needed || this.rng.chance(0.18)) return null;
    this.authSeq++;
    return `PA${String(5200000 + this.authSeq * 17).padStart(8, '0')}`;
  }

  /** The billing office sends claims 1–3 business days after the visit. */
  private submissionDay(after: Day): Day {
    let d = after;
    let businessDays = this.rng.int(1, 3);
    while (businessDays > 0) {
      d++;
      if (isBankDay(d)) businessDays--;
    }
    return d;
  }

  /** 'GP' + YYMM of the date of service + a sequence within that month. */
  private nextClaimId(dos: Day): string {
    const ym = `${String(yearOf(dos) % 100).padStart(2, '0')}${String(monthOf(dos)).padStart(2, '0')}`;
    const n = (this.claimSeq.get(ym) ?? 0) + 1;
    this.claimSeq.set(ym, n);
    return `GP${ym}${String(n).padStart(5, '0')}`;
  }
}

/** A keying slip in a member id: two neighbouring characters swapped, or one changed. */
function mistype(rng: Rng, id: string): string {
  const at = rng.int(3, id.length - 2);
  const swapped = id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
  if (swapped !== id) return swapped;
  return id.slice(0, at) + (id[at] === '7' ? '4' : '7') + id.slice(at + 1);
}
