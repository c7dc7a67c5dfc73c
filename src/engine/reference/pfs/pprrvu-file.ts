import Papa from 'papaparse';
import { textLines } from '../files/text-lines.ts';

/**
 * The CMS National Physician Fee Schedule Relative Value File (PPRRVU, inside the quarterly
 * RVUyyX.zip), as CMS publishes it in two layouts:
 * - csv: title lines ("2025 National Physician Fee Schedule Relative Value File January
 *   Release", the AMA notice, "RELEASED 12/23/2024"), two header lines ending with
 *   "HCPCS,MOD,DESCRIPTION,…", then one row per HCPCS + modifier. The columns we read are
 *   located by their header names (STATUS / PCTC IND / GLOB DAYS / BILAT SURG).
 * - txt: "HDR" notice lines, then fixed-width rows: HCPCS 1-5, MOD 6-7, description 8-57,
 *   status 58, PC/TC indicator 103, global days 104-106, then pre/intra/post-op shares
 *   (107-115), multiple-procedure 116 and bilateral-surgery 117 indicators (1-based).
 * Only codes and indicators are kept: descriptions (AMA CPT copyright) are never read out.
 */
export interface PprrvuRow {
  line: number;
  code: string;
  modifier: string;
  globalDays: string;
  bilateral: string;
}

export interface PprrvuFile {
  layout: 'csv' | 'txt';
  /** From the csv title line ("… January Release"), else null. */
  title: { year: number; month: string } | null;
  rows: PprrvuRow[];
  rejected: { line: number; reason: string }[];
  headerLines: number;
  blankLines: number;
}

export const GLOBAL_DAYS = ['000', '010', '090', 'MMM', 'XXX', 'YYY', 'ZZZ'] as const;
const CODE = /^[0-9A-Z]{5}$/;
/** 0-based offsets in a fixed-width row. */
const TXT = { globalDays: 103, bilateral: 116 } as const;
const TITLE = /(\d{4}) National Physician Fee Schedule Relative Value File (January|April|July|October)/i;

export function parsePprrvu(bytes: Uint8Array): PprrvuFile {
  const lines = textLines(bytes);
  const first = lines.next();
  if (first.done) throw new Error('the file is empty');
  const fixedWidth = first.value.startsWith('HDR') || (CODE.test(first.value.slice(0, 5)) && first.value.length > TXT.bilateral);
  return fixedWidth ? parseTxt(first.value, lines) : parseCsv(first.value, lines);
}

function parseTxt(firstLine: string, rest: Iterator<string>): PprrvuFile {
  const file: PprrvuFile = { layout: 'txt', title: null, rows: [], rejected: [], headerLines: 0, blankLines: 0 };
  let lineNumber = 0;
  for (let line: string | undefined = firstLine; line !== undefined; line = next(rest)) {
    lineNumber++;
    if (line.trim() === '') file.blankLines++;
    else if (line.startsWith('HDR')) file.headerLines++;
    else if (line.length <= TXT.bilateral) file.rejected.push({ line: lineNumber, reason: `${line.length} characters: a fixed-width PPRRVU row has at least ${TXT.bilateral + 1}` });
    else addRow(file, lineNumber, line.slice(0, 5), line.slice(5, 7), line.slice(TXT.globalDays, TXT.globalDays + 3), line[TXT.bilateral]);
  }
  return file;
}

function parseCsv(firstLine: string, rest: Iterator<string>): PprrvuFile {
  const file: PprrvuFile = { layout: 'csv', title: null, rows: [], rejected: [], headerLines: 0, blankLines: 0 };
  let lineNumber = 0;
  let previous: string[] = [];
  let columns: { code: number; modifier: number; globalDays: number; bilateral: number } | null = null;
  for (let line: string | undefined = firstLine; line !== undefined; line = next(rest)) {
    lineNumber++;
    const fields = csvFields(line);
    if (!columns) {
      file.headerLines++;
      const title = TITLE.exec(line);
      if (title && !file.title) file.title = { year: Number(title[1]), month: title[2].toLowerCase() };
      if (fields[0] === 'HCPCS' && fields[1] === 'MOD') columns = locateColumns(previous, fields);
      previous = fields;
      continue;
    }
    // CMS ends the file with a row of commas and, some years, a DOS end-of-file byte
    if (fields.every((f) => f === '' || f === '\x1a')) file.blankLines++;
    else if (fields.length <= columns.bilateral) file.rejected.push({ line: lineNumber, reason: `${fields.length} columns: the header has ${columns.bilateral + 1} or more` });
    else addRow(file, lineNumber, fields[columns.code], fields[columns.modifier], fields[columns.globalDays], fields[columns.bilateral]);
  }
  if (!columns) throw new Error('no "HCPCS,MOD,DESCRIPTION" header line: not a CMS PPRRVU file');
  return file;
}

/** Where the indicators are: the first header line names them, the second says which one. */
function locateColumns(top: string[], bottom: string[]) {
  const find = (upper: string, lower: string) => {
    const i = bottom.findIndex((name, j) => name === lower && top[j] === upper);
    if (i < 0) throw new Error(`no "${upper} ${lower}" column in the PPRRVU header`);
    return i;
  };
  return { code: 0, modifier: 1, globalDays: find('GLOB', 'DAYS'), bilateral: find('BILAT', 'SURG') };
}

function addRow(file: PprrvuFile, line: number, rawCode: string, rawModifier: string, rawGlobal: string, rawBilateral: string | undefined): void {
  const code = rawCode.trim().toUpperCase();
  const modifier = rawModifier.trim().toUpperCase();
  const globalDays = rawGlobal.trim().toUpperCase();
  const bilateral = (rawBilateral ?? '').trim();
  const reason = !CODE.test(code)
    ? `HCPCS "${code}" is not a 5-character code`
    : !(GLOBAL_DAYS as readonly string[]).includes(globalDays)
      ? `global days "${globalDays}" is not one of ${GLOBAL_DAYS.join('/')}`
      : !/^[0-9]$/.test(bilateral)
        ? `bilateral-surgery indicator "${bilateral}" is not a digit`
        : null;
  if (reason) file.rejected.push({ line, reason });
  else file.rows.push({ line, code, modifier, globalDays, bilateral });
}

/** One CSV line (CMS quotes descriptions that contain commas). */
function csvFields(line: string): string[] {
  return (Papa.parse<string[]>(line, { delimiter: ',' }).data[0] ?? []).map((field) => field.trim());
}

function next(lines: Iterator<string>): string | undefined {
  const r = lines.next();
  return r.done ? undefined : r.value;
}
