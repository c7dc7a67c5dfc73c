import { describe, expect, it } from 'vitest';
import { ident, inListSql, joinSql, Sql, sql, typeSql } from '../../../src/engine/db/sql.ts';

describe('the sql tag', () => {
  it('quotes every interpolated value and keeps Sql as it is', () => {
    const payer = "O'Brien Health";
    const q = sql`SELECT * FROM t WHERE payer = ${payer} AND n > ${-2} AND ok = ${true} AND x IS ${null} AND ${sql`y = 1`}`;
    expect(q).toBeInstanceOf(Sql);
    expect(q.text).toBe("SELECT * FROM t WHERE payer = 'O''Brien Health' AND n > (-2) AND ok = TRUE AND x IS NULL AND y = 1");
  });

  it('writes arrays as list literals and IN lists from values', () => {
    expect(sql`${['a', "b'c", 3]}`.text).toBe("['a', 'b''c', 3]");
    expect(sql`x IN ${inListSql(['a', 'b'])}`.text).toBe("x IN ('a', 'b')");
    expect(() => inListSql([])).toThrow(/at least one/);
  });

  it('cannot be turned into a comment or an unquoted statement by a value', () => {
    expect(sql`a -${-1}`.text).toBe('a -(-1)');
    expect(sql`${"'; DROP TABLE lines; --"}`.text).toBe("'''; DROP TABLE lines; --'");
  });

  it('refuses what is not a SQL value', () => {
    expect(() => sql`${Number.NaN}`).toThrow(/finite/);
    expect(() => sql`${Infinity}`).toThrow(/finite/);
    expect(() => sql`${undefined as unknown as string}`).toThrow(/undefined/);
    expect(() => sql`${{ a: 1 } as unknown as string}`).toThrow(/not a SQL value/);
    expect(() => (sql as unknown as (s: string) => Sql)('SELECT 1')).toThrow(/template tag/);
  });

  it('makes Sql only through its helpers', () => {
    expect(() => new (Sql as unknown as new (token: symbol, text: string) => Sql)(Symbol('Sql'), 'DROP TABLE lines')).toThrow();
    expect(Object.isFrozen(sql`SELECT 1`)).toBe(true);
  });

  it('quotes identifiers and checks types', () => {
    expect(ident('we"ird').text).toBe('"we""ird"');
    expect(typeSql('DECIMAL(18,2)').text).toBe('DECIMAL(18,2)');
    expect(typeSql('VARCHAR[]').text).toBe('VARCHAR[]');
    expect(() => typeSql('VARCHAR); DROP TABLE lines; --')).toThrow(/not a column type/);
    expect(joinSql([sql`a`, sql`b`], sql` AND `).text).toBe('a AND b');
  });
});
