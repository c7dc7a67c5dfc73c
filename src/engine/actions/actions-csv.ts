import { CATEGORY_LABELS, CATEGORY_PRECEDENCE, type Category } from '../classify/categories.ts';
import { toCsv, type CsvColumn } from '../export/csv.ts';
import { readSpreadsheetCsv } from '../audit/read-csv.ts';
import { ACTION_KINDS, ACTION_KIND_LABELS, actionProblems, isoDay, type ActionKind, type PatternAction } from './actions.ts';
import type { ActionOutcome } from './outcome.ts';

/**
 * Actions as a spreadsheet and back: the columns below, then (on export) what happened
 * after each action, which the import ignores. Reading is all or nothing: a file with
 * any row that cannot be read loads no action, and every problem is named with its
 * spreadsheet row.
 */
const COLUMNS = {
  id: 'Action ID',
  date: 'Date',
  kind: 'Action',
  what: 'What was changed',
  owner: 'Owner',
  pattern_key: 'Pattern key',
  category: 'Category',
  payer: 'Payer',
  provider: 'Provider',
  procedure: 'CPT/HCPCS',
  cause_kind: 'Cause kind',
  cause_codes: 'Cause codes',
} as const satisfies Record<keyof PatternAction, string>;

export function actionsCsv(actions: readonly PatternAction[], outcomes: readonly ActionOutcome[] = []): string {
  const outcome = new Map(outcomes.map((o) => [o.action_id, o]));
  const columns: CsvColumn<PatternAction>[] = [
    { header: COLUMNS.id, value: (a) => a.id },
    { header: COLUMNS.date, value: (a) => a.date },
    { header: COLUMNS.kind, value: (a) => ACTION_KIND_LABELS[a.kind] },
    { header: COLUMNS.what, value: (a) => a.what },
    { header: COLUMNS.owner, value: (a) => a.owner },
    { header: COLUMNS.pattern_key, value: (a) => a.pattern_key },
    { header: COLUMNS.category, value: (a) => a.category },
    { header: COLUMNS.payer, value: (a) => a.payer },
    { header: COLUMNS.provider, value: (a) => a.provider },
    { header: COLUMNS.procedure, value: (a) => a.procedure },
    { header: COLUMNS.cause_kind, value: (a) => a.cause_kind },
    { header: COLUMNS.cause_codes, value: (a) => a.cause_codes },
  ];
  if (outcomes.length) {
    const o = (a: PatternAction) => outcome.get(a.id);
    columns.push(
      { header: 'Reviewed month', value: (a) => o(a)?.month },
      { header: 'Status in reviewed month', value: (a) => o(a)?.status },
      { header: 'Months before', value: (a) => span(o(a)?.before) },
      { header: 'Denied lines before', value: (a) => o(a)?.before.denied_lines },
      { header: 'Denied $ before', value: (a) => o(a)?.before.denied_amount },
      { header: 'Months with data before', value: (a) => o(a)?.before.months_with_data },
      { header: 'Denied lines in action month', value: (a) => o(a)?.during.denied_lines },
      { header: 'Denied $ in action month', value: (a) => o(a)?.during.denied_amount },
      { header: 'Months after', value: (a) => span(o(a)?.after) },
      { header: 'Denied lines after', value: (a) => o(a)?.after.denied_lines },
      { header: 'Denied $ after', value: (a) => o(a)?.after.denied_amount },
      { header: 'Months with data after', value: (a) => o(a)?.after.months_with_data },
    );
  }
  return toCsv(columns, actions);
}

const span = (w: ActionOutcome['before'] | undefined) => (w?.from ? (w.from === w.to ? w.from : `${w.from}..${w.to}`) : w ? 'none yet' : undefined);

export interface ActionsImport {
  actions: PatternAction[];
  /** spreadsheet row (1 = the header) and what is wrong; when any, `actions` is empty */
  errors: { row: number; message: string }[];
}

export function readActionsCsv(bytes: Uint8Array): ActionsImport {
  const rows = readSpreadsheetCsv(bytes, COLUMNS.pattern_key);
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() === COLUMNS.pattern_key));
  if (headerIndex < 0) return { actions: [], errors: [{ row: 1, message: `no header row naming "${COLUMNS.pattern_key}": is this an actions CSV from Denial Lens?` }] };
  const header = rows[headerIndex].map((c) => c.trim());
  const missing = Object.values(COLUMNS).filter((c) => !header.includes(c));
  if (missing.length) return { actions: [], errors: [{ row: headerIndex + 1, message: `missing column(s): ${missing.join(', ')}` }] };
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, h]) => [k, header.indexOf(h)])) as Record<keyof PatternAction, number>;
  const actions: PatternAction[] = [];
  const errors: ActionsImport['errors'] = [];
  const ids = new Map<string, number>();
  rows.slice(headerIndex + 1).forEach((cells, i) => {
    const row = headerIndex + 2 + i;
    if (cells.every((c) => !c.trim())) return;
    const cell = (k: keyof PatternAction) => (cells[at[k]] ?? '').trim();
    const problems: string[] = [];
    const date = readDate(cell('date'));
    const action: PatternAction = {
      id: cell('id'),
      date: date ?? cell('date'),
      kind: readKind(cell('kind')) ?? (cell('kind') as ActionKind),
      what: cell('what'),
      owner: cell('owner'),
      pattern_key: cell('pattern_key').toLowerCase(),
      category: readCategory(cell('category')) ?? (cell('category') as Category),
      payer: cell('payer'),
      provider: cell('provider'),
      procedure: cell('procedure') || null,
      cause_kind: cell('cause_kind') as PatternAction['cause_kind'],
      cause_codes: cell('cause_codes') ? cell('cause_codes').split(/\s*;\s*/) : [],
    };
    problems.push(...actionProblems(action));
    const first = ids.get(action.id);
    if (action.id && first !== undefined) problems.push(`action id ${action.id} is also on row ${first}`);
    ids.set(action.id, first ?? row);
    if (problems.length) errors.push(...problems.map((message) => ({ row, message })));
    else actions.push(action);
  });
  if (!errors.length && !actions.length) errors.push({ row: headerIndex + 1, message: 'the file has no action rows' });
  return errors.length ? { actions: [], errors } : { actions, errors };
}

/** YYYY-MM-DD, or M/D/YYYY as a spreadsheet re-saves it. */
function readDate(text: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return isoDay(us ? `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}` : text);
}

function readKind(text: string): ActionKind | null {
  const t = text.toLowerCase();
  return ACTION_KINDS.find((k) => k === t || ACTION_KIND_LABELS[k].toLowerCase() === t) ?? null;
}

function readCategory(text: string): Category | null {
  const t = text.toLowerCase();
  return CATEGORY_PRECEDENCE.find((c) => c === t || CATEGORY_LABELS[c].toLowerCase() === t) ?? null;
}
