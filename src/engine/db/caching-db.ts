import type { ColumnValues, Db, Row } from './db.ts';
import type { Sql } from './sql.ts';

/** Answers kept; a filter change asks about ten queries, several of them again when the user goes back. */
const MAX_ENTRIES = 200;
/** Bigger answers (exports, whole tables) are not kept: they are asked once and would hold memory. */
const MAX_ROWS = 2_000;

/**
 * A Db that remembers query answers until the data changes. Every write goes
 * through exec / insertColumns / registerFile / dropFile, and any of them forgets
 * everything, so an answer is never stale. The screens ask the same queries again
 * and again: the trend charts do not depend on the reviewed month, the pattern
 * list and the printed report share their summary, and going back to a filter
 * asks what was asked before.
 * Answers are copied out, so a caller that changes its rows cannot change the cache.
 */
export class CachingDb implements Db {
  private readonly answers = new Map<string, Row[]>();

  constructor(private readonly inner: Db) {}

  async query<T = Row>(sql: Sql): Promise<T[]> {
    const cached = this.answers.get(sql.text);
    if (cached) {
      // most recently used last, so the oldest is the first to go
      this.answers.delete(sql.text);
      this.answers.set(sql.text, cached);
      return structuredClone(cached) as T[];
    }
    const rows = await this.inner.query<Row>(sql);
    if (rows.length <= MAX_ROWS) {
      this.answers.set(sql.text, structuredClone(rows));
      if (this.answers.size > MAX_ENTRIES) this.answers.delete(this.answers.keys().next().value!);
    }
    return rows as T[];
  }

  async exec(sql: Sql): Promise<void> {
    this.answers.clear();
    await this.inner.exec(sql);
  }

  async insertColumns(table: string, columns: Record<string, ColumnValues>): Promise<void> {
    this.answers.clear();
    await this.inner.insertColumns(table, columns);
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    this.answers.clear();
    await this.inner.registerFile(name, bytes);
  }

  async dropFile(name: string): Promise<void> {
    this.answers.clear();
    await this.inner.dropFile(name);
  }

  readFile(name: string): Promise<Uint8Array> {
    return this.inner.readFile(name);
  }

  close(): Promise<void> {
    this.answers.clear();
    return this.inner.close();
  }
}
