import type { ReferenceKind } from '../engine/reference/import-reference.ts';
import type { ReleaseName } from '../engine/reference/icd10cm/releases.ts';
import { dbExists, deleteDb, transact as inTransaction } from './idb.ts';

/**
 * The official reference files the user imported (ICD-10-CM releases, NCCI PTP edits), kept
 * byte for byte in one IndexedDB database so that the engine worker re-imports them at every
 * start. These are public code sets, never patient data. Nothing else stores reference data:
 * eraseReferenceData() removes all of it. Used from the page and from the worker, so every
 * call opens its own connection and closes it when done.
 */
export interface StoredReferenceFile {
  /** Import order: files are re-imported in this order (a later PTP version replaces an earlier one). */
  id: number;
  kind: ReferenceKind;
  name: string;
  bytes: Uint8Array;
  /** The release the user chose for an ICD-10-CM file (otherwise it is detected again). */
  release?: ReleaseName;
  /** ICD-10-CM releases loaded from it, and how many conversion tables. */
  releases: string[];
  conversionTables: number;
  savedAt: string;
}

export type NewStoredReferenceFile = Omit<StoredReferenceFile, 'id'>;

const DB_NAME = 'denial-lens-reference';
const STORE = 'files';

const setup = (db: IDBDatabase) => db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
const transact = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void) => inTransaction(DB_NAME, setup, STORE, mode, work);

/** In import order. */
export async function listReferenceFiles(): Promise<StoredReferenceFile[]> {
  if (!(await dbExists(DB_NAME))) return []; // reading creates no database
  const all = (await transact<StoredReferenceFile[]>('readonly', (store) => store.getAll())) ?? [];
  return all.sort((a, b) => a.id - b.id);
}

/** Adds files and removes others in one transaction: either both happen or neither. */
export async function updateReferenceFiles(add: readonly NewStoredReferenceFile[], removeIds: readonly number[]): Promise<void> {
  await transact('readwrite', (store) => {
    for (const id of removeIds) store.delete(id);
    for (const file of add) store.add(file);
  });
}

/** Removes every imported reference file from this browser (the shipped reference stays). */
export function eraseReferenceData(): Promise<void> {
  return deleteDb(DB_NAME);
}
