/**
 * The only way user-provided text (file names, CSV headers, codes, filter values)
 * enters SQL. Everything else in SQL strings is our own constant text.
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
