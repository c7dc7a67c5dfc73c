import { readFirstSheet } from '../files/xlsx.ts';
import { ICD10CM_CODE, ICD10CM_CODE_IN_TEXT } from './code.ts';

/**
 * The CDC/NCHS "ICD-10-CM Conversion Table" (xlsx, one per release since FY2016, cumulative):
 * first sheet, a prose note, then the header `Current code assignment | Effective |
 * Previous Code(s) Assignment`; codes with dots. "Effective" is the year whose October 1
 * the code took effect, or an Excel date for mid-year updates (44197 = 2021-01-01).
 * The previous-code cell is free text ("E11.69 and R40.20", "C50.919, C50.929").
 */
export interface Conversion {
  effective: string; // ISO date
  previousCode: string; // no dot
  currentCode: string; // no dot
}

export async function parseConversionTable(bytes: Uint8Array): Promise<Conversion[]> {
  const rows = await readFirstSheet(bytes);
  const header = rows.findIndex((r) => /current code/i.test(r[0] ?? '') && /previous/i.test(r[2] ?? ''));
  if (header < 0) throw new Error('not an ICD-10-CM conversion table (no "Current code assignment … Previous Code(s)" header row)');
  const conversions: Conversion[] = [];
  for (const row of rows.slice(header + 1)) {
    const current = undot(row[0] ?? '');
    const effective = effectiveDate(row[1] ?? '');
    if (!ICD10CM_CODE.test(current) || !effective) continue;
    for (const previous of (row[2] ?? '').toUpperCase().match(ICD10CM_CODE_IN_TEXT) ?? []) {
      conversions.push({ effective, previousCode: undot(previous), currentCode: current });
    }
  }
  if (conversions.length === 0) throw new Error('conversion table has no rows');
  return conversions;
}

function undot(code: string): string {
  return code.trim().toUpperCase().replace('.', '');
}

function effectiveDate(cell: string): string | undefined {
  const value = Number(cell.trim());
  if (!Number.isInteger(value)) return undefined;
  if (value >= 2000 && value < 2100) return `${value}-10-01`;
  if (value > 36000 && value < 80000) {
    // Excel serial day (1900 date system, counted from 1899-12-30).
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}
