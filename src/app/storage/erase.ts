import { eraseAuditData } from '../audit/audit-store.ts';
import { eraseActionData } from '../actions/action-store.ts';
import { eraseReferenceData } from '../../browser/reference-store.ts';
import { APP_CACHE_PREFIX } from '../privacy/app-cache.ts';
import { eraseKeptFiles } from './kept-files.ts';
import { deleteDb } from '../../browser/idb.ts';
import { messageOf } from '../../engine/message-of.ts';

/**
 * Removes everything this site stored in the browser: every IndexedDB database (the stores
 * named here and any other of this origin), the origin private file system, localStorage,
 * this tab's sessionStorage (unless `keepTab`) and every Cache Storage cache except the service
 * worker's copy of the app's own files (no data: see service-worker.ts). The data loaded in the
 * running engine is not storage: the caller reloads the page to drop it.
 */
export async function eraseStoredData({ keepTab = false } = {}): Promise<void> {
  const problems: string[] = [];
  const attempt = async (what: string, work: () => Promise<unknown> | void) => {
    try {
      await work();
    } catch (error) {
      problems.push(`${what}: ${messageOf(error)}`);
    }
  };
  await attempt('kept files', eraseKeptFiles);
  await attempt('audit samples', eraseAuditData);
  await attempt('actions on patterns', eraseActionData);
  await attempt('reference imports', eraseReferenceData);
  await attempt('other IndexedDB databases', async () => {
    for (const { name } of (await indexedDB.databases?.()) ?? []) if (name) await deleteDb(name);
  });
  await attempt('origin private file system', async () => {
    const root = await navigator.storage?.getDirectory?.();
    if (!root) return;
    const names: string[] = [];
    for await (const name of root.keys()) names.push(name);
    for (const name of names) await root.removeEntry(name, { recursive: true });
  });
  await attempt('localStorage', () => localStorage.clear());
  if (!keepTab) await attempt('sessionStorage', () => sessionStorage.clear());
  await attempt('Cache Storage', async () => {
    if (typeof caches === 'undefined') return;
    for (const name of await caches.keys()) if (!name.startsWith(APP_CACHE_PREFIX)) await caches.delete(name);
  });
  if (problems.length) throw new Error(`some stored data could not be erased: ${problems.join('; ')}`);
}
