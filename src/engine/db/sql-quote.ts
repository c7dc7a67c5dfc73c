/**
 * How values are quoted in SQL: the rules the `sql` tag applies (src/engine/db/sql.ts).
 * Engine code writes SQL with the tag; these are exported for SQL still written as strings
 * (to be converted, README "Where things live").
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL literal for a JS scalar; numbers must be finite. */
export function sqlValue(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return sqlString(value);
}

export function sqlList(values: readonly (string | number)[]): string {
  return `[${values.map((v) => sqlValue(v)).join(', ')}]`;
}
