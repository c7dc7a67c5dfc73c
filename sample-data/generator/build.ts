/**
 * Builds the whole sample data set in memory from one seed: same seed, same bytes.
 * generate.ts writes the result to disk; the tests build it twice and compare.
 */
import { FIRST_DOS, LAST_DOS, generateClaims } from './encounters.ts';
import { monthKey } from './calendar.ts';
import type { Claim, Payment } from './model.ts';
import { createPanel } from './patients.ts';
import { PAYERS } from './practice.ts';
import { remitYear, type RemittanceYear } from './remittance.ts';
import { plantedReport } from './report.ts';
import { createRng } from './rng.ts';
import { write835 } from './write-835.ts';
import { write837p } from './write-837p.ts';
import { writeClaimsCsv } from './write-csv.ts';

export const SAMPLE_SEED = 20251001;

const CSV_PATH = 'claims-export-2025-10_2026-09.csv';

export interface SampleData {
  /** Path relative to sample-data/ → file content. */
  files: Map<string, string>;
  claims: Claim[];
  year: RemittanceYear;
}

/** Lines (CSV rows) of the sample at scale 1: the benchmark picks its scale from it. */
export const SAMPLE_LINES = 22_839;

/**
 * `scale` multiplies the practice's volume (patients and visits per day) for the
 * benchmark; the same seed and scale give the same bytes, and scale 1 is the committed sample.
 */
export function buildSampleData(seed: number = SAMPLE_SEED, options: { scale?: number } = {}): SampleData {
  const scale = options.scale ?? 1;
  const patients = createPanel(createRng(seed, 'patients'), scale);
  const claims = generateClaims(createRng(seed, 'encounters'), patients, scale);
  const year = remitYear(claims, createRng(seed, 'adjudication'));
  const months = serviceMonths();

  const files = new Map<string, string>();
  files.set(CSV_PATH, writeClaimsCsv(year.initial));
  let control = 1000;
  for (const month of months) {
    const monthClaims = claims.filter((c) => monthKey(c.dos) === month);
    files.set(`837p/claims-${month}.837`, write837p(monthClaims, ++control));
  }
  for (const payer of PAYERS) {
    const byMonth = new Map<string, Payment[]>();
    for (const p of year.payments.filter((p) => p.payer === payer)) {
      byMonth.set(monthKey(p.date), [...(byMonth.get(monthKey(p.date)) ?? []), p]);
    }
    for (const [month, payments] of byMonth) files.set(`835/${payer.slug}-${month}.835`, write835(payer, payments, ++control));
  }
  files.set('planted.json', `${JSON.stringify(plantedReport(year, seed, months), null, 2)}\n`);
  return { files, claims, year };
}

function serviceMonths(): string[] {
  const months: string[] = [];
  for (let d = FIRST_DOS; d <= LAST_DOS; d++) if (!months.includes(monthKey(d))) months.push(monthKey(d));
  return months;
}
