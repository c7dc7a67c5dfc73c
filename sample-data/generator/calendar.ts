/**
 * Dates as whole days since 1970-01-01 (UTC), so that arithmetic and formatting never
 * depend on the machine's time zone or locale.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** 'YYYY-MM-DD' → Day. */
function parseIsoDay(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return day(y, m, d);
}

function parts(d: Day): { y: number; m: number; d: number } {
  const date = new Date(d * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const yearOf = (d: Day) => parts(d).y;
export const monthOf = (d: Day) => parts(d).m;
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (d: Day) => (((d + 4) % 7) + 7) % 7;

export function isoDate(d: Day): string {
  const p = parts(d);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}
/** 'YYYY-MM', the bucket used for service and payment months. */
export const monthKey = (d: Day) => isoDate(d).slice(0, 7);
/** CCYYMMDD, as X12 writes dates. */
export const x12Date = (d: Day) => isoDate(d).replaceAll('-', '');
/** YYMMDD, for ISA09. */
export const x12ShortDate = (d: Day) => x12Date(d).slice(2);
/** MM/DD/YYYY, as US practice-management exports write dates. */
export function usDate(d: Day): string {
  const p = parts(d);
  return `${pad(p.m)}/${pad(p.d)}/${p.y}`;
}

export function lastDayOfMonth(d: Day): Day {
  const p = parts(d);
  return day(p.y, p.m + 1, 1) - 1;
}

/**
 * US federal holidays in the period the data covers (banks closed: no EFT or check
 * dates). Listed, not computed: the list is short and easy to check by eye.
 */
const BANK_HOLIDAYS: ReadonlySet<Day> = new Set(
  [
    '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25', '2026-01-01', '2026-01-19',
    '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12',
    '2026-11-11', '2026-11-26', '2026-12-25',
  ].map(parseIsoDay),
);

/** Days the fictional practice is closed besides weekends. */
const PRACTICE_CLOSED: ReadonlySet<Day> = new Set(
  [
    '2025-11-27', '2025-11-28', '2025-12-24', '2025-12-25', '2026-01-01', '2026-05-25',
    '2026-07-03', '2026-09-07',
  ].map(parseIsoDay),
);

const isWeekday = (d: Day) => weekday(d) !== 0 && weekday(d) !== 6;
export const isBankDay = (d: Day) => isWeekday(d) && !BANK_HOLIDAYS.has(d);
export const isClinicDay = (d: Day) => isWeekday(d) && !PRACTICE_CLOSED.has(d);
