/**
 * What a visit produces before it becomes a claim: diagnoses, service lines pointing at
 * them, and imaging orders for the radiologist. The visit modules (visits-*.ts) build
 * plans; encounters.ts turns them into claims.
 */
import type { Day } from './calendar.ts';
import type { Referrer } from './model.ts';
import type { Patient } from './patients.ts';
import type { PlantedId } from './planted.ts';
import type { PayerKey, Provider } from './practice.ts';
import type { Rng } from './rng.ts';

export type Side = 'RT' | 'LT';

export interface PlannedLine {
  procedure: string;
  modifiers: string[];
  units: number;
  pointers: number[];
  planted: PlantedId | null;
}

/** An imaging study ordered at a visit, billed later by the radiologist. */
export interface ImagingOrder {
  procedure: string;
  side: Side | null;
  /** ICD-10-CM with the dot, as the visit modules write it. */
  diagnosis: string;
  orderedBy: Referrer;
}

export interface VisitPlan {
  /** ICD-10-CM codes without the dot (X12 form), in pointer order. */
  diagnoses: string[];
  lines: PlannedLine[];
  imaging: ImagingOrder[];
}

export interface VisitContext {
  rng: Rng;
  provider: Provider;
  patient: Patient;
  payer: PayerKey;
  dos: Day;
  age: number;
}

const MAX_DIAGNOSES = 4; // the export has Dx 1..Dx 4

/** Collects a plan; diagnoses are added once and referred to by 1-based position. */
export class PlanBuilder {
  private readonly diagnoses: string[] = [];
  private readonly lines: PlannedLine[] = [];
  private readonly imaging: ImagingOrder[] = [];

  /** Adds a diagnosis (written with the dot) if new; returns its pointer. */
  dx(code: string): number {
    const bare = code.replace('.', '');
    const at = this.diagnoses.indexOf(bare);
    if (at >= 0) return at + 1;
    if (this.diagnoses.length === MAX_DIAGNOSES) throw new Error(`more than ${MAX_DIAGNOSES} diagnoses`);
    this.diagnoses.push(bare);
    return this.diagnoses.length;
  }

  get diagnosisCount(): number {
    return this.diagnoses.length;
  }

  line(
    procedure: string,
    pointers: number[],
    options: { modifiers?: string[]; units?: number; planted?: PlantedId } = {},
  ): this {
    this.lines.push({
      procedure,
      modifiers: options.modifiers ?? [],
      units: options.units ?? 1,
      pointers,
      planted: options.planted ?? null,
    });
    return this;
  }

  order(order: ImagingOrder): this {
    this.imaging.push(order);
    return this;
  }

  build(): VisitPlan {
    if (this.lines.length === 0) throw new Error('a visit without service lines');
    return { diagnoses: this.diagnoses, lines: this.lines, imaging: this.imaging };
  }
}

/** A condition that has a side: picks right or left, with the matching ICD-10-CM code. */
export function pickSide(rng: Rng, right: string, left: string): { side: Side; code: string } {
  return rng.chance(0.5) ? { side: 'RT', code: right } : { side: 'LT', code: left };
}
