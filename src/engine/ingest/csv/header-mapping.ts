import { CSV_FIELDS, REQUIRED_FIELDS, fieldForHeader, normaliseHeader, type CsvField } from './header-aliases.ts';

/** Canonical field → 0-based column index in the file. */
export type HeaderMapping = Partial<Record<CsvField, number>>;

export interface MappingProposal {
  headers: string[];
  mapping: HeaderMapping;
  /** Required fields no header maps to: the user must map them before the file loads. */
  missing: CsvField[];
  /** Column indexes that map to nothing (shown to the user, ignored on load). */
  unmapped: number[];
  /** Identifies "the same export layout" so a user's mapping is remembered. */
  signature: string;
}

export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

export function proposeMapping(headers: readonly string[]): MappingProposal {
  const mapping: HeaderMapping = {};
  const unmapped: number[] = [];
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
    else unmapped.push(index);
  });
  return {
    headers: [...headers],
    mapping,
    missing: missingFields(mapping),
    unmapped,
    signature: headerSignature(headers),
  };
}

export function missingFields(mapping: HeaderMapping): CsvField[] {
  const has = (f: CsvField) => mapping[f] !== undefined;
  const missing = REQUIRED_FIELDS.filter((f) => !has(f));
  return missing;
}

/** Keeps only known fields with indexes inside the header, so a stale remembered mapping cannot point nowhere. */
export function sanitiseMapping(mapping: HeaderMapping, columnCount: number): HeaderMapping {
  const clean: HeaderMapping = {};
  for (const field of CSV_FIELDS) {
    const index = mapping[field];
    if (index !== undefined && Number.isInteger(index) && index >= 0 && index < columnCount) clean[field] = index;
  }
  return clean;
}
