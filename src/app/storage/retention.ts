import { asError } from '../../engine/message-of.ts';

/**
 * The one place that decides how long what the user brings is kept in this browser.
 *
 * Off (the default): nothing survives closing the tab. Patient data never goes to disk
 * storage of ours: loaded files stay in the engine's memory, audit worksheets and column
 * mappings live in this tab's sessionStorage (kept across a reload, discarded by the browser
 * with the tab). Imported reference files (public code sets, no patient data) stay in
 * IndexedDB so that a reload imports them again, and are erased at the next start.
 *
 * On ("Keep data on this computer"): loaded files, column mappings, reference imports and
 * audit worksheets are kept in IndexedDB / localStorage until the user erases them.
 *
 * The switch itself is a preference in localStorage, never data: no entry means off.
 */
const SWITCH_KEY = 'denial-lens.keep-data';

export function keepingData(): boolean {
  try {
    return localStorage.getItem(SWITCH_KEY) === 'on';
  } catch {
    return false; // storage disabled: nothing can be kept anyway
  }
}

/** Only keep-data.ts flips the switch: it moves what is stored along with it. */
export function writeKeepingSwitch(on: boolean): void {
  if (on) localStorage.setItem(SWITCH_KEY, 'on');
  else localStorage.removeItem(SWITCH_KEY);
}

/** Where small records (column mappings, audit worksheets when off) go: the computer's or this tab's storage. */
export function recordStorage(keep = keepingData()): Storage {
  return keep ? localStorage : sessionStorage;
}

/** Moves one record key from one storage to the other when the switch changes. */
export function moveRecord(key: string, keep: boolean): void {
  const from = recordStorage(!keep);
  const value = from.getItem(key);
  if (value !== null) recordStorage(keep).setItem(key, value);
  from.removeItem(key);
}

/** sessionStorage throws a DOMException when full: say what to do about it. */
export function storageFull(error: unknown): Error {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new Error('this tab’s storage is full: turn on “Keep data on this computer” to keep it in the browser’s larger storage');
  }
  return asError(error);
}
