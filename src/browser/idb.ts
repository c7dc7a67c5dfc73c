/**
 * The few IndexedDB helpers the stores need: open (one object store), one transaction
 * resolved on commit, delete the database, and whether it exists.
 */
export function openDb(name: string, setup: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => setup(request.result);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close(); // never block an erase from another tab
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name} could not be opened`));
  });
}

/** Runs `work` in one transaction and resolves once it is committed (a reload right after keeps it). */
export async function transact<T>(
  name: string,
  setup: (db: IDBDatabase) => void,
  store: string,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await openDb(name, setup);
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = work(tx.objectStore(store));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted (is the disk full?)'));
    });
  } finally {
    db.close();
  }
}

/**
 * Reads must not create an empty database (opening one does): after "Erase all data" the
 * browser shows no database of ours at all.
 */
export async function dbExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === name);
}

export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    // connections elsewhere close on versionchange, so a "blocked" deletion still completes
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name} could not be deleted`));
  });
}
