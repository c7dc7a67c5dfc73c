import type { HeaderMapping } from '../engine/ingest/csv/header-mapping.ts';

/**
 * Column mappings the user confirmed, by header signature. Only header names and
 * column positions are stored — never file contents.
 */
const KEY = 'denial-lens.csv-mappings';

export function rememberedMappings(): Record<string, HeaderMapping> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, HeaderMapping>;
  } catch {
    return {};
  }
}

export function rememberMapping(signature: string, mapping: HeaderMapping): void {
  localStorage.setItem(KEY, JSON.stringify({ ...rememberedMappings(), [signature]: mapping }));
}
