import { sqlIdent, sqlValue } from './sql-quote.ts';

/**
 * SQL text the engine wrote, as opposed to a value. Db.exec and Db.query take only this,
 * so a string (a file name, a filter, a code) cannot reach the database unquoted by accident.
 * Made only by the `sql` tag, `ident` and `joinSql`; checkable at run time (`instanceof Sql`).
 *
 * Conventions (README "Where things live"):
 * - constant SQL is `UPPER_SNAKE_SQL = sql\`…\``;
 * - SQL built from arguments is a function `camelCaseSql(values)` returning Sql;
 * - a builder takes a value as the value (a string, a number, a list) and interpolates it,
 *   the tag quotes it; a builder that takes SQL (a subquery, a column expression) takes `Sql`;
 * - identifiers (table or column names that vary) go through `ident(name)`.
 */
const MADE_HERE: unique symbol = Symbol('Sql');

export class Sql {
  /** `token`: only this module holds it, so Sql is made by the helpers below and nowhere else. */
  constructor(
    token: typeof MADE_HERE,
    /** The SQL text, values quoted. */
    readonly text: string,
  ) {
    if (token !== MADE_HERE) throw new TypeError('Sql is made by the sql tag, ident or joinSql');
    Object.freeze(this);
  }

  toString(): string {
    return this.text;
  }
}

const made = (text: string) => new Sql(MADE_HERE, text);

/** What may be interpolated into `sql`: SQL (kept as it is) or a value (quoted). */
export type SqlPart = Sql | string | number | boolean | null | readonly (string | number | boolean | null)[];

/**
 * The SQL tag: `sql\`SELECT * FROM lines WHERE payer = ${payer} LIMIT ${n}\``. Every
 * interpolation that is not Sql is a value and is quoted: strings as string literals, numbers
 * (finite only; negative ones in parentheses, so `a -${n}` cannot become a `--` comment),
 * booleans, null, and arrays as a list literal. `undefined` is refused: it is a missing
 * argument, not SQL NULL.
 */
export function sql(strings: TemplateStringsArray, ...parts: SqlPart[]): Sql {
  if (!Array.isArray((strings as { raw?: unknown }).raw)) throw new TypeError('sql is a template tag: sql`…`');
  let text = strings[0];
  for (let i = 0; i < parts.length; i++) text += render(parts[i]) + strings[i + 1];
  return made(text);
}

function render(part: SqlPart): string {
  if (part instanceof Sql) return part.text;
  if (Array.isArray(part)) return `[${part.map(scalar).join(', ')}]`;
  return scalar(part as string | number | boolean | null);
}

function scalar(value: string | number | boolean | null): string {
  if (value === undefined) throw new TypeError('undefined interpolated into SQL (use null for NULL)');
  if (value !== null && typeof value === 'object') throw new TypeError(`not a SQL value: ${Object.prototype.toString.call(value)}`);
  if (typeof value === 'number' && value < 0) return `(${sqlValue(value)})`;
  return sqlValue(value);
}

/** A quoted identifier (table or column name): `ident('rows')` → `"rows"`. */
export function ident(name: string): Sql {
  return made(sqlIdent(name));
}

/**
 * A column type as DuckDB names it (`VARCHAR`, `DECIMAL(18,2)`, `VARCHAR[]`), e.g. read from
 * DESCRIBE; anything else is refused.
 */
export function typeSql(type: string): Sql {
  if (!/^[A-Z][A-Z0-9_]*(\(\d+(, ?\d+)?\))?(\[\])*$/.test(type)) throw new TypeError(`not a column type: ${type}`);
  return made(type);
}

/** The statements of `script`, split where a line ends with `;` (for profiling them one by one). */
export function statementsOf(script: Sql): Sql[] {
  return script.text
    .split(/;\s*\n/)
    .filter((s) => s.trim())
    .map(made);
}

/** SQL parts joined by a separator (`, ` by default): select lists, VALUES rows, statements. */
export function joinSql(parts: readonly Sql[], separator: Sql = made(', ')): Sql {
  for (const p of parts) if (!(p instanceof Sql)) throw new TypeError('joinSql joins Sql only');
  return made(parts.map((p) => p.text).join(separator.text));
}

/** A parenthesised list of quoted values for `x IN ${inListSql(values)}`; at least one value (SQL has no empty IN list). */
export function inListSql(values: readonly (string | number | boolean | null)[]): Sql {
  if (values.length === 0) throw new RangeError('an IN list needs at least one value');
  return made(`(${values.map(scalar).join(', ')})`);
}
