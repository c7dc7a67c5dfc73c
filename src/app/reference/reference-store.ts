import type { ReferenceKind } from '../../engine/reference/import-reference.ts';
import type { ReleaseName } from '../../engine/reference/icd10cm/releases.ts';
import { dbExists } from '../storage/idb.ts';

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

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close(); // never block eraseReferenceData() in another context
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

/** Runs `work` in one transaction; resolves once it is committed (a reload right after keeps it). */
async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (is the disk full?)'));
    });
  } finally {
    db.close();
  }
}

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
export async function eraseReferenceData(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    // other contexts close their connection on versionchange, so a "blocked" deletion still completes
    request.onerror = () => reject(request.error ?? new Error('the imported reference data could not be erased'));
  });
}
