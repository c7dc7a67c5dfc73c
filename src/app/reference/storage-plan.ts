import type { ReferenceFileOutcome, ReferenceImportFile } from '../../engine/reference/import-reference.ts';
import type { NewStoredReferenceFile, StoredReferenceFile } from '../../browser/reference-store.ts';

/**
 * After an import: which files to keep for the next start, and which kept files are now
 * redundant. A file is kept when it changed the reference (status 'loaded'). A kept file goes
 * when a file of the same kind and name is kept again, when every ICD-10-CM or PFS release it gave
 * was loaded again from another file (and it gave no conversion table), or when its PTP rows
 * were replaced by a later version of the same part.
 */
export function storagePlan(
  stored: readonly Pick<StoredReferenceFile, 'id' | 'kind' | 'name' | 'releases' | 'conversionTables'>[],
  files: readonly ReferenceImportFile[],
  outcomes: readonly ReferenceFileOutcome[],
  savedAt: string,
): { add: NewStoredReferenceFile[]; removeIds: number[] } {
  const add: NewStoredReferenceFile[] = [];
  const reloaded = new Set<string>();
  const replacedSources: string[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.kind === 'ncci-ptp') replacedSources.push(...(outcome.result?.replaced ?? []));
    if (outcome.status !== 'loaded') continue;
    const file = files[i];
    const releases =
      outcome.kind === 'icd10cm' ? outcome.loaded.map((l) => l.release) : outcome.kind === 'pfs' && outcome.result?.release ? [outcome.result.release] : [];
    releases.forEach((r) => reloaded.add(r));
    add.push({
      kind: file.kind,
      name: file.name,
      bytes: file.bytes,
      ...(file.release ? { release: file.release } : {}),
      releases,
      conversionTables: outcome.kind === 'icd10cm' ? outcome.conversions.length : 0,
      savedAt,
    });
  }
  const removeIds = stored
    .filter(
      (s) =>
        add.some((a) => a.kind === s.kind && a.name === s.name) ||
        (s.kind === 'icd10cm' && s.releases.length > 0 && s.conversionTables === 0 && s.releases.every((r) => reloaded.has(r))) ||
        (s.kind === 'pfs' && s.releases.length > 0 && s.releases.every((r) => reloaded.has(r))) ||
        (s.kind === 'ncci-ptp' && replacedSources.some((source) => source === s.name || source.startsWith(`${s.name}:`))),
    )
    .map((s) => s.id);
  return { add, removeIds };
}
