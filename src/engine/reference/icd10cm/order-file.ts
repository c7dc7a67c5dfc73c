import { textLines } from '../files/text-lines.ts';
import { ICD10CM_CODE } from './code.ts';

/**
 * The CDC/CMS ICD-10-CM "order" file (icd10cm-order-YYYY.txt / icd10cm_order_YYYY.txt),
 * fixed width, 1-based columns: 1-5 order number, 7-13 code (no dot, space-padded),
 * 15 flag (1 = billable / valid for HIPAA transactions, 0 = header), 17-76 short
 * description, 78-end long description. Layout: CDC "ICD-10-CM Order Files" PDF
 * shipped in every release zip (icd10OrderFiles*.pdf).
 */
export interface OrderRecord {
  code: string;
  billable: boolean;
  shortDesc: string;
  longDesc: string;
}

export interface OrderFileParse {
  records: OrderRecord[];
  rejected: { line: number; reason: string }[];
}

export function parseOrderFile(bytes: Uint8Array): OrderFileParse {
  const records: OrderRecord[] = [];
  const rejected: OrderFileParse['rejected'] = [];
  const seen = new Map<string, number>();
  let lineNumber = 0;
  for (const line of textLines(bytes)) {
    lineNumber++;
    if (line.trim() === '') continue;
    const reason = orderLineProblem(line);
    if (reason) {
      rejected.push({ line: lineNumber, reason });
      continue;
    }
    const code = line.slice(6, 13).trimEnd();
    const first = seen.get(code);
    if (first !== undefined) {
      rejected.push({ line: lineNumber, reason: `duplicate code ${code} (first on line ${first})` });
      continue;
    }
    seen.set(code, lineNumber);
    records.push({
      code,
      billable: line[14] === '1',
      shortDesc: line.slice(16, 76).trim(),
      longDesc: line.slice(77).trim(),
    });
  }
  return { records, rejected };
}

function orderLineProblem(line: string): string | undefined {
  if (line.length < 78) return `line too short for the order-file layout (${line.length} characters, at least 78 expected)`;
  if (!/^\d{5} $/.test(line.slice(0, 6))) return 'columns 1-6: expected a 5-digit order number and a blank';
  const code = line.slice(6, 13).trimEnd();
  if (!ICD10CM_CODE.test(code) || line[13] !== ' ') return `columns 7-14: "${line.slice(6, 14)}" is not an ICD-10-CM code`;
  if ((line[14] !== '0' && line[14] !== '1') || line[15] !== ' ') return `column 15: flag "${line[14]}" is not 0 or 1`;
  return undefined;
}
