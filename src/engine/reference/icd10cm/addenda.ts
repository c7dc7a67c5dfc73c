import { textLines } from '../files/text-lines.ts';

/**
 * CDC/NCHS ICD-10-CM order addenda (icd10cm-order-addenda-YYYY.txt): one record per line,
 * action padded to 13 columns ("Add:", "Delete:", "Revise from:", "Revise to:"), then the
 * order-file flag, a blank and the code. A code turning from billable into a header appears
 * as "Delete: 1 M545" followed by "Add: 0 M545". Summary blocks ("Codes", "N additions")
 * are not records and are skipped.
 */
export interface AddendaRecord {
  action: 'add' | 'delete' | 'revise-from' | 'revise-to';
  billable: boolean;
  code: string;
}

const RECORD = /^(Add|Delete|Revise from|Revise to):\s+([01]) ([0-9A-Z]{3,7})\s/;
const ACTIONS = { Add: 'add', Delete: 'delete', 'Revise from': 'revise-from', 'Revise to': 'revise-to' } as const;

export function parseOrderAddenda(bytes: Uint8Array): AddendaRecord[] {
  const records: AddendaRecord[] = [];
  for (const line of textLines(bytes)) {
    const m = RECORD.exec(line);
    if (m) records.push({ action: ACTIONS[m[1] as keyof typeof ACTIONS], billable: m[2] === '1', code: m[3] });
  }
  return records;
}
