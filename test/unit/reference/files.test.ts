import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textLines } from '../../../src/engine/reference/files/text-lines.ts';
import { readFirstSheet } from '../../../src/engine/reference/files/xlsx.ts';
import { isZip, zipEntries } from '../../../src/engine/reference/files/zip.ts';
import { parseConversionTable } from '../../../src/engine/reference/icd10cm/conversion-table.ts';
import { FIXTURES, HAS_SHARED, SHARED_REFERENCE } from './helpers.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('text lines', () => {
  it('splits CRLF and LF, keeps a last line without an end, across chunk boundaries', () => {
    const text = 'first\r\nsecond\nthird\r\n\r\nlast';
    for (const chunk of [1, 2, 3, 7, 1 << 20]) {
      expect([...textLines(bytes(text), chunk)]).toEqual(['first', 'second', 'third', '', 'last']);
    }
  });

  it('reads Windows-1252 bytes that are not UTF-8 instead of replacing them', () => {
    expect([...textLines(new Uint8Array([0x53, 0x6a, 0xf6, 0x67, 0x72, 0x65, 0x6e, 0x0a]))]).toEqual(['Sjögren']);
    expect([...textLines(bytes('Sjögren\n'))]).toEqual(['Sjögren']);
  });
});

describe('zip reader', () => {
  it('lists members in sub-folders and reads stored and deflated ones', async () => {
    const zip = fixture('members.zip');
    expect(isZip(zip)).toBe(true);
    const entries = zipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['Code Descriptions/', 'Code Descriptions/stored.txt', 'deflated.txt']);
    const decode = async (i: number) => new TextDecoder().decode(await entries[i].read());
    expect(await decode(1)).toBe('stored member\r\nsecond line\r\n');
    expect(await decode(2)).toBe('deflated member '.repeat(200));
  });

  it('refuses a damaged member and a file that is not a zip', async () => {
    const zip = fixture('members.zip');
    const at = Buffer.from(zip).indexOf('second line');
    zip[at] ^= 0xff;
    await expect(zipEntries(zip)[1].read()).rejects.toThrow(/CRC/);
    expect(isZip(bytes('Column 1\tColumn 2'))).toBe(false);
    expect(() => zipEntries(bytes('not a zip at all, just text'))).toThrow(/not a zip/);
  });
});

describe('xlsx reader and CDC conversion tables', () => {
  it('reads shared, rich-text and inline strings, entities, numbers, sparse rows', async () => {
    const rows = await readFirstSheet(fixture('conversion-table.xlsx'));
    expect(rows[0]).toEqual(['A prose note <about> the table']);
    expect(rows[1]).toEqual(['Current code assignment', 'Effective', 'Previous Code(s) Assignment']);
    expect(rows[2]).toEqual(['M54.50', '2021', 'M54.5 ']);
    expect(rows[3]).toEqual([]);
    expect(rows[4]).toEqual(['E11.11', '44197', 'E11.69 and R40.20 & more']);
    expect(rows[5]).toEqual(['', '', 'orphan']);
  });

  it('turns conversion rows into previous -> current facts with effective dates', async () => {
    expect(await parseConversionTable(fixture('conversion-table.xlsx'))).toEqual([
      { effective: '2021-10-01', previousCode: 'M545', currentCode: 'M5450' },
      { effective: '2021-01-01', previousCode: 'E1169', currentCode: 'E1111' },
      { effective: '2021-01-01', previousCode: 'R4020', currentCode: 'E1111' },
    ]);
  });

  it.skipIf(!HAS_SHARED)('reads the real FY2022 CDC conversion table (M54.5 -> M54.50/51/59)', async () => {
    const file = path.join(SHARED_REFERENCE, 'icd10cm/fy2022/ICD-10-CM-Conversion-Table-FY2022-Effective-10-1-2021-updated-08-24-2021.xlsx');
    const rows = await parseConversionTable(new Uint8Array(readFileSync(file)));
    expect(rows.filter((r) => r.previousCode === 'M545')).toEqual([
      { effective: '2021-10-01', previousCode: 'M545', currentCode: 'M5450' },
      { effective: '2021-10-01', previousCode: 'M545', currentCode: 'M5451' },
      { effective: '2021-10-01', previousCode: 'M545', currentCode: 'M5459' },
    ]);
    expect(rows.filter((r) => r.effective === '2021-01-01').map((r) => r.currentCode).sort()).toEqual(['J1282', 'M3581', 'M3589', 'Z1152', 'Z20822', 'Z8616']);
  });
});
