/**
 * Value parsing shared by the 835 and 837P parsers: X12 decimal amounts, CCYYMMDD
 * dates, code shapes and names. All checks work on one short value at a time.
 */

/**
 * An X12 "R" (decimal) value in text[start, end): optional leading minus, digits, at most
 * one decimal point. Null for anything else (empty, `1,000.00`, `amount`, `1e3`, `+5`).
 * Works on a range so amounts are read straight from the file text, without a substring.
 */
export function amountIn(text: string, start: number, end: number): number | null {
  const n = end - start;
  if (n <= 0 || n > 18) return null;
  const negative = text.charCodeAt(start) === 45; /* - */
  let digits = 0;
  let decimals = -1;
  let scaled = 0;
  for (let i = negative ? start + 1 : start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      scaled = scaled * 10 + (c - 48);
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) decimals = 0;
    else return null;
  }
  if (digits === 0) return null;
  // Up to 15 digits the integer is exact, so one division gives the same double as Number().
  if (digits > 15) return Number(text.slice(start, end));
  const magnitude = decimals > 0 ? scaled / 10 ** decimals : scaled;
  return negative ? -magnitude : magnitude;
}

export function parseAmount(value: string): number | null {
  return amountIn(value, 0, value.length);
}

/**
 * One shared string per distinct code value (CARC, group, procedure, modifier, status...).
 * A large file repeats a few hundred codes millions of times; sharing them keeps the
 * parsed rows small and the garbage collector quiet.
 */
const codePool = new Map<string, string>();
const MAX_POOLED_CODES = 50_000;

export function intern(code: string): string {
  const pooled = codePool.get(code);
  if (pooled !== undefined) return pooled;
  if (codePool.size >= MAX_POOLED_CODES) codePool.clear();
  codePool.set(code, code);
  return code;
}

/** Money is compared in whole cents so that balancing is exact. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  // `+ 0` turns -0 into 0 so balanced rows read as 0.
  return cents / 100 + 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900) || !(month >= 1 && month <= 12) || !(day >= 1)) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > maxDay) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A file has few distinct dates: each is converted once, and rows share one string per date. */
const isoDates = new Map<number, string | null>();
const MAX_CACHED_DATES = 20_000;

/** CCYYMMDD in text[start, end) → 'YYYY-MM-DD'; null when it is not a real calendar date. */
export function dateIn(text: string, start: number, end: number): string | null {
  if (end - start !== 8) return null;
  const year = digit(text, start) * 1000 + digit(text, start + 1) * 100 + digit(text, start + 2) * 10 + digit(text, start + 3);
  const month = digit(text, start + 4) * 10 + digit(text, start + 5);
  const day = digit(text, start + 6) * 10 + digit(text, start + 7);
  const key = year * 10_000 + month * 100 + day;
  if (Number.isNaN(key)) return null;
  let iso = isoDates.get(key);
  if (iso === undefined) {
    iso = isoDate(year, month, day);
    if (isoDates.size >= MAX_CACHED_DATES) isoDates.clear();
    isoDates.set(key, iso);
  }
  return iso;
}

export function parseDate8(value: string): string | null {
  return dateIn(value, 0, value.length);
}

export interface DateSpan {
  start: string | null;
  end: string | null;
  /** The value was present but is not a valid D8 / RD8 date. */
  invalid: boolean;
}

/**
 * DTP/DTM date by format qualifier: D8 = CCYYMMDD, RD8 = CCYYMMDD-CCYYMMDD.
 * A one-day RD8 range (from = to) is reported as a single date (end null).
 */
export function parseDateByFormat(format: string, value: string): DateSpan {
  if (format === 'RD8') {
    const dash = value.indexOf('-');
    const start = dash > 0 ? parseDate8(value.slice(0, dash)) : null;
    const end = dash > 0 ? parseDate8(value.slice(dash + 1)) : null;
    if (!start || !end || end < start) return { start: null, end: null, invalid: true };
    return { start, end: end === start ? null : end, invalid: false };
  }
  const start = parseDate8(value);
  return { start, end: null, invalid: start === null };
}

/**
 * Codes from X12 code lists (CAS group and reason codes, remark codes, PLB reasons) are
 * upper-case letters and digits. Anything else — `reason_code`, `code1`, `GO>XXXX` — is a
 * template placeholder or a separator problem, not a code we could look up.
 * Codes of the right shape that no list knows (retired, masked) are accepted: the
 * classifier reports them as unknown.
 */
export function isCodeShape(value: string, maxLength: number): boolean {
  const n = value.length;
  if (n === 0 || n > maxLength) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** 'LAST, FIRST M' for a person (entity type 1), the organisation name otherwise. */
export function displayName(entityType: string, last: string, first: string, middle: string): string | null {
  if (!last && !first) return null;
  if (entityType === '2' || !first) return last || first;
  const given = middle ? `${first} ${middle}` : first;
  return last ? `${last}, ${given}` : given;
}

/** A provider as one display value: the name, with the NPI when the file gives one. */
export function providerLabel(name: string | null, npi: string | null): string | null {
  if (name && npi) return `${name} (NPI ${npi})`;
  if (npi) return `NPI ${npi}`;
  return name;
}

/** Segment text for a reject row: enough to find it, not a whole 10,000-element segment. */
export function excerptOf(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

const COMPONENT_LOOKALIKES = [':', '>', '^', '<', '|', '\\'];

/**
 * A character that other files use as component separator, found in a composite that
 * should have been split by `component` (ISA16 says `:` but the body writes `HC>12345>26`).
 * Only the qualifier and code are looked at: a free-text description further on may
 * contain anything.
 */
export function foreignSeparatorIn(value: string, component: string): string | null {
  const first = value.indexOf(component);
  const second = first < 0 ? -1 : value.indexOf(component, first + 1);
  const head = second < 0 ? value : value.slice(0, second);
  for (const ch of COMPONENT_LOOKALIKES) {
    if (ch !== component && head.includes(ch)) return ch;
  }
  return null;
}

export type ProcedureComposite =
  | { ok: true; qualifier: string | null; code: string; modifiers: string[] }
  /** `foreign`: the composite uses an undeclared separator (loadable, flagged); null: no code at all. */
  | { ok: false; foreign: string | null };

/**
 * SVC01 / SVC06 / SV101: qualifier, procedure code, up to four modifiers (then a
 * description, ignored).
 */
export function readProcedureComposite(value: string, component: string): ProcedureComposite {
  const foreign = foreignSeparatorIn(value, component);
  if (foreign) return { ok: false, foreign };
  const first = value.indexOf(component);
  if (first < 0) return { ok: false, foreign: null };
  let end = value.indexOf(component, first + 1);
  const code = value.slice(first + 1, end < 0 ? value.length : end).trim();
  if (!code) return { ok: false, foreign: null };
  const modifiers: string[] = [];
  // Components 3–6 are modifiers; the 7th (description) is not read.
  for (let i = 2; end >= 0 && i < 6; i++) {
    const start = end + 1;
    end = value.indexOf(component, start);
    const modifier = value.slice(start, end < 0 ? value.length : end).trim();
    if (modifier) modifiers.push(intern(modifier));
  }
  const qualifier = value.slice(0, first).trim();
  return { ok: true, qualifier: qualifier ? intern(qualifier) : null, code: intern(code), modifiers };
}

/** A procedure "code" such as `24599.00`: an amount shifted into the composite. */
export function looksLikeAmount(code: string): boolean {
  return code.includes('.') && parseAmount(code) !== null;
}
