import type { Engine } from '../engine/engine.ts';
import { outcomeProblem } from '../engine/reference/outcome-text.ts';
import { listReferenceFiles } from '../browser/reference-store.ts';
import { messageOf } from '../engine/message-of.ts';

/** What the page is told about the start-up re-import of the user's reference files. */
export interface ReferenceRestore {
  running: boolean;
  /** Names of the saved files, in import order. */
  files: string[];
  /** One sentence per file that did not load again (or why none could be read). */
  problems: string[];
}

/**
 * At start-up, in the engine worker after the shipped reference: import again the files the
 * user imported earlier (reference-store.ts), in their order, so that the reference and the
 * classification are what they were before the reload. Reports before and after; never throws.
 */
export async function restoreImportedReference(engine: Engine, report: (restore: ReferenceRestore) => void): Promise<void> {
  let files: string[] = [];
  try {
    const stored = await listReferenceFiles();
    if (stored.length === 0) return;
    files = stored.map((f) => f.name);
    report({ running: true, files, problems: [] });
    const outcomes = await engine.importReference(
      stored.map(({ kind, name, bytes, release }) => ({ kind, name, bytes, ...(release ? { release } : {}) })),
    );
    report({ running: false, files, problems: outcomes.filter((o) => o.status !== 'loaded').map((o) => `${o.name}: ${outcomeProblem(o)}`) });
  } catch (error) {
    report({ running: false, files, problems: [`the saved reference files could not be imported again: ${messageOf(error)}`] });
  }
}
