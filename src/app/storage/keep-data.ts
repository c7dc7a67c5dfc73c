import type { FileLoadResult } from '../../engine/ingest/file-load-result.ts';
import type { HeaderMapping } from '../../engine/ingest/csv/header-mapping.ts';
import { listSamples, moveAuditData } from '../audit/audit-store.ts';
import { listActions, moveActionData } from '../actions/action-store.ts';
import { listReferenceFiles } from '../../browser/reference-store.ts';
import { mappingsStored, moveMappings } from '../mapping-memory.ts';
import { eraseKeptFiles, keepFiles, listKeptFiles } from './kept-files.ts';
import { keepingData, writeKeepingSwitch } from './retention.ts';

/** A file the page loaded, with what the engine said about it. */
export interface LoadedFile {
  file: File;
  result: FileLoadResult;
}

/**
 * Turns "Keep data on this computer" on or off; what is stored moves with it. On: the files
 * loaded in this tab are kept, worksheets and mappings move to the computer's storage. Off:
 * the kept files are deleted now (this tab keeps working on what it loaded), worksheets and
 * mappings move to this tab's storage, and the reference imports are left for this tab's
 * reloads and erased at the next start (session-start.ts).
 */
export async function setKeepingData(keep: boolean, loaded: readonly LoadedFile[]): Promise<void> {
  if (keep === keepingData()) return;
  writeKeepingSwitch(keep);
  moveMappings(keep);
  await moveAuditData(keep);
  await moveActionData(keep);
  if (keep) await keepLoadedFiles(loaded);
  else await eraseKeptFiles();
}

/** While the switch is on, every file that loaded is kept (files kept before are skipped by SHA-256). */
export async function keepLoadedFiles(loaded: readonly LoadedFile[]): Promise<void> {
  if (!keepingData()) return;
  await keepFiles(
    loaded
      .filter(({ result }) => result.status === 'loaded' && result.sha256)
      .map(({ file, result }) => ({ file, sha256: result.sha256!, ...(result.mapping ? { mapping: result.mapping } : {}) })),
  );
}

/** The kept files to load again at start-up, in their first load order, each with the mapping it was loaded with. */
export async function keptFilesToLoad(): Promise<{ files: File[]; mappings: (HeaderMapping | null)[] }> {
  if (!keepingData()) return { files: [], mappings: [] };
  const kept = await listKeptFiles();
  return { files: kept.map((k) => k.file), mappings: kept.map((k) => k.mapping ?? null) };
}

export interface StoredAmount {
  count: number;
  bytes: number;
}

export interface StoredSummary {
  keeping: boolean;
  files: StoredAmount;
  auditSamples: StoredAmount;
  actions: StoredAmount;
  referenceFiles: StoredAmount;
  mappings: StoredAmount;
  /** What the browser counts for this site (navigator.storage.estimate), when it tells. */
  browser: { usage: number; quota: number; appFiles: number | null } | null;
}

/** What is stored now, counted by us and by the browser. */
export async function storedSummary(): Promise<StoredSummary> {
  const [kept, samples, actions, reference, estimate] = await Promise.all([
    listKeptFiles(),
    listSamples(),
    listActions(),
    listReferenceFiles(),
    navigator.storage?.estimate?.().catch(() => null) ?? null,
  ]);
  const details = (estimate as (StorageEstimate & { usageDetails?: { caches?: number } }) | null)?.usageDetails;
  return {
    keeping: keepingData(),
    files: { count: kept.length, bytes: sum(kept.map((k) => k.file.size)) },
    auditSamples: { count: samples.length, bytes: sum(samples.map((s) => 2 * JSON.stringify(s).length)) },
    actions: { count: actions.length, bytes: sum(actions.map((a) => 2 * JSON.stringify(a).length)) },
    referenceFiles: { count: reference.length, bytes: sum(reference.map((r) => r.bytes.byteLength)) },
    mappings: mappingsStored(),
    browser: estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, appFiles: details?.caches ?? null } : null,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
