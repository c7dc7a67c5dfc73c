/**
 * The seeds the fuzz tests mutate: our X12 fixtures, the smallest committed
 * sample files, the head of the sample CSV export, and (when ../shared is there)
 * the public real-world 835 / 837P samples. Files above 64 KB are left out so
 * that thousands of cases stay within the time budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const REAL_SAMPLES = path.join(ROOT, '..', 'shared', 'real-samples');
const MAX_SEED_BYTES = 64 * 1024;
/** Data rows of the sample export used as the CSV seed. */
const CSV_SEED_ROWS = 60;

export const FUZZ_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'fuzz');

function filesIn(dir: string, keep: (name: string) => boolean): Seed[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => keep(name) && statSync(path.join(dir, name)).size <= MAX_SEED_BYTES)
    .sort()
    .map((name) => ({ name: `${path.basename(dir)}/${name}`, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}

function smallestSampleFiles(dir: string, count: number): Seed[] {
  const full = path.join(ROOT, 'sample-data', dir);
  const names = readdirSync(full).sort((a, b) => statSync(path.join(full, a)).size - statSync(path.join(full, b)).size || a.localeCompare(b));
  return names.slice(0, count).map((name) => ({ name: `sample-data/${dir}/${name}`, bytes: new Uint8Array(readFileSync(path.join(full, name))) }));
}

/** Whether the public real samples are present (they are not in the repository). */
export const hasRealSamples = existsSync(REAL_SAMPLES);

export function remitSeeds(): Seed[] {
  return [
    ...filesIn(path.join(ROOT, 'test', 'fixtures', 'x12'), (n) => n.endsWith('.835')),
    ...smallestSampleFiles('835', 4),
    ...filesIn(path.join(REAL_SAMPLES, 'x12-835'), () => true),
  ];
}

export function claimSeeds(): Seed[] {
  const sample837 = smallestSampleFiles('837p', 1)[0];
  return [
    ...filesIn(path.join(ROOT, 'test', 'fixtures', 'x12'), (n) => n.endsWith('.837')),
    // the head of a sample 837P: a truncated file is itself a realistic input
    { name: `${sample837.name} (first 24 KB)`, bytes: sample837.bytes.slice(0, 24 * 1024) },
    ...filesIn(path.join(REAL_SAMPLES, 'x12-837p'), () => true),
  ];
}

export function csvSeeds(): Seed[] {
  const text = readFileSync(path.join(ROOT, 'sample-data', 'claims-export-2025-10_2026-09.csv'), 'utf8');
  const records = text.split('\r\n');
  const head = records.slice(0, CSV_SEED_ROWS + 1).join('\r\n') + '\r\n';
  // a claims-only export (no payment columns) and a remit-only export (no diagnoses), cut from the same rows
  const columns = (keep: (header: string) => boolean) => {
    const rows = records.slice(0, CSV_SEED_ROWS + 1).map((r) => splitQuoted(r));
    const indexes = rows[0].map((h, i) => (keep(h) ? i : -1)).filter((i) => i >= 0);
    return rows.map((r) => indexes.map((i) => r[i]).join(',')).join('\n') + '\n';
  };
  const encode = (s: string) => new TextEncoder().encode(s);
  return [
    { name: 'sample export (head)', bytes: encode(head) },
    { name: 'claims-only export', bytes: encode(columns((h) => !/Paid|Allowed|Adj|Remark|Check/.test(h))) },
    { name: 'remit-only export', bytes: encode(columns((h) => !h.startsWith('Dx'))) },
  ];
}

/** Fields of one record with their quotes kept (the sample quotes only names, without line breaks). */
function splitQuoted(record: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    if (record[i] === '"') quoted = !quoted;
    else if (record[i] === ',' && !quoted) {
      out.push(record.slice(start, i));
      start = i + 1;
    }
  }
  out.push(record.slice(start));
  return out;
}
