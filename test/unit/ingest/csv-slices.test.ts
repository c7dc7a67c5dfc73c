import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SLICE_BYTES, blobSource, bytesSource } from '../../../src/engine/ingest/byte-source.ts';
import { recordChunks } from '../../../src/engine/ingest/csv/csv-layout.ts';
import { asUtf8 } from '../../../src/engine/ingest/csv/load-csv.ts';
import { sha256Hex } from '../../../src/engine/ingest/sha256.ts';
import { openTestEngine } from '../helpers.ts';
import { sql } from '../../../src/engine/db/sql.ts';

const encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

async function chunksOf(bytes: Uint8Array<ArrayBuffer>, start: number, chunkBytes: number, readAhead: number): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of recordChunks(blobSource(new Blob([bytes])), start, chunkBytes, readAhead)) out.push(new TextDecoder().decode(chunk.bytes));
  return out;
}

describe('a CSV export read slice by slice', () => {
  it('splits only at record ends: not inside quotes, not between the CR and LF of a CRLF', async () => {
    const records = ['a,"x\r\ny",1\r\n', 'b,"say ""hi""\n",2\n', 'c,3\r', 'd,"\r",4\r\n', 'e,5'];
    const bytes = encode(records.join(''));
    // one record per chunk at the smallest sizes, whatever each read looks past its target
    for (const readAhead of [1, 2, 3, 1000]) expect(await chunksOf(bytes, 0, 1, readAhead)).toEqual(records);
    // a target falling inside "x\r\ny" ends that chunk after the record
    expect(await chunksOf(bytes, 0, 5, 1)).toEqual([records[0], records[1], records[2] + records[3], records[4]]);
  });

  it('hashes as Node’s SHA-256 does, across blocks and slices', async () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 8 * 1024 * 1024 + 77]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 131 + 7) & 0xff);
      expect(await sha256Hex(blobSource(new Blob([bytes]))), `${n} bytes`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('loads the same rows from a Blob read in slices as from the whole bytes (BOM, CRLF, line breaks in quotes)', async () => {
    const header = 'Claim #;Acct No;DOS;Payer Name;Rendering Provider;CPT;Mod 1;Dx 1;Dx Pointer;Units;Chg Amt;Alwd Amt;Paid Amt;Adj Codes;Check Date';
    // about 3 MB; so many line breaks in quotes that the records look short and the chunks are the smallest, 1 MiB
    const rows = 16_000;
    const payer = `Anthem${'\r\n'.repeat(20)}Blue; Cross`;
    const provider = `Lee,${'\n'.repeat(20)}Ann`;
    const lines = [header];
    for (let i = 1; i <= rows; i++) {
      lines.push(`C${i};A${i % 97};03/04/2026;"${payer}";"${provider}";99214;25;M54.50;1;1;$100.00;80.00;60.00;"CO-45 20.00; PR-2 20.00";03/20/2026`);
    }
    const bytes = encode(`\uFEFF${lines.join('\r\n')}\r\n`);
    expect(bytes.length).toBeGreaterThan(2.5 * 1024 * 1024);
    const table = async (file: Parameters<Awaited<ReturnType<typeof openTestEngine>>['loadFile']>[0]) => {
      const engine = await openTestEngine({ reference: false });
      let chunks = 0;
      const result = await engine.loadFile(file, { onProgress: (_, p) => (chunks += p.phase === 'reading' ? 1 : 0) });
      const lineRows = await engine.db.query<Record<string, unknown>>(
        sql`SELECT claim_id, payer, provider, procedure, billed::DOUBLE AS billed, paid::DOUBLE AS paid FROM service_lines ORDER BY line_id`,
      );
      const [files] = await engine.db.query<{ sha256: string; size_bytes: number }>(sql`SELECT sha256, size_bytes::DOUBLE AS size_bytes FROM files`);
      return { result, lineRows, files, chunks };
    };
    const whole = await table({ name: 'export.csv', bytes });
    const sliced = await table({ name: 'export.csv', blob: new Blob([bytes]) });
    expect(sliced.result).toMatchObject({ status: 'loaded', rowsRead: rows, rowsLoaded: rows, rowsRejected: 0 });
    expect(sliced.chunks).toBeGreaterThanOrEqual(3);
    expect(sliced.lineRows).toHaveLength(rows);
    // every CRLF is read as LF, inside quotes too, as before reading by slices
    expect(sliced.lineRows[rows - 1]).toEqual({ claim_id: `C${rows}`, payer: `Anthem${'\n'.repeat(20)}Blue; Cross`, provider, procedure: '99214', billed: 100, paid: 60 });
    expect(sliced.lineRows).toEqual(whole.lineRows);
    expect(sliced.files).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size_bytes: bytes.length });
    expect(whole.files).toEqual(sliced.files);
  }, 120_000);

  it('tells UTF-8 from Windows-1252 when a character straddles two slices', async () => {
    // 'é' in UTF-8 is C3 A9: put C3 as the last byte of the first slice, A9 as the first of the next
    const utf8 = new Uint8Array(SLICE_BYTES + 2).fill(0x61);
    utf8.set([0xc3, 0xa9], SLICE_BYTES - 1);
    const warnings: string[] = [];
    const source = blobSource(new Blob([utf8]));
    expect(await asUtf8(source, warnings)).toBe(source);
    expect(warnings).toEqual([]);
    // the same file with 'é' as Windows-1252 (E9) in the second slice is transcoded, and says so
    const cp1252 = new Uint8Array(SLICE_BYTES + 2).fill(0x61);
    cp1252[SLICE_BYTES + 1] = 0xe9;
    const transcoded = await asUtf8(blobSource(new Blob([cp1252])), warnings);
    expect(warnings).toEqual(['the file is not UTF-8: read as Windows-1252 (Excel’s default on Windows)']);
    expect(Array.from(await transcoded.read(SLICE_BYTES + 1, SLICE_BYTES + 3))).toEqual([0xc3, 0xa9]);
  });

  it('reads a source of whole bytes in place', async () => {
    const bytes = encode('abc');
    expect((await bytesSource(bytes).read(1, 3)).buffer).toBe(bytes.buffer);
  });
});
