import { describe, expect, it } from 'vitest';
import { describeLoad } from '../../../src/app/components/FileLoader.tsx';

describe('load progress in words', () => {
  it('says which file of the batch, the phase, the file’s share read and the batch’s rows so far', () => {
    expect(
      describeLoad({
        file: 'kaiser-permanente-northern-california-2026-03.835',
        progress: { phase: 'parsing', rowsRead: 1_000, bytesDone: 41_500, bytesTotal: 100_000 },
        batch: { file: 23, files: 95, rowsRead: 1_234_567 },
      }),
    ).toBe('file 23 of 95 · Parsing kaiser-permanente-no…2026-03.835 · 41 % · 1,234,567 rows read in this batch');
  });

  it('a single file: no batch position; classifying: the batch’s rows, no file name', () => {
    expect(
      describeLoad({ file: 'claims.csv', progress: { phase: 'reading', rowsRead: 0, bytesDone: 0, bytesTotal: 10 }, batch: { file: 1, files: 1, rowsRead: 0 } }),
    ).toBe('Reading claims.csv · 0 %');
    expect(
      describeLoad({ file: '', progress: { phase: 'classifying', rowsRead: 0, bytesDone: 0, bytesTotal: 0 }, batch: { file: 3, files: 3, rowsRead: 22_839 } }),
    ).toBe('Classifying denials · 22,839 rows read in this batch');
  });
});
