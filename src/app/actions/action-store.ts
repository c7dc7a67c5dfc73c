import { useSyncExternalStore } from 'react';
import type { PatternAction } from '../../engine/actions/actions.ts';
import { keepingData } from '../storage/retention.ts';
import { tabRecords } from '../storage/tab-records.ts';
import { dbExists, deleteDb, transact as inTransaction } from '../../browser/idb.ts';

/**
 * The actions recorded on denial patterns (they name payers and providers, so they are
 * kept like the rest of the practice's data): with "Keep data on this computer" on, one
 * IndexedDB database; off, this tab's sessionStorage (storage/retention.ts). Nothing else
 * stores them: eraseActionData() removes all of them. The page reads them through
 * useActions(), which every change updates.
 */
const DB_NAME = 'denial-lens-actions';
const inTab = tabRecords<PatternAction>('denial-lens.actions');
const STORE = 'actions';
const setup = (db: IDBDatabase) => db.createObjectStore(STORE, { keyPath: 'id' });
const transact = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) =>
  (await inTransaction(DB_NAME, setup, STORE, mode, work)) as T;

/** Every kept action; reading creates no database (after "Erase all data" none of ours exists). */
const keptActions = async () => ((await dbExists(DB_NAME)) ? transact<PatternAction[]>('readonly', (store) => store.getAll()) : []);

/** Newest action date first, then by id. */
export async function listActions(): Promise<PatternAction[]> {
  const all = keepingData() ? await keptActions() : inTab.list();
  return all.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** Adds the actions, replacing any with the same id. */
export async function putActions(actions: readonly PatternAction[]): Promise<void> {
  for (const a of actions) {
    if (keepingData()) await transact('readwrite', (store) => store.put(a));
    else inTab.put(a.id, a);
  }
  await reload();
}

export async function deleteAction(id: string): Promise<void> {
  if (keepingData()) await transact('readwrite', (store) => store.delete(id));
  else inTab.delete(id);
  await reload();
}

/** The switch was turned on (keep) or off: the actions move to where it now says. */
export async function moveActionData(keep: boolean): Promise<void> {
  if (keep) {
    for (const a of inTab.list()) await transact('readwrite', (store) => store.put(a));
    inTab.clear();
  } else {
    for (const a of await keptActions()) inTab.put(a.id, a);
    await deleteDb(DB_NAME);
  }
}

/** Removes every recorded action from this browser. */
export async function eraseActionData(): Promise<void> {
  inTab.clear();
  await deleteDb(DB_NAME);
}

// what the page shows: one list, read once and after every change
let current: PatternAction[] = [];
let state: { actions: PatternAction[]; error: string | null; loaded: boolean } = { actions: current, error: null, loaded: false };
const listeners = new Set<() => void>();
let started = false;

async function reload(): Promise<void> {
  try {
    current = await listActions();
    state = { actions: current, error: null, loaded: true };
  } catch (error) {
    state = { actions: current, error: error instanceof Error ? error.message : String(error), loaded: true };
  }
  for (const l of listeners) l();
}

/** The recorded actions (newest first), whether they have been read yet, and why they could not be. */
export function useActions() {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      if (!started) {
        started = true;
        void reload();
      }
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
