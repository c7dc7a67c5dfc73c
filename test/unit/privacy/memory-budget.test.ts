import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkMemoryBudget, memoryRoom, sniffLoadKind, PEAK_BYTES_PER_INPUT_BYTE, WASM_LIMIT_BYTES } from '../../../src/browser/memory-budget.ts';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

describe('memory budget for a file load', () => {
  it('allows half of the device memory, never more than the 4 GiB of WebAssembly, minus what is loaded', () => {
    expect(memoryRoom({ deviceGiB: 16, engineBytes: 0 })).toEqual({ bytes: WASM_LIMIT_BYTES, limitedBy: 'wasm', ceilingBytes: 4 * GiB });
    expect(memoryRoom({ deviceGiB: 4, engineBytes: 0 })).toEqual({ bytes: 2 * GiB, limitedBy: 'device', ceilingBytes: 2 * GiB });
    expect(memoryRoom({ deviceGiB: 4, engineBytes: 500 * MiB }).bytes).toBe(2 * GiB - 500 * MiB);
    expect(memoryRoom({ deviceGiB: 2, engineBytes: 3 * GiB }).bytes).toBe(0);
    // a browser that does not tell (Firefox, Safari): the WebAssembly limit
    expect(memoryRoom({ deviceGiB: null, engineBytes: 0 })).toEqual({ bytes: 4 * GiB, limitedBy: 'wasm', ceilingBytes: 4 * GiB });
  });

  it('takes the measured peak per input byte of the file’s kind', () => {
    const facts = { deviceGiB: 16, engineBytes: 256 * MiB };
    const room = 4 * GiB - 256 * MiB;
    const largestCsv = Math.floor(room / PEAK_BYTES_PER_INPUT_BYTE.csv);
    expect(checkMemoryBudget(largestCsv, 'csv', facts).fits).toBe(true);
    expect(checkMemoryBudget(largestCsv + 1, 'csv', facts).fits).toBe(false);
    // a year of claims as a CSV export (1M lines ≈ 208 MB) fits on a fresh page; the same bytes of X12 do not
    expect(checkMemoryBudget(208e6, 'csv', { deviceGiB: 8, engineBytes: 100 * MiB }).fits).toBe(true);
    expect(checkMemoryBudget(208e6, 'x12', { deviceGiB: 8, engineBytes: 100 * MiB }).fits).toBe(false);
  });

  it('counts what is already loaded: a file that fits a fresh page is refused beside 3 GB of data', () => {
    const size = 200 * MiB;
    expect(checkMemoryBudget(size, 'csv', { deviceGiB: 16, engineBytes: 0 }).fits).toBe(true);
    const verdict = checkMemoryBudget(size, 'csv', { deviceGiB: 16, engineBytes: 3 * GiB });
    expect(verdict.fits).toBe(false);
    if (verdict.fits) return;
    expect(verdict.needBytes).toBe(size * PEAK_BYTES_PER_INPUT_BYTE.csv);
    expect(verdict.message).toContain('the file is 200 MB');
    expect(verdict.message).toContain('about 12 times its size in memory (2.3 GB)');
    expect(verdict.message).toContain('Denial Lens can use 4.0 GB (the 4 GB that DuckDB-WASM can address; 3.0 GB of it in use already)');
    expect(verdict.message).toContain('The file was not read.');
  });

  it('names the limit that binds', () => {
    const small = checkMemoryBudget(300 * MiB, 'x12', { deviceGiB: 4, engineBytes: 0 });
    expect(small.fits).toBe(false);
    if (!small.fits) expect(small.message).toContain('Denial Lens can use 2.0 GB (half of this computer’s 4 GB)');
    const unknown = checkMemoryBudget(GiB, 'csv', { deviceGiB: null, engineBytes: 0 });
    expect(unknown.fits).toBe(false);
    if (!unknown.fits) expect(unknown.message).toContain('(the 4 GB that DuckDB-WASM can address)');
  });

  it('tells X12 from CSV by the first bytes, as the loader does; unreadable files cost as a CSV', async () => {
    expect(await sniffLoadKind(new File([readFileSync('sample-data/835/anthem-blue-cross-2025-10.835')], 'a.txt'))).toBe('x12');
    expect(await sniffLoadKind(new File([readFileSync('sample-data/claims-export-2025-10_2026-09.csv')], 'a.835'))).toBe('csv');
    expect(await sniffLoadKind(new File([new Uint8Array(1000)], 'zeros.csv'))).toBe('csv');
    expect(await sniffLoadKind(new File([], 'empty.csv'))).toBe('csv');
  });
});
