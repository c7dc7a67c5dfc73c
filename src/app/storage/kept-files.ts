import type { HeaderMapping } from '../../engine/ingest/csv/header-mapping.ts';
import { dbExists, deleteDb, transact } from '../../browser/idb.ts';

/**
 * The loaded files, kept byte for byte in IndexedDB while "Keep data on this computer" is on,
 * with the column mapping they were loaded with. At start-up they go through the normal load
 * path again, in the order they were first loaded: every row is accounted for again, and the
 * SHA-256 dedupe and remittance dedupe give the same result as the first time. Keeping the
 * original files (not a database export) means a newer version of the app re-reads them with
 * its own parsers and rules.
 */
export interface KeptFile {
  /** Load order. */
  id: number;
  file: File;
  sha256: string;
  mapping?: HeaderMapping;
  keptAt: string;
}

export type NewKeptFile = Omit<KeptFile, 'id' | 'keptAt'>;

export const KEPT_FILES_DB = 'denial-lens-files';
const STORE = 'files';
const setup = (db: IDBDatabase) => db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true }).createIndex('sha256', 'sha256', { unique: true });

/** In load order. */
export async function listKeptFiles(): Promise<KeptFile[]> {
  if (!(await dbExists(KEPT_FILES_DB))) return [];
  const all = (await transact<KeptFile[]>(KEPT_FILES_DB, setup, STORE, 'readonly', (store) => store.getAll())) ?? [];
  return all.sort((a, b) => a.id - b.id);
}

let writes: Promise<unknown> = Promise.resolve();

/**
 * Adds the files not kept yet (by SHA-256), in the order given, in one transaction. Calls run
 * one after another, so that two of them never both find a file missing and add it twice.
 */
export function keepFiles(files: readonly NewKeptFile[]): Promise<void> {
  const run = writes.then(() => addNew(files));
  writes = run.catch(() => {});
  return run;
}

async function addNew(files: readonly NewKeptFile[]): Promise<void> {
  if (files.length === 0) return;
  const keptAt = new Date().toISOString();
  const kept = new Set((await listKeptFiles()).map((f) => f.sha256));
  const fresh = files.filter((f) => !kept.has(f.sha256) && kept.add(f.sha256));
  if (fresh.length === 0) return;
  await transact(KEPT_FILES_DB, setup, STORE, 'readwrite', (store) => {
    for (const f of fresh) store.add({ file: f.file, sha256: f.sha256, ...(f.mapping ? { mapping: f.mapping } : {}), keptAt });
  });
}

/** Deletes the kept copy of one file (it was unloaded), after the writes queued before. */
export function forgetKeptFile(sha256: string): Promise<void> {
  const run = writes.then(async () => {
    if (!(await dbExists(KEPT_FILES_DB))) return;
    await transact(KEPT_FILES_DB, setup, STORE, 'readwrite', (store) => {
      const find = store.index('sha256').getKey(sha256);
      find.onsuccess = () => {
        if (find.result !== undefined) store.delete(find.result);
      };
    });
  });
  writes = run.catch(() => {});
  return run;
}

export function eraseKeptFiles(): Promise<void> {
  return deleteDb(KEPT_FILES_DB);
}
