import type { HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';
import { moveRecord, recordStorage, storageFull } from './storage/retention.ts';

/**
 * Column mappings the user confirmed, by header signature. Only header names and column
 * positions are stored — never file contents. Kept where the "Keep data on this computer"
 * switch says (storage/retention.ts): this tab, or this computer.
 */
const KEY = 'denial-lens.csv-mappings';

export function rememberedMappings(): Record<string, HeaderMapping> {
  try {
    const stored: unknown = JSON.parse(recordStorage().getItem(KEY) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as Record<string, HeaderMapping>) : {};
  } catch {
    return {};
  }
}

export function rememberMapping(signature: string, mapping: HeaderMapping): void {
  try {
    recordStorage().setItem(KEY, JSON.stringify({ ...rememberedMappings(), [signature]: mapping }));
  } catch (error) {
    throw storageFull(error);
  }
}

/** How many layouts are remembered, and their size in bytes (UTF-16, as the browser counts). */
export function mappingsStored(): { count: number; bytes: number } {
  const raw = recordStorage().getItem(KEY);
  return { count: Object.keys(rememberedMappings()).length, bytes: raw ? 2 * (KEY.length + raw.length) : 0 };
}

/** The switch changed: the remembered mappings follow it. */
export function moveMappings(keep: boolean): void {
  moveRecord(KEY, keep);
}
