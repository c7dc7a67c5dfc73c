/**
 * Reads the committed sample data for the tests, with readers of their own: the CSV
 * through papaparse, the X12 files through a few lines that follow the ISA's declared
 * separators. Deliberately independent of the generator's model and of the product's
 * parsers, so the tests check the files as a user would load them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const SAMPLE_DIR = fileURLToPath(new URL('../../../sample-data', import.meta.url));
export const CSV_FILE = 'claims-export-2025-10_2026-09.csv';

export type CsvRow = Record<string, string>;

export function readCsvText(): string {
  return readFileSync(join(SAMPLE_DIR, CSV_FILE), 'utf8');
}

export function readCsv(): { header: string[]; rows: CsvRow[] } {
  const parsed = Papa.parse<CsvRow>(readCsvText(), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** '$1,234.56' → 123456 cents; '(12.00)' → -1200. */
export function cents(money: string): number {
  const negative = money.startsWith('(');
  const digits = money.replace(/[$,()]/g, '');
  if (!/^\d+\.\d\d$/.test(digits)) throw new Error(`not money: ${money}`);
  const value = Math.round(Number(digits) * 100);
  return negative ? -value : value;
}

/** 'CO-45 35.00; PR-2 12.00' → [{ group: 'CO', reason: '45', amount: 3500 }, …]. */
export function adjustmentsOf(cell: string): { group: string; reason: string; amount: number }[] {
  if (cell === '') return [];
  return cell.split('; ').map((part) => {
    const m = /^([A-Z]{2})-(\w+) (-?\d+\.\d\d)$/.exec(part);
    if (!m) throw new Error(`bad adjustment ${part}`);
    return { group: m[1], reason: m[2], amount: Math.round(Number(m[3]) * 100) };
  });
}

/** The rule from the domain notes: allowed 0, or paid 0 with no patient share, on a charge above $0.01. */
export function isDenied(row: CsvRow): boolean {
  const patientShare = adjustmentsOf(row['Adj Codes']).filter((a) => a.group === 'PR').reduce((s, a) => s + a.amount, 0);
  const paid = cents(row['Paid Amt']);
  return cents(row['Billed Amt']) > 1 && (cents(row['Allowed Amt']) === 0 || (paid === 0 && patientShare === 0));
}

export function listFiles(dir: string): string[] {
  return readdirSync(join(SAMPLE_DIR, dir)).sort();
}

export function readSampleFile(path: string): string {
  return readFileSync(join(SAMPLE_DIR, path), 'utf8');
}

/** Segments as element arrays, split by the separators the ISA declares. */
export interface X12 {
  component: string;
  segments: string[][];
}

export function readX12(text: string): X12 {
  if (!text.startsWith('ISA')) throw new Error('no ISA');
  const element = text[3];
  const component = text[104];
  const terminator = text[105];
  const segments = text
    .split(terminator)
    .map((s) => s.replace(/^[\r\n]+/, ''))
    .filter((s) => s !== '')
    .map((s) => s.split(element));
  return { component, segments };
}

/** Parses an X12 amount to cents. */
export const amount = (value: string | undefined): number => Math.round(Number(value ?? '0') * 100);

export interface RemitLine {
  procedure: string;
  modifiers: string[];
  charge: number;
  paid: number;
  units: number;
  serviceDate: string | null;
  controlNumber: string | null;
  allowed: number | null;
  adjustments: { group: string; reason: string; amount: number }[];
  remarks: string[];
}

export interface RemitClaim {
  claimId: string;
  status: string;
  charge: number;
  paid: number;
  patientResponsibility: number;
  lines: RemitLine[];
  claimAdjustments: number;
}

export interface RemitTransaction {
  file: string;
  payerId: string;
  trace: string;
  method: string;
  payment: number;
  paymentDate: string;
  claims: RemitClaim[];
  providerAdjustments: { reason: string; reference: string; amount: number }[];
  segmentCount: number;
  declaredSegmentCount: number;
}

/** The 835 transactions of one file, in order. */
export function read835(file: string, text: string): RemitTransaction[] {
  const { component, segments } = readX12(text);
  const out: RemitTransaction[] = [];
  let tx: RemitTransaction | null = null;
  let claim: RemitClaim | null = null;
  let line: RemitLine | null = null;
  let stIndex = 0;
  segments.forEach((seg, i) => {
    const [id, ...e] = seg;
    switch (id) {
      case 'ST':
        stIndex = i;
        tx = { file, payerId: '', trace: '', method: '', payment: 0, paymentDate: '', claims: [], providerAdjustments: [], segmentCount: 0, declaredSegmentCount: 0 };
        break;
      case 'BPR':
        tx!.payment = amount(e[1]);
        tx!.method = e[3];
        tx!.paymentDate = e[15];
        break;
      case 'TRN':
        tx!.trace = e[1];
        break;
      case 'REF':
        if (e[0] === '2U') tx!.payerId = e[1];
        if (e[0] === '6R') line!.controlNumber = e[1];
        break;
      case 'CLP':
        claim = { claimId: e[0], status: e[1], charge: amount(e[2]), paid: amount(e[3]), patientResponsibility: amount(e[4]), lines: [], claimAdjustments: 0 };
        line = null;
        tx!.claims.push(claim);
        break;
      case 'SVC': {
        const [, procedure, ...modifiers] = e[0].split(component);
        line = { procedure, modifiers, charge: amount(e[1]), paid: amount(e[2]), units: e[4] ? Number(e[4]) : 1, serviceDate: null, controlNumber: null, allowed: null, adjustments: [], remarks: [] };
        claim!.lines.push(line);
        break;
      }
      case 'DTM':
        if (e[0] === '472') line!.serviceDate = e[1];
        break;
      case 'CAS':
        for (let k = 1; k < e.length; k += 3) {
          const adj = { group: e[0], reason: e[k], amount: amount(e[k + 1]) };
          if (line) line.adjustments.push(adj);
          else claim!.claimAdjustments += adj.amount;
        }
        break;
      case 'AMT':
        if (e[0] === 'B6') line!.allowed = amount(e[1]);
        break;
      case 'LQ':
        if (e[0] === 'HE') line!.remarks.push(e[1]);
        break;
      case 'PLB':
        for (let k = 2; k < e.length; k += 2) {
          const [reason, reference] = e[k].split(component);
          tx!.providerAdjustments.push({ reason, reference, amount: amount(e[k + 1]) });
        }
        break;
      case 'SE':
        tx!.segmentCount = i - stIndex + 1;
        tx!.declaredSegmentCount = Number(e[0]);
        out.push(tx!);
        tx = null;
        claim = null;
        line = null;
        break;
    }
  });
  return out;
}

export function readAll835(): RemitTransaction[] {
  return listFiles('835').flatMap((f) => read835(f, readSampleFile(`835/${f}`)));
}

export interface BilledLine {
  lineNumber: number;
  procedure: string;
  modifiers: string[];
  charge: number;
  units: number;
  pointers: number[];
  serviceDate: string;
  controlNumber: string;
}

export interface BilledClaim {
  claimId: string;
  payerId: string;
  renderingNpi: string;
  diagnoses: string[];
  charge: number;
  lines: BilledLine[];
}

/** The claims of one 837P file. */
export function read837(text: string): BilledClaim[] {
  const { component, segments } = readX12(text);
  const claims: BilledClaim[] = [];
  let payerId = '';
  let claim: BilledClaim | null = null;
  let line: BilledLine | null = null;
  for (const [id, ...e] of segments) {
    if (id === 'NM1' && e[0] === 'PR') payerId = e[8];
    if (id === 'CLM') {
      claim = { claimId: e[0], payerId, renderingNpi: '', diagnoses: [], charge: amount(e[1]), lines: [] };
      claims.push(claim);
    }
    if (id === 'HI') claim!.diagnoses = e.map((c) => c.split(component)[1]);
    if (id === 'NM1' && e[0] === '82') claim!.renderingNpi = e[8];
    if (id === 'LX') line = { lineNumber: Number(e[0]), procedure: '', modifiers: [], charge: 0, units: 0, pointers: [], serviceDate: '', controlNumber: '' };
    if (id === 'SV1') {
      const [, procedure, ...modifiers] = e[0].split(component);
      Object.assign(line!, { procedure, modifiers, charge: amount(e[1]), units: Number(e[3]), pointers: e[6].split(component).map(Number) });
      claim!.lines.push(line!);
    }
    if (id === 'DTP' && e[0] === '472') line!.serviceDate = e[2];
    if (id === 'REF' && e[0] === '6R') line!.controlNumber = e[1];
  }
  return claims;
}

export function readAll837(): BilledClaim[] {
  return listFiles('837p').flatMap((f) => read837(readSampleFile(`837p/${f}`)));
}

export function readPlanted(): PlantedJson {
  return JSON.parse(readSampleFile('planted.json')) as PlantedJson;
}

export interface PlantedJson {
  planted: {
    id: string;
    category: string;
    totals: { lines: number; denied_lines: number; denied_charges: number };
    by_month: Record<string, { lines: number; denied_lines: number; denied_charges: number; paid_lines: number }>;
  }[];
  recoveries: { claim_id: string; recovered: number; reprocessed: { check: string } }[];
  provider_adjustments: { check: string; reason: string; amount: number }[];
}
