import { eraseStoredData } from './erase.ts';
import { keepingData } from './retention.ts';

/** Marks in sessionStorage (no data): this tab has started; when it erased everything. */
const SESSION_KEY = 'denial-lens.session';
const ERASED_KEY = 'denial-lens.erased-at';
/** "Erase all data" in one tab empties the app's other open tabs too (a channel never hears its own messages). */
const eraseChannel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('denial-lens.erase');

/**
 * Runs before the engine worker starts (it reads the kept reference files). A tab that starts
 * without the session mark is a new tab: with "Keep data on this computer" off, whatever an
 * earlier tab left (its reference imports, or anything an older version kept) is erased now, so
 * that nothing survives from one tab to the next. A reload keeps the mark (sessionStorage), so
 * it keeps the tab's worksheets and reference imports.
 */
export async function startStorageSession(): Promise<void> {
  if (eraseChannel) eraseChannel.onmessage = () => restartErased();
  try {
    // (a new tab's own sessionStorage is empty, or copied from the tab it duplicates: left alone)
    if (!keepingData() && sessionStorage.getItem(SESSION_KEY) === null) await eraseStoredData({ keepTab: true });
    sessionStorage.setItem(SESSION_KEY, 'started');
  } catch (error) {
    // storage disabled or broken: the app works without it, it just keeps nothing
    console.warn('Denial Lens: browser storage is unavailable', error);
  }
}

/** "Erase all data": everything stored goes, then a new page drops the data loaded in the engine's memory. */
export async function eraseAllAndReload(): Promise<void> {
  await eraseStoredData();
  eraseChannel?.postMessage('erased');
  restartErased();
}

/** A page whose storage was erased (here or in another tab) starts again: its own tab storage goes too, and the data in memory. */
function restartErased(): void {
  sessionStorage.clear();
  sessionStorage.setItem(SESSION_KEY, 'started');
  sessionStorage.setItem(ERASED_KEY, new Date().toLocaleTimeString('en-US'));
  location.reload();
}

/** The time of the erase that led to this page, once. */
export function takeErasedMark(): string | null {
  try {
    const at = sessionStorage.getItem(ERASED_KEY);
    sessionStorage.removeItem(ERASED_KEY);
    return at;
  } catch {
    return null;
  }
}
