import { describe, expect, it } from 'vitest';
import type { ReferenceFileOutcome, ReferenceImportFile } from '../../../src/engine/reference/import-reference.ts';
import { storagePlan } from '../../../src/app/reference/storage-plan.ts';

const bytes = new Uint8Array([1, 2, 3]);
const icdLoaded = (name: string, releases: string[], conversions = 0): ReferenceFileOutcome => ({
  kind: 'icd10cm', name, status: 'loaded', skipped: [], rejected: [],
  loaded: releases.map((release) => ({ file: name, release, fiscalYear: 0, effectiveFrom: '', detectedBy: 'hash', headers: 0, codes: 0, warnings: [] })),
  conversions: Array.from({ length: conversions }, () => ({ file: name, rows: 1 })),
});
const ptp = (name: string, status: 'loaded' | 'rejected', replaced: string[] = []): ReferenceFileOutcome => ({
  kind: 'ncci-ptp', name, status, result: { loaded: status === 'loaded' ? 1 : 0, rejected: [], headerLines: 0, blankLines: 0, replaced },
});
const stored = (id: number, kind: 'icd10cm' | 'ncci-ptp', name: string, releases: string[] = [], conversionTables = 0) => ({ id, kind, name, releases, conversionTables });

describe('which imported files are kept for the next start', () => {
  it('keeps the files that changed the reference, with the release the user chose', () => {
    const files: ReferenceImportFile[] = [
      { kind: 'icd10cm', name: 'a.zip', bytes, release: { fiscalYear: 2025, update: 'april' } },
      { kind: 'icd10cm', name: 'b.zip', bytes },
      { kind: 'ncci-ptp', name: 'bad.txt', bytes },
    ];
    const skipped: ReferenceFileOutcome = { kind: 'icd10cm', name: 'b.zip', status: 'skipped', loaded: [], rejected: [], conversions: [], skipped: [{ file: 'b.zip', reason: 'same' }] };
    const plan = storagePlan([], files, [icdLoaded('a.zip', ['FY2025-APR']), skipped, ptp('bad.txt', 'rejected')], '2026-01-01T00:00:00Z');
    expect(plan).toEqual({
      add: [{ kind: 'icd10cm', name: 'a.zip', bytes, release: { fiscalYear: 2025, update: 'april' }, releases: ['FY2025-APR'], conversionTables: 0, savedAt: '2026-01-01T00:00:00Z' }],
      removeIds: [],
    });
  });

  it('drops kept files that are now redundant: same name, releases all loaded again, PTP versions replaced', () => {
    const kept = [
      stored(1, 'icd10cm', 'a.zip', ['FY2027']),
      stored(2, 'icd10cm', 'old-2027.txt', ['FY2027']),
      stored(3, 'icd10cm', 'both.zip', ['FY2027', 'FY2028']),
      stored(4, 'icd10cm', 'with-table.zip', ['FY2027'], 1),
      stored(5, 'ncci-ptp', 'ccipra-v321r0-f1.zip'),
      stored(6, 'ncci-ptp', 'ccipra-v321r0-f2.txt'),
      stored(7, 'ncci-ptp', 'a.zip'),
    ];
    const files: ReferenceImportFile[] = [
      { kind: 'icd10cm', name: 'a.zip', bytes },
      { kind: 'ncci-ptp', name: 'ccipra-v322r0-f1.zip', bytes },
    ];
    const plan = storagePlan(kept, files, [icdLoaded('a.zip', ['FY2027']), ptp('ccipra-v322r0-f1.zip', 'loaded', ['ccipra-v321r0-f1.zip:ccipra-v321r0-f1.txt'])], 'now');
    expect(plan.add.map((a) => a.name)).toEqual(['a.zip', 'ccipra-v322r0-f1.zip']);
    // kept: 3 still gives FY2028, 4 gives a conversion table, 6 is another part, 7 is a PTP file of the same name
    expect(plan.removeIds).toEqual([1, 2, 5]);
  });

  it('keeps a PFS file with the release it gave, and drops a kept one whose release was loaded again', () => {
    const pfsLoaded: ReferenceFileOutcome = {
      kind: 'pfs', name: 'PPRRVU26_JAN.txt', status: 'loaded',
      result: { release: 'RVU26A', effectiveFrom: '2026-01-01', codes: 1, rows: 1, rejected: [], headerLines: 0, blankLines: 0 },
    };
    const kept = [{ id: 1, kind: 'pfs' as const, name: 'rvu26a.zip', releases: ['RVU26A'], conversionTables: 0 }, { id: 2, kind: 'pfs' as const, name: 'PPRRVU26_APR.txt', releases: ['RVU26B'], conversionTables: 0 }];
    const plan = storagePlan(kept, [{ kind: 'pfs', name: 'PPRRVU26_JAN.txt', bytes }], [pfsLoaded], 'now');
    expect(plan).toEqual({
      add: [{ kind: 'pfs', name: 'PPRRVU26_JAN.txt', bytes, releases: ['RVU26A'], conversionTables: 0, savedAt: 'now' }],
      removeIds: [1],
    });
  });

  it('keeps everything when nothing was loaded', () => {
    const kept = [stored(1, 'icd10cm', 'a.zip', ['FY2027'])];
    const plan = storagePlan(kept, [{ kind: 'ncci-ptp', name: 'x.txt', bytes }], [ptp('x.txt', 'rejected')], 'now');
    expect(plan).toEqual({ add: [], removeIds: [] });
  });
});
