/**
 * The fictional practice: a small multi-specialty group in Sacramento, California.
 * Every name, NPI, tax id, payer id, address and phone number here is invented.
 * NPIs start with 2: valid in format and check digit, but every NPI issued so far
 * starts with 1 (as of 2024), so none of these belongs to a real provider.
 */
import { day, type Day } from './calendar.ts';
import { makeNpi } from './npi.ts';

export const PRACTICE = {
  name: 'Golden Poppy Medical Group',
  npi: makeNpi('299900100'),
  tin: '990000417',
  taxonomy: '193200000X', // multi-specialty group
  street: '1200 Poppy Field Way Suite 300',
  city: 'Sacramento',
  state: 'CA',
  zip: '958141200',
  phone: '9165550142',
  submitterId: 'GPMG0417',
} as const;

/** The clearinghouse the 837Ps go to (fictional). */
export const CLEARINGHOUSE = { name: 'Valley Claims Exchange', id: 'VCX000001' } as const;

export type Specialty =
  | 'family_medicine'
  | 'internal_medicine'
  | 'orthopedics'
  | 'physical_therapy'
  | 'radiology'
  | 'cardiology';

export interface Provider {
  key: string;
  last: string;
  first: string;
  specialty: Specialty;
  npi: string;
  /** Health Care Provider Taxonomy code (NUCC), sent in PRV*PE. */
  taxonomy: string;
  /** Weekdays (1 = Monday … 5 = Friday) the provider sees patients. */
  clinicDays: readonly number[];
  /** Claims (or PT visits) on a clinic day, on average. */
  dailyVolume: number;
  /** First day of work at the practice (a new hire); undefined = the whole year. */
  startsOn?: Day;
}

const provider = (
  n: number,
  p: Omit<Provider, 'npi'>,
): Provider => ({ ...p, npi: makeNpi(`29990020${n}`) });

export const PROVIDERS: readonly Provider[] = [
  provider(1, { key: 'quenby', last: 'QUENBY', first: 'MARISOL', specialty: 'family_medicine', taxonomy: '207Q00000X', clinicDays: [1, 2, 3, 4, 5], dailyVolume: 7 }),
  provider(2, { key: 'achterberg', last: 'ACHTERBERG', first: 'DESMOND', specialty: 'family_medicine', taxonomy: '207Q00000X', clinicDays: [1, 2, 4, 5], dailyVolume: 7 }),
  provider(3, { key: 'okonkwo', last: 'OKONKWO-HALE', first: 'RENATA', specialty: 'internal_medicine', taxonomy: '207R00000X', clinicDays: [1, 2, 3, 4], dailyVolume: 7 }),
  provider(4, { key: 'linwood', last: 'LINWOOD', first: 'TOBIAS', specialty: 'internal_medicine', taxonomy: '207R00000X', clinicDays: [1, 3, 4, 5], dailyVolume: 6 }),
  provider(5, { key: 'farrow', last: 'FARROW', first: 'GIDEON', specialty: 'orthopedics', taxonomy: '207X00000X', clinicDays: [1, 2, 4], dailyVolume: 8 }),
  provider(6, { key: 'amari', last: 'AMARI', first: 'CELESTE', specialty: 'orthopedics', taxonomy: '207X00000X', clinicDays: [2, 3, 5], dailyVolume: 7 }),
  provider(7, { key: 'bell', last: 'BELL', first: 'JOAQUIN', specialty: 'physical_therapy', taxonomy: '225100000X', clinicDays: [1, 2, 3, 4, 5], dailyVolume: 6 }),
  provider(8, { key: 'castellano', last: 'CASTELLANO', first: 'WREN', specialty: 'physical_therapy', taxonomy: '225100000X', clinicDays: [1, 2, 3, 4, 5], dailyVolume: 6, startsOn: day(2026, 8, 1) }),
  provider(9, { key: 'marchetti', last: 'MARCHETTI', first: 'INES', specialty: 'radiology', taxonomy: '2085R0202X', clinicDays: [1, 2, 3, 4, 5], dailyVolume: 2 }),
  provider(0, { key: 'odegaard', last: 'ODEGAARD', first: 'SAMUEL', specialty: 'cardiology', taxonomy: '207RC0000X', clinicDays: [2, 3, 4], dailyVolume: 5 }),
];

export function providerByKey(key: string): Provider {
  const found = PROVIDERS.find((p) => p.key === key);
  if (!found) throw new Error(`unknown provider ${key}`);
  return found;
}

/** Outside physicians who refer patients for imaging (fictional). */
export const OUTSIDE_REFERRERS = [
  { last: 'HALVORSEN', first: 'BRIT', npi: makeNpi('299900301') },
  { last: 'MBEKI-ROSS', first: 'ADAORA', npi: makeNpi('299900302') },
  { last: 'TREMBLAY', first: 'LUC', npi: makeNpi('299900303') },
] as const;

export type PayerKey = 'medicare' | 'medi_cal' | 'blue_shield' | 'anthem' | 'kaiser' | 'redwood';

/** How a payer's 835 files are written: real payers differ. */
export interface X12Style {
  component: string;
  /** What ends a segment, including any line break after it. */
  terminator: string;
  /** Drop trailing zeros of amounts (X12 R type allows '150' and '12.5'). */
  compactAmounts: boolean;
}

export const STANDARD_X12_STYLE: X12Style = { component: ':', terminator: '~\n', compactAmounts: false };

export interface Payer {
  key: PayerKey;
  name: string;
  /** Fictional payer id (837 NM1*PR, 835 REF*2U, export "Payer ID"). */
  payerId: string;
  slug: string;
  /** CLP06 / SBR09 claim filing indicator. */
  filingIndicator: 'MB' | 'MC' | 'BL' | 'HM' | 'CI';
  /** Payer tax id, written as TRN03 = '1' + TIN. */
  tin: string;
  address: { street: string; city: string; state: string; zip: string };
  /** Allowed amount = Medicare-like base rate × this factor (capped at the charge). */
  rateFactor: number;
  /** Payment run days in a month: weekdays every week, or fixed days of the month. */
  paymentDays: { weekdays: readonly number[] } | { daysOfMonth: readonly number[] };
  /** Days from receipt to the earliest and latest payment (Medicare cannot pay before day 14). */
  turnaround: readonly [number, number];
  method: 'ACH' | 'CHK';
  x12: X12Style;
}

export const PAYERS: readonly Payer[] = [
  {
    key: 'medicare', name: 'Medicare Part B', payerId: 'DLMCB', slug: 'medicare-part-b', filingIndicator: 'MB',
    tin: '990000101', address: { street: 'PO Box 6700', city: 'Fargo', state: 'ND', zip: '581086700' },
    rateFactor: 1, paymentDays: { weekdays: [2] }, turnaround: [14, 30], method: 'ACH', x12: STANDARD_X12_STYLE,
  },
  {
    key: 'medi_cal', name: 'Medi-Cal', payerId: 'DLMCL', slug: 'medi-cal', filingIndicator: 'MC',
    tin: '990000102', address: { street: 'PO Box 13029', city: 'Sacramento', state: 'CA', zip: '958133029' },
    rateFactor: 0.78, paymentDays: { weekdays: [4] }, turnaround: [12, 40], method: 'ACH', x12: STANDARD_X12_STYLE,
  },
  {
    key: 'blue_shield', name: 'Blue Shield of California', payerId: 'DLBSC', slug: 'blue-shield-of-california', filingIndicator: 'BL',
    tin: '990000103', address: { street: 'PO Box 272540', city: 'Chico', state: 'CA', zip: '959272540' },
    rateFactor: 1.32, paymentDays: { daysOfMonth: [3, 17] }, turnaround: [9, 38], method: 'ACH', x12: STANDARD_X12_STYLE,
  },
  {
    key: 'anthem', name: 'Anthem Blue Cross', payerId: 'DLABC', slug: 'anthem-blue-cross', filingIndicator: 'BL',
    tin: '990000104', address: { street: 'PO Box 60007', city: 'Los Angeles', state: 'CA', zip: '900600007' },
    rateFactor: 1.27, paymentDays: { daysOfMonth: [6, 14, 22] }, turnaround: [9, 38], method: 'ACH',
    // The one payer whose files differ: '>' as component separator, a bare line feed
    // as segment terminator, and amounts without trailing zeros.
    x12: { component: '>', terminator: '\n', compactAmounts: true },
  },
  {
    key: 'kaiser', name: 'Kaiser Permanente', payerId: 'DLKP1', slug: 'kaiser-permanente', filingIndicator: 'HM',
    tin: '990000105', address: { street: 'PO Box 24010', city: 'Oakland', state: 'CA', zip: '946234010' },
    rateFactor: 1.18, paymentDays: { daysOfMonth: [5, 12, 19, 26] }, turnaround: [15, 44], method: 'CHK', x12: STANDARD_X12_STYLE,
  },
  {
    key: 'redwood', name: 'Redwood Shore Health Plan', payerId: 'DLRSH', slug: 'redwood-shore-health-plan', filingIndicator: 'CI',
    tin: '990000106', address: { street: 'PO Box 4410', city: 'Eureka', state: 'CA', zip: '955024410' },
    rateFactor: 1.22, paymentDays: { daysOfMonth: [10, 25] }, turnaround: [8, 36], method: 'CHK', x12: STANDARD_X12_STYLE,
  },
];

const THERAPY_AUTH: readonly PayerKey[] = ['medi_cal', 'kaiser'];

/**
 * Prior authorization the practice must obtain, by procedure and payer: advanced
 * imaging and echo for most plans, therapy for Medi-Cal and Kaiser, and Kaiser's
 * referral authorization for injections by an outside group.
 */
export const AUTH_REQUIRED: Readonly<Record<string, readonly PayerKey[]>> = {
  '73721': ['medi_cal', 'blue_shield', 'anthem', 'kaiser'],
  '93306': ['blue_shield', 'anthem', 'kaiser'],
  '20610': ['kaiser'],
  ...Object.fromEntries(['97110', '97112', '97140', '97530', '97161', '97162', '97163'].map((code) => [code, THERAPY_AUTH])),
};

export function payerByKey(key: PayerKey): Payer {
  const found = PAYERS.find((p) => p.key === key);
  if (!found) throw new Error(`unknown payer ${key}`);
  return found;
}
