import type { HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';
import { moveRecord, recordStorage, storageFull } from './storage/retention.ts';

/**
 * Column mappings the user confirmed, by header signature, with the headers as written and
 * when. Only header names and column positions are stored — never file contents. Kept where
 * the "Keep data on this computer" switch says (storage/retention.ts): this tab, or this computer.
 */
const KEY = 'denial-lens.csv-mappings';

export interface RememberedLayout {
  signature: string;
  /** The headers as the file wrote them (the signature is them normalised). */
  headers: string[];
  mapping: HeaderMapping;
  /** ISO time it was confirmed; null for a mapping stored before this was recorded. */
  savedAt: string | null;
}

type Stored = Record<string, { headers: string[]; mapping: HeaderMapping; savedAt: string | null } | HeaderMapping>;

function readStored(): Stored {
  try {
    const stored: unknown = JSON.parse(recordStorage().getItem(KEY) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as Stored) : {};
  } catch {
    return {};
  }
}

/** Every remembered layout, the latest first. Entries of the first format (a bare mapping) are read too. */
export function rememberedLayouts(): RememberedLayout[] {
  return Object.entries(readStored())
    .map(([signature, entry]) =>
      'mapping' in entry && typeof entry.mapping === 'object'
        ? { signature, headers: entry.headers ?? signature.split('|'), mapping: entry.mapping, savedAt: entry.savedAt ?? null }
        : { signature, headers: signature.split('|'), mapping: entry as HeaderMapping, savedAt: null },
    )
    .sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
}

/** The mappings by signature, as the engine looks them up. */
export function rememberedMappings(): Record<string, HeaderMapping> {
  return Object.fromEntries(rememberedLayouts().map((l) => [l.signature, l.mapping]));
}

function write(stored: Stored): void {
  try {
    recordStorage().setItem(KEY, JSON.stringify(stored));
  } catch (error) {
    throw storageFull(error);
  }
}

export function rememberMapping(signature: string, mapping: HeaderMapping, headers: string[]): void {
  write({ ...readStored(), [signature]: { headers, mapping, savedAt: new Date().toISOString() } });
}

/** Forgets one layout: the next file with these columns is mapped from its header names again. */
export function forgetMapping(signature: string): void {
  const { [signature]: _, ...rest } = readStored();
  write(rest);
}

/** How many layouts are remembered, and their size in bytes (UTF-16, as the browser counts). */
export function mappingsStored(): { count: number; bytes: number } {
  const raw = recordStorage().getItem(KEY);
  return { count: Object.keys(readStored()).length, bytes: raw ? 2 * (KEY.length + raw.length) : 0 };
}

/** The switch changed: the remembered mappings follow it. */
export function moveMappings(keep: boolean): void {
  moveRecord(KEY, keep);
}
