import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listFiles, readCsv, readSampleFile, SAMPLE_DIR } from './outputs.ts';

/**
 * CPT descriptors are AMA copyright: none may appear anywhere in the sample data or its
 * generator. These are words and phrases typical of descriptors for the codes used.
 */
const DESCRIPTOR_WORDS = [
  'office visit', 'office or other outpatient', 'outpatient visit', 'evaluation and management of',
  'radiologic', 'radiological', 'examination, chest', 'views', 'arthrocentesis', 'aspiration',
  'therapeutic exercise', 'therapeutic activities', 'manual therapy', 'neuromuscular', 'venipuncture',
  'metabolic panel', 'blood count', 'hemoglobin', 'lipid panel', 'thyroid stimulating', 'electrocardiogram',
  'echocardiography', 'transthoracic', 'virus vaccine', 'immunization administration', 'magnetic resonance',
  'telephone evaluation', 'medical discussion', 'minutes of medical', 'moderate level', 'straightforward',
];

function generatorSources(): string[] {
  const dir = join(SAMPLE_DIR, 'generator');
  return readdirSync(dir).map((f) => `generator/${f}`);
}

describe('sample data content', () => {
  it('contains no CPT descriptor text (outputs, README, generator source)', () => {
    const files = [
      'claims-export-2025-10_2026-09.csv',
      'planted.json',
      'README.md',
      ...listFiles('837p').map((f) => `837p/${f}`),
      ...listFiles('835').map((f) => `835/${f}`),
      ...generatorSources(),
    ];
    for (const file of files) {
      const text = readSampleFile(file).toLowerCase();
      for (const word of DESCRIPTOR_WORDS) expect(text.includes(word), `"${word}" in ${file}`).toBe(false);
    }
  });

  const zip = join(SAMPLE_DIR, '..', '..', 'shared', 'reference-data', 'icd10cm', 'fy2026', 'icd10cm-Code_Descriptions-2026.zip');

  it.skipIf(!existsSync(zip))('uses ICD-10-CM codes billable in FY2026, except the planted M54.5 header', () => {
    const order = zipMember(readFileSync(zip), 'icd10cm-order-2026.txt').toString('latin1');
    const flags = new Map<string, string>();
    for (const line of order.split('\r\n')) if (line.length > 15) flags.set(line.slice(6, 13).trim(), line[14]);
    const used = new Set(readCsv().rows.flatMap((r) => [r['Dx 1'], r['Dx 2'], r['Dx 3'], r['Dx 4']]).filter(Boolean));
    expect(used.size).toBeGreaterThan(50);
    for (const dx of used) {
      const code = dx.replace('.', '');
      expect(flags.get(code), dx).toBe(code === 'M545' ? '0' : '1');
    }
  });
});

/** One member of a zip file (stored or deflated), found through the central directory. */
function zipMember(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === name) {
      const method = zip.readUInt16LE(at + 10);
      const size = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} not in zip`);
}
