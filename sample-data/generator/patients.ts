/**
 * The synthetic patient panel. Names are random pairs from short lists of common
 * given and family names; accounts, member ids, birth dates and addresses are random.
 * No record describes a real person.
 */
import { day, yearOf, type Day } from './calendar.ts';
import { dollars, type Cents } from './money.ts';
import type { PayerKey } from './practice.ts';
import type { Rng } from './rng.ts';

/** What the patient pays under a plan (the adjudication model applies it). */
export interface CostSharing {
  /** Annual deductible; 0 = none. */
  deductible: Cents;
  /** Share of the allowed amount after the deductible, e.g. 0.2. */
  coinsurance: number;
  /** Per-visit copay on E/M and therapy visits, instead of deductible + coinsurance. */
  copay: Cents;
}

export interface Coverage {
  payer: PayerKey;
  memberId: string;
  /** First day this coverage is in force. */
  from: Day;
  plan: CostSharing;
}

export interface Patient {
  account: string;
  last: string;
  first: string;
  sex: 'F' | 'M';
  dob: Day;
  street: string;
  city: string;
  zip: string;
  /** In force order; a later entry replaces the earlier one from its `from` date. */
  coverages: Coverage[];
  /**
   * The insurance on file at the front desk when the data starts. It differs from the
   * coverage in force for members who changed plans on January 1 and for Medi-Cal
   * members enrolled in a managed-care plan (which Medi-Cal fee-for-service won't pay).
   */
  registeredAs: { payer: PayerKey; memberId: string };
  /** The 2025 deductible was already met before the data starts (October). */
  met2025Deductible: boolean;
}

const FIRST_F = [
  'MARIA', 'JENNIFER', 'LINDA', 'PATRICIA', 'ELIZABETH', 'SUSAN', 'JESSICA', 'KAREN', 'NANCY', 'LISA',
  'MARGARET', 'SANDRA', 'ASHLEY', 'DOROTHY', 'GUADALUPE', 'MEI', 'PRIYA', 'FATIMA', 'ANA', 'ROSA',
  'HELEN', 'CAROL', 'LAUREN', 'SOFIA', 'GRACE', 'NGOC', 'AMANDA', 'TERESA', 'JUDITH', 'YOLANDA',
] as const;
const FIRST_M = [
  'JAMES', 'ROBERT', 'JOHN', 'MICHAEL', 'DAVID', 'WILLIAM', 'RICHARD', 'JOSEPH', 'THOMAS', 'CHARLES',
  'JOSE', 'LUIS', 'CARLOS', 'DANIEL', 'MATTHEW', 'ANTHONY', 'MARK', 'STEVEN', 'PAUL', 'KEVIN',
  'WEI', 'RAJ', 'MINH', 'AHMED', 'GEORGE', 'EDWARD', 'RAYMOND', 'FRANK', 'GREGORY', 'SAMUEL',
] as const;
const LAST = [
  'GARCIA', 'NGUYEN', 'SMITH', 'JOHNSON', 'MARTINEZ', 'LOPEZ', 'WILLIAMS', 'BROWN', 'HERNANDEZ', 'GONZALEZ',
  'JONES', 'DAVIS', 'RODRIGUEZ', 'MILLER', 'WILSON', 'ANDERSON', 'TRAN', 'LEE', 'KIM', 'PATEL',
  'CHEN', 'WONG', 'RAMIREZ', 'TORRES', 'FLORES', 'THOMPSON', 'WHITE', 'HARRIS', 'CLARK', 'LEWIS',
  'WALKER', 'HALL', 'YOUNG', 'KING', 'WRIGHT', 'SCOTT', 'GREEN', 'ADAMS', 'BAKER', 'NELSON',
  'HILL', 'CAMPBELL', 'MITCHELL', 'ROBERTS', 'CARTER', 'PHILLIPS', 'EVANS', 'TURNER', 'PARKER', 'COLLINS',
  'SINGH', 'CRUZ', 'REYES', 'MORALES', 'ORTIZ', 'GUTIERREZ', 'CHAVEZ', 'RAMOS', 'VARGAS', 'CASTILLO',
  'PHAM', 'LE', 'HUANG', 'ZHANG', 'SHAH', 'KHAN', 'MORRIS', 'ROGERS', 'REED', 'COOK',
] as const;
const STREETS = [
  'ALDER CREEK RD', 'BRIDLE PATH LN', 'CAMELLIA AVE', 'DRY CREEK WAY', 'ELMHAVEN CT', 'FOLSOM OAKS DR',
  'GRANITE BAY LN', 'HOLLYHOCK ST', 'IRONWOOD PL', 'JUNIPER HILL RD', 'KESTREL WAY', 'LARKSPUR LN',
  'MANZANITA AVE', 'NIGHTHAWK CT', 'OLIVE GROVE DR', 'PEPPERTREE LN', 'QUAIL RUN RD', 'RIVER OTTER WAY',
] as const;
const CITIES = [
  ['SACRAMENTO', '95822'], ['SACRAMENTO', '95831'], ['ELK GROVE', '95758'], ['ROSEVILLE', '95661'],
  ['DAVIS', '95616'], ['FOLSOM', '95630'], ['CITRUS HEIGHTS', '95610'], ['WEST SACRAMENTO', '95691'],
] as const;

const PANEL_SIZE = 3600;
const NO_COST_SHARING: CostSharing = { deductible: 0, coinsurance: 0, copay: 0 };
const PLAN_CHANGE_DAY = day(2026, 1, 1);
const COMMERCIAL: readonly PayerKey[] = ['blue_shield', 'anthem', 'kaiser', 'redwood'];

/** `scale` multiplies the panel (the benchmark's bigger practice); 1 is the committed sample. */
export function createPanel(rng: Rng, scale = 1): Patient[] {
  const patients: Patient[] = [];
  for (let i = 0; i < Math.round(PANEL_SIZE * scale); i++) {
    const sex = rng.chance(0.54) ? 'F' : 'M';
    const age = rng.weighted<number>([[rng.int(18, 39), 26], [rng.int(40, 64), 38], [rng.int(65, 92), 36]]);
    const dob = day(2025 - age, rng.int(1, 12), rng.int(1, 28));
    const [city, zip] = rng.pick(CITIES);
    const payer = firstPayer(rng, age);
    const managedCare = payer === 'medi_cal' && rng.chance(0.08);
    // Anthem also runs a Medi-Cal managed-care plan: no cost sharing.
    const coverages = managedCare
      ? [{ payer: 'anthem' as const, memberId: memberId(rng, 'anthem'), from: day(2025, 1, 1), plan: NO_COST_SHARING }]
      : [coverage(rng, payer, day(2025, 1, 1))];
    const registeredAs = { payer, memberId: managedCare ? memberId(rng, 'medi_cal') : coverages[0].memberId };
    // Open enrolment: some commercial members change plans on January 1.
    if (COMMERCIAL.includes(payer) && rng.chance(0.09)) {
      const next = rng.pick(COMMERCIAL.filter((p) => p !== payer));
      coverages.push(coverage(rng, next, PLAN_CHANGE_DAY));
    }
    patients.push({
      account: `A${String(204311 + i * 7).padStart(6, '0')}`,
      last: rng.pick(LAST),
      first: sex === 'F' ? rng.pick(FIRST_F) : rng.pick(FIRST_M),
      sex,
      dob,
      street: `${rng.int(100, 9899)} ${rng.pick(STREETS)}`,
      city,
      zip,
      coverages,
      registeredAs,
      met2025Deductible: rng.chance(0.8),
    });
  }
  return patients;
}

function firstPayer(rng: Rng, age: number): PayerKey {
  if (age >= 65) return rng.chance(0.9) ? 'medicare' : rng.pick(['blue_shield', 'kaiser'] as const);
  return rng.weighted<PayerKey>([
    ['medi_cal', 30], ['blue_shield', 24], ['anthem', 22], ['kaiser', 10], ['redwood', 10], ['medicare', 4],
  ]);
}

function coverage(rng: Rng, payer: PayerKey, from: Day): Coverage {
  return { payer, memberId: memberId(rng, payer), from, plan: plan(rng, payer) };
}

function plan(rng: Rng, payer: PayerKey): CostSharing {
  switch (payer) {
    case 'medicare': // Part B: annual deductible (set per year in adjudication) then 20 %
      return { deductible: 0, coinsurance: 0.2, copay: 0 };
    case 'medi_cal':
      return NO_COST_SHARING;
    case 'kaiser':
      return { deductible: 0, coinsurance: 0, copay: dollars(rng.pick([20, 30, 40])) };
    case 'redwood':
      return { deductible: dollars(rng.pick([500, 1000])), coinsurance: 0.1, copay: dollars(35) };
    default: // PPO-style Blue Shield / Anthem plans
      return {
        deductible: dollars(rng.pick([0, 500, 1500, 3000])),
        coinsurance: rng.pick([0.1, 0.2]),
        copay: dollars(rng.pick([25, 30, 40])),
      };
  }
}

const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
const digit = (rng: Rng) => String(rng.int(0, 9));
const letter = (rng: Rng) => MBI_LETTERS[rng.int(0, MBI_LETTERS.length - 1)];
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => digit(rng)).join('');

function memberId(rng: Rng, payer: PayerKey): string {
  switch (payer) {
    case 'medicare': // MBI shape: C A AN N A AN N A A N N (random, not a real beneficiary)
      return `${rng.int(1, 9)}${letter(rng)}${digit(rng)}${digit(rng)}${letter(rng)}${letter(rng)}${digit(rng)}${letter(rng)}${letter(rng)}${digit(rng)}${digit(rng)}`;
    case 'medi_cal':
      return `9${digits(rng, 7)}${rng.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])}`;
    case 'blue_shield':
      return `XDL${digits(rng, 9)}`;
    case 'anthem':
      return `DLA${digits(rng, 9)}`;
    case 'kaiser':
      return `11${digits(rng, 6)}`;
    case 'redwood':
      return `RSH${digits(rng, 8)}`;
  }
}

/** The coverage actually in force on a date. */
export function coverageOn(patient: Patient, d: Day): Coverage {
  let current = patient.coverages[0];
  for (const c of patient.coverages) if (c.from <= d) current = c;
  return current;
}

export const ageOn = (patient: Patient, d: Day) => yearOf(d) - yearOf(patient.dob);
