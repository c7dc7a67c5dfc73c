import { engine } from '../engine-instance.ts';
import { MAX_FILE_BYTES } from '../../worker/protocol.ts';
import type { ReferenceFileOutcome, ReferenceImportFile, ReferenceKind } from '../../engine/reference/import-reference.ts';
import type { ReleaseName } from '../../engine/reference/icd10cm/releases.ts';
import { listReferenceFiles, updateReferenceFiles } from '../../browser/reference-store.ts';
import { storagePlan } from './storage-plan.ts';
import { messageOf } from '../../engine/message-of.ts';

export interface ImportReport {
  outcomes: ReferenceFileOutcome[];
  /** Set when the files were imported but could not be kept for the next start. */
  keepProblem?: string;
}

/**
 * Imports official files into the engine (which re-classifies), then keeps in this browser the
 * ones that changed the reference, so that the worker imports them again at the next start.
 */
export async function importAndKeep(kind: ReferenceKind, files: readonly File[], release?: ReleaseName): Promise<ImportReport> {
  const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
  if (tooBig) throw new Error(`${tooBig.name} is ${Math.round(tooBig.size / 2 ** 20)} MB; this browser can import files up to ${MAX_FILE_BYTES / 2 ** 20} MB`);
  const input: ReferenceImportFile[] = await Promise.all(
    files.map(async (f) => ({ kind, name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), ...(release ? { release } : {}) })),
  );
  const outcomes = await engine.call('importReference', input);
  try {
    const plan = storagePlan(await listReferenceFiles(), input, outcomes, new Date().toISOString());
    if (plan.add.length > 0 || plan.removeIds.length > 0) await updateReferenceFiles(plan.add, plan.removeIds);
    return { outcomes };
  } catch (error) {
    return { outcomes, keepProblem: messageOf(error) };
  }
}
