/**
 * Physical therapy: episodes of care (an evaluation, then visits every 2–4 days), so
 * that each patient's visit count per year is real and benefit limits can bite.
 * Plant: the new therapist (Castellano) leaves 59 off 97140 when billed with 97530.
 */
import { isClinicDay, weekday, type Day } from './calendar.ts';
import type { Patient } from './patients.ts';
import type { Provider } from './practice.ts';
import type { Rng } from './rng.ts';
import { PlanBuilder, pickSide, type VisitContext, type VisitPlan } from './visit-plan.ts';

export interface TherapyEpisode {
  patient: Patient;
  /** ICD-10-CM with the dot: the treated condition first. */
  diagnoses: string[];
  visitsLeft: number;
  next: Day;
  evaluated: boolean;
}

/** One therapist's caseload: who is due on which day. */
export class TherapySchedule {
  private episodes: TherapyEpisode[] = [];

  constructor(
    private readonly therapist: Provider,
    private readonly rng: Rng,
    /** Volume multiplier (1 = the committed sample): more new patients a day. */
    private readonly scale = 1,
  ) {}

  private works(d: Day): boolean {
    return isClinicDay(d) && this.therapist.clinicDays.includes(weekday(d));
  }

  nextWorkday(after: Day): Day {
    let d = after + 1;
    while (!this.works(d)) d++;
    return d;
  }

  /**
   * Episodes seen on day d: those due, plus new evaluations to keep the caseload near
   * `target` visits a day. Advances each seen episode to its next visit.
   */
  visitsOn(d: Day, target: number, pickPatient: () => Patient): TherapyEpisode[] {
    if (!this.works(d)) return [];
    const due = this.episodes.filter((e) => e.next === d);
    const openings = Math.max(0, Math.min(Math.round(3 * this.scale), target - due.length + this.rng.int(-1, 1)));
    for (let i = 0; i < openings; i++) {
      const episode = newEpisode(this.rng, pickPatient(), d);
      this.episodes.push(episode);
      due.push(episode);
    }
    for (const e of due) {
      e.visitsLeft--;
      e.next = this.nextWorkday(d + this.rng.int(1, 3));
    }
    this.episodes = this.episodes.filter((e) => e.visitsLeft > 0);
    return due;
  }
}

function newEpisode(rng: Rng, patient: Patient, start: Day): TherapyEpisode {
  const condition = rng.weighted<() => string[]>([
    [() => [pickSide(rng, 'M17.11', 'M17.12').code], 20],
    [() => (rng.chance(0.5) ? ['Z47.1', 'Z96.651'] : ['Z47.1', 'Z96.652']), 12],
    [() => [pickSide(rng, 'M25.561', 'M25.562').code], 14],
    [() => [rng.pick(['M54.50', 'M54.59'])], 20],
    [() => ['M54.2'], 10],
    [() => [pickSide(rng, 'M75.41', 'M75.42').code], 14],
    [() => [pickSide(rng, 'S93.401A', 'S93.402A').code], 10],
  ])();
  if (rng.chance(0.5)) condition.push(rng.pick(['M62.81', 'R26.2']));
  // Most plans of care run 6–14 visits; some chronic cases run much longer.
  const visits = rng.chance(0.12) ? rng.int(16, 26) : rng.int(6, 14);
  return { patient, diagnoses: condition, visitsLeft: visits, next: start, evaluated: false };
}

export function therapyVisit(ctx: VisitContext, episode: TherapyEpisode): VisitPlan {
  const { rng } = ctx;
  const plan = new PlanBuilder();
  const pointers = episode.diagnoses.map((dx) => plan.dx(dx));
  const gp = ['GP']; // outpatient therapy furnished under a PT plan of care
  if (!episode.evaluated) {
    episode.evaluated = true;
    plan.line(rng.weighted([['97161', 30], ['97162', 55], ['97163', 15]]), pointers, { modifiers: gp });
    plan.line('97110', pointers, { modifiers: gp });
    return plan.build();
  }
  plan.line('97110', pointers, { modifiers: gp, units: rng.int(1, 3) });
  // The new therapist's plans of care use 97140 with 97530 on most visits.
  const newHire = ctx.provider.key === 'castellano';
  const manual = rng.chance(newHire ? 0.8 : 0.55);
  const activities = rng.chance(newHire ? 0.75 : 0.5);
  if (manual) {
    const units = rng.int(1, 2);
    if (!activities) plan.line('97140', pointers, { modifiers: gp, units });
    // 97530 + 97140 on one day is an NCCI PTP pair: 97140 needs 59 (or XE/XS/XP/XU).
    else if (newHire) plan.line('97140', pointers, { modifiers: gp, units, planted: 'pt-ncci-pair-no-59' });
    else plan.line('97140', pointers, { modifiers: [...gp, '59'], units });
  }
  if (activities) plan.line('97530', pointers, { modifiers: gp, units: rng.int(1, 2) });
  if (rng.chance(0.2)) plan.line('97112', pointers, { modifiers: gp });
  return plan.build();
}
