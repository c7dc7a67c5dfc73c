import type { AuditSample } from '../../engine/audit/sample.ts';
import type { Reviews } from '../../engine/audit/review.ts';
import { keepingData } from '../storage/retention.ts';
import { tabRecords } from '../storage/tab-records.ts';
import { deleteDb, transact as inTransaction } from '../../browser/idb.ts';

/**
 * Everything the audit screens keep in this browser: the drawn samples and the
 * auditor's answers, so that they survive a reload (the loaded claim data does not).
 * Where, the "Keep data on this computer" switch decides (storage/retention.ts): on, one
 * IndexedDB database; off, this tab's sessionStorage (patient data never outlives the tab).
 * Nothing else stores audit data: eraseAuditData() removes all of it.
 */
export interface SavedSample {
  id: string;
  name: string;
  sample: AuditSample;
  reviews: Reviews;
  updatedAt: string;
  /** The confidence level of the results' intervals (0.8, 0.9 or 0.95); 0.9 when absent. */
  confidence?: number;
  /**
   * The files loaded when the sample was drawn, in load order: what to load again to reopen it
   * after a reload (the loaded data does not outlive the page). Absent in samples drawn before
   * they were recorded.
   */
  files?: { name: string; sha256: string }[];
}

const DB_NAME = 'denial-lens-audit';
const inTab = tabRecords<SavedSample>('denial-lens.audit-samples');
const STORE = 'samples';
const setup = (db: IDBDatabase) => db.createObjectStore(STORE, { keyPath: 'id' });
const transact = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) =>
  (await inTransaction(DB_NAME, setup, STORE, mode, work)) as T;

/** Newest draw first. */
export async function listSamples(): Promise<SavedSample[]> {
  const all = keepingData() ? await transact<SavedSample[]>('readonly', (store) => store.getAll()) : inTab.list();
  return all.sort((a, b) => b.sample.drawnAt.localeCompare(a.sample.drawnAt));
}

export async function putSample(saved: SavedSample): Promise<void> {
  if (keepingData()) await transact('readwrite', (store) => store.put(saved));
  else inTab.put(saved.id, saved);
}

export async function deleteSample(id: string): Promise<void> {
  if (keepingData()) await transact('readwrite', (store) => store.delete(id));
  else inTab.delete(id);
}

/** The switch was turned on (keep) or off: the samples move to where it now says. */
export async function moveAuditData(keep: boolean): Promise<void> {
  if (keep) {
    for (const saved of inTab.list()) await transact('readwrite', (store) => store.put(saved));
    inTab.clear();
  } else {
    for (const saved of await transact<SavedSample[]>('readonly', (store) => store.getAll())) inTab.put(saved.id, saved);
    await deleteDb(DB_NAME);
  }
}

/** Removes every saved sample and worksheet answer from this browser. */
export async function eraseAuditData(): Promise<void> {
  inTab.clear();
  await deleteDb(DB_NAME);
}

/** A new sample's id: unique without a secure context (crypto.randomUUID needs one). */
export function newSampleId(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sample-${Date.now().toString(36)}-${random}`;
}
