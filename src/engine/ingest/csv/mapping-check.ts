import { CSV_FIELDS, FIELD_LABELS, REQUIRED_FIELDS, type CsvField } from './header-aliases.ts';
import type { HeaderMapping } from './header-mapping.ts';
import type { CsvSample } from './csv-sample.ts';
import { DATE_FORMATS } from './csv-normalise.sql.ts';

/**
 * Checks a column mapping against the file's own values before anything is loaded:
 * an amount field reading a column of reason codes, a date field reading amounts, a
 * procedure field reading dates … A wrong guess otherwise loads without a word and
 * changes every figure. The value tests follow the loader's parsers (csv-normalise.sql.ts:
 * dl_money, dl_date, dl_procedure, the adjustment cell patterns).
 *
 * error: most filled cells of the column are recognisably something else (or a required
 * column is empty throughout): the mapping is wrong, the file must not load with it.
 * warning: some rows hold values the field cannot read; the file may load, those rows as said.
 */
export type Severity = 'error' | 'warning';

export interface MappingProblem {
  severity: Severity;
  /** The field(s) concerned: two or more when one column is read as several fields. */
  fields: CsvField[];
  column: number;
  /** In words a billing manager can act on: the field, the column, what it holds, what to do, the rows. */
  message: string;
  /** Rows affected (0 for a problem of the mapping itself), and the first of them. */
  rows: number;
  firstRows: number[];
}

export interface MappingCheck {
  rowsChecked: number;
  whole: boolean;
  problems: MappingProblem[];
}

export const hasErrors = (check: MappingCheck) => check.problems.some((p) => p.severity === 'error');

/** What a cell looks like, whatever field it is read as. */
type Shape = 'date' | 'reason' | 'amount' | 'number' | 'code' | 'text';

const SHAPE_WORDS: Record<Shape, string> = {
  date: 'dates',
  reason: 'adjustment reason codes (like CO-45)',
  amount: 'amounts',
  number: 'whole numbers',
  code: 'codes',
  text: 'text',
};

const DATE_SHAPE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?)?$/i;
const REASON_SHAPE = /^(CO|PR|OA|PI|CR)[ -]*[ABDPWY]?\d{1,3}([^0-9]|$)/i;
/** The loader's AMOUNT_CELL: what a reason column holds when it is an amount column. */
const AMOUNT_SHAPE = /^[(]?-?[$]?-?[0-9][0-9,]*[.][0-9]{1,2}[)]?-?$|^[(]?-?[$]-?[0-9][0-9,]*[)]?-?$/;
const NUMBER_SHAPE = /^-?\d+$/;
const CODE_SHAPE = /^[A-Z0-9]{1,10}([.-][A-Z0-9]{1,8})*$/i;

function shapeOf(value: string): Shape {
  if (DATE_SHAPE.test(value)) return 'date';
  if (REASON_SHAPE.test(value)) return 'reason';
  if (AMOUNT_SHAPE.test(value)) return 'amount';
  if (NUMBER_SHAPE.test(value)) return 'number';
  if (CODE_SHAPE.test(value)) return 'code';
  return 'text';
}

/** dl_money: $, commas, parentheses, signs and spaces set aside, a decimal number is left. */
export function readsAsMoney(value: string): boolean {
  return /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim().replace(/[$,()+ -]/g, ''));
}

/** One DATE_FORMATS entry as a pattern: the parts' order and the time part it allows. */
const DATE_PATTERNS: { re: RegExp; order: 'mdy' | 'ymd'; shortYear?: boolean }[] = DATE_FORMATS.map((format) => {
  const [date, time] = format.split(/[ T]/);
  const part: Record<string, string> = { '%m': '(\\d{1,2})', '%d': '(\\d{1,2})', '%Y': '(\\d{1,4})', '%y': '(\\d{2})' };
  const compact = date === '%Y%m%d';
  const body = compact ? '(\\d{4})(\\d{2})(\\d{2})' : date.replace(/%[mdYy]/g, (p) => part[p]);
  const clock = time === undefined ? '' : `${format.includes('T') ? 'T' : ' '}${time.replace(/%[HMS]/g, '\\d{1,2}')}`;
  return { re: new RegExp(`^${body}${clock}$`), order: date.startsWith('%Y') ? 'ymd' : 'mdy', shortYear: date.includes('%y') };
});

/**
 * dl_date: the first format that reads the value gives the date, which must exist and
 * fall in 1990–2100 (the loader tries the file's usual format first; a value the usual
 * format misreads is rare enough to leave to the rejected rows).
 */
export function readsAsDate(value: string): boolean {
  const v = value.trim();
  for (const { re, order, shortYear } of DATE_PATTERNS) {
    const m = re.exec(v);
    if (!m) continue;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [y0, mo, d] = order === 'ymd' ? [a, b, c] : [c, a, b];
    const y = shortYear ? (y0 < 69 ? 2000 + y0 : 1900 + y0) : y0;
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
    return y >= 1990 && y <= 2100;
  }
  return false;
}

/** dl_procedure, then the loader's 5-character test. */
export function readsAsProcedure(value: string): boolean {
  const v = value.trim();
  const padded = /^[0-9]{1,4}(\.0+)?$/.test(v) ? v.replace(/\.0+$/, '').padStart(5, '0') : /^[0-9]{5}\.0+$/.test(v) ? v.replace(/\.0+$/, '') : v.toUpperCase();
  return /^[A-Z0-9]{5}$/.test(padded);
}

const tokens = (value: string) => value.toUpperCase().trim().split(/[ ,;:/|]+/).filter((t) => t !== '');
const ICD = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;
const icd = (v: string) => ICD.test(v.toUpperCase().replace(/[ .]/g, ''));

interface Rule {
  /** What the field's cells should be, plural ("amounts"). */
  expected: string;
  /** The cell can be read as the field. */
  reads: (value: string) => boolean;
  /** Shapes of an unreadable cell that say the column holds another field. */
  foreign: readonly Shape[];
  /** What the loader does with an unreadable cell. */
  effect: string;
  /** The shape an unreadable cell is judged by: its first unreadable part for list cells. */
  part?: (value: string) => string;
}

const REJECTED = 'those rows are not loaded (they are listed under Rejected rows)';
const NOT_ADJUSTMENTS = 'those cells are not read as adjustments and their lines are flagged';
const AS_WRITTEN = 'they are read as written';
const NOT_TEXT: readonly Shape[] = ['amount', 'date'];
const ANY_OTHER: readonly Shape[] = ['date', 'reason', 'amount', 'number', 'code', 'text'];

const money = (effect: string): Rule => ({
  expected: 'amounts',
  // an ISO date would read as a number (2026-01-05 → 20260105.00): never an amount
  reads: (v) => readsAsMoney(v) && shapeOf(v.trim()) !== 'date',
  foreign: ['date', 'reason', 'code', 'text'],
  effect,
});
const date = (effect: string): Rule => ({ expected: 'dates', reads: readsAsDate, foreign: ['amount', 'reason', 'code', 'text'], effect });
const text = (expected: string, foreign: readonly Shape[] = NOT_TEXT): Rule => ({
  expected,
  reads: (v) => !foreign.includes(shapeOf(v.trim())),
  foreign,
  effect: AS_WRITTEN,
});
const list = (expected: string, readsToken: (t: string) => boolean, foreign: readonly Shape[], effect: string): Rule => ({
  expected,
  reads: (v) => tokens(v).every(readsToken),
  part: (v) => tokens(v).find((t) => !readsToken(t)) ?? v,
  foreign,
  effect,
});
const reasonCell = (v: string) => v.toUpperCase().trim().replace(/^([0-9]{1,3})\.0$/, '$1');

const RULES: Partial<Record<CsvField, Rule>> = {
  claim_id: text('claim IDs'),
  patient_account: text('account numbers'),
  patient_name: text('patient names'),
  line_number: { expected: 'line numbers', reads: (v) => /^-?\d{1,9}(\.0+)?$/.test(v.trim()), foreign: ['date', 'amount', 'reason', 'text'], effect: 'those rows are read without a line number' },
  service_date: date(REJECTED),
  service_date_end: date('those rows are read without an end date'),
  payer: text('payer names'),
  payer_id: text('payer IDs'),
  payer_claim_number: text('payer claim numbers'),
  provider: text('provider names'),
  provider_npi: { expected: '10-digit NPIs', reads: (v) => /^\d{10}$/.test(v.trim()), foreign: ['date', 'amount', 'reason', 'text'], effect: AS_WRITTEN },
  procedure: {
    expected: 'CPT/HCPCS codes',
    // amounts (150.00; a code a spreadsheet wrote as a float is 99213.0), dates, and 1–2 digit numbers
    // (a padded 00045 is no code: anesthesia codes start at 00100) are not procedures
    reads: (v) => readsAsProcedure(v) && !/^\d{1,2}(\.0+)?$/.test(v.trim()) && !(shapeOf(v.trim()) === 'amount' && !/^\d+\.0$/.test(v.trim())),
    foreign: ANY_OTHER.filter((s) => s !== 'code'),
    effect: REJECTED,
  },
  modifiers: list('2-character modifiers', (t) => /^[A-Z0-9]{2}$/.test(t), ['date', 'amount', 'reason'], 'their lines are flagged as having an invalid modifier'),
  diagnoses: list('ICD-10-CM diagnosis codes', icd, ['date', 'amount', 'reason', 'number'], 'they are kept as diagnosis codes no reference knows'),
  dx_pointers: list('diagnosis pointers (1–12 or A–L)', (t) => /^(\d{1,2}|[A-L])$/.test(t), ['date', 'amount', 'reason'], REJECTED),
  units: { expected: 'numbers of units', reads: (v) => v.trim() !== '' && Number.isFinite(Number(v.trim())), foreign: ['date', 'reason', 'code', 'text'], effect: REJECTED },
  billed: money(REJECTED),
  allowed: money(REJECTED),
  paid: money(REJECTED),
  patient_responsibility: money(NOT_ADJUSTMENTS),
  contractual_adjustment: money(NOT_ADJUSTMENTS),
  payer_initiated_adjustment: money(NOT_ADJUSTMENTS),
  other_adjustment: money(NOT_ADJUSTMENTS),
  remark_codes: list('remark codes (M…, MA…, N…)', (t) => /^(M|MA|N)\d{1,3}$/.test(t), ['date', 'amount', 'reason'], 'they are kept as remark codes no table knows'),
  check_number: text('check or EFT numbers'),
  paid_date: date(REJECTED),
  claim_status: text('claim statuses'),
};
for (const n of [1, 2, 3, 4]) RULES[`modifier${n}` as CsvField] = { ...RULES.modifiers!, reads: (v) => /^[A-Z0-9]{2}$/i.test(v.trim()), part: undefined };
for (let n = 1; n <= 12; n++) RULES[`dx${n}` as CsvField] = { ...RULES.diagnoses!, reads: icd, part: undefined };
for (const suffix of ['', '2', '3', '4', '5']) {
  RULES[`adjustment_codes${suffix}` as CsvField] = {
    expected: 'adjustment reason codes',
    reads: (v) => !AMOUNT_SHAPE.test(reasonCell(v)) && !DATE_SHAPE.test(v.trim()),
    foreign: ['amount', 'date'],
    effect: 'those cells are not read as reason codes and their lines are flagged',
  };
  RULES[`adjustment_group${suffix}` as CsvField] = {
    expected: 'adjustment group codes (CO, PR, OA, PI)',
    reads: (v) => /^(CO|PR|OA|PI|CR)([^A-Z0-9]|$)/i.test(v.trim()),
    foreign: ['amount', 'date', 'number'],
    effect: 'those adjustments keep the value as their group',
  };
  RULES[`adjustment_amount${suffix}` as CsvField] = money(NOT_ADJUSTMENTS);
}

/** Empty throughout, these fields leave every line without what the review counts on. */
const NEEDED_FILLED: readonly CsvField[] = [...REQUIRED_FIELDS, 'paid'];

const FIRST_ROWS = 5;
const EXAMPLES = 3;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function rowList(rows: number[], n: number): string {
  return `${n === 1 ? 'row' : 'rows'} ${rows.join(', ')}${n > rows.length ? ' …' : ''}`;
}

const header = (sample: CsvSample, column: number) => `“${sample.headers[column] || `column ${column + 1}`}”`;
const label = (field: CsvField) => `“${FIELD_LABELS[field]}”`;

/**
 * Checks `mapping` against the sample's values; problems in the order of the fields.
 * `cache` (for one sample) keeps each field-and-column answer, so a dialog re-checks only what changed.
 */
export function checkMapping(sample: CsvSample, mapping: HeaderMapping, cache?: Map<string, MappingProblem | null>): MappingCheck {
  const problems: MappingProblem[] = [];

  const byColumn = new Map<number, CsvField[]>();
  for (const field of CSV_FIELDS) {
    const column = mapping[field];
    if (column !== undefined) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  for (const [column, fields] of byColumn) {
    if (fields.length < 2) continue;
    problems.push({
      severity: 'error',
      fields,
      column,
      message: `Column ${header(sample, column)} is read as ${fields.length} fields: ${fields.map(label).join(' and ')}. One column holds one thing: pick the right column for each, or “— not in this file —”.`,
      rows: 0,
      firstRows: [],
    });
  }

  for (const field of CSV_FIELDS) {
    const column = mapping[field];
    if (column === undefined || !RULES[field]) continue;
    const key = `${field}:${column}`;
    let problem = cache?.get(key);
    if (problem === undefined) {
      problem = checkColumn(sample, field, column);
      cache?.set(key, problem);
    }
    if (problem) problems.push(problem);
  }
  return { rowsChecked: sample.rows.length, whole: sample.whole, problems };
}

/** One field read from one column: its problem, or null. */
function checkColumn(sample: CsvSample, field: CsvField, column: number): MappingProblem | null {
  const rule = RULES[field]!;
  let filled = 0;
  let foreign = 0;
  let n = 0;
  const bad: number[] = [];
  const examples: string[] = [];
  const shapes = new Map<Shape, number>();
  for (const { row, cells } of sample.rows) {
    const value = (cells[column] ?? '').trim();
    if (value === '') continue;
    filled++;
    if (rule.reads(value)) continue;
    n++;
    if (bad.length < FIRST_ROWS) bad.push(row);
    const shape = shapeOf(rule.part ? rule.part(value) : value);
    if (rule.foreign.includes(shape)) foreign++;
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    if (examples.length < EXAMPLES && !examples.includes(value)) examples.push(value.slice(0, 30));
  }
  if (filled === 0) {
    if (NEEDED_FILLED.includes(field) && sample.rows.length > 0) {
      return {
        severity: 'error',
        fields: [field],
        column,
        message: `${label(field)} is read from column ${header(sample, column)}, which is empty in all ${plural(sample.rows.length, 'row')} checked: ` +
          (field === 'paid'
            ? 'no line would have a payment, and unpaid lines count as denied. Pick the column that holds the paid amounts, or “— not in this file —” if the file has no payments.'
            : `no row could be loaded. Pick the column that holds ${rule.expected}.`),
        rows: sample.rows.length,
        firstRows: sample.rows.slice(0, FIRST_ROWS).map((r) => r.row),
      };
    }
    return null;
  }
  if (n === 0) return null;
  const usual = [...shapes].sort((a, b) => b[1] - a[1])[0][0];
  const eg = `e.g. ${examples.map((e) => `‘${e}’`).join(', ')}`;
  const wrongColumn = 2 * foreign > filled;
  return {
    severity: wrongColumn ? 'error' : 'warning',
    fields: [field],
    column,
    message: wrongColumn
      ? `${label(field)} is read from column ${header(sample, column)}, but ${n === filled ? `all ${plural(filled, 'filled row')}` : `${plural(n, 'row')} of ${plural(filled, 'filled row')}`} there hold ${SHAPE_WORDS[usual]}, not ${rule.expected} (${eg}; ${rowList(bad, n)}). Pick the column that holds ${rule.expected}.`
      : `${label(field)} (column ${header(sample, column)}): ${plural(n, 'row')} of ${plural(filled, 'filled row')} ${n === 1 ? 'holds' : 'hold'} values that are not ${rule.expected} (${eg}; ${rowList(bad, n)}): ${rule.effect}.`,
    rows: n,
    firstRows: bad,
  };
}
