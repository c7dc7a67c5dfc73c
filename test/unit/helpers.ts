import { createNodeDb } from '../../src/engine/db/node-db.ts';
import { Engine } from '../../src/engine/engine.ts';
import type { BytesFile } from '../../src/engine/ingest/load-file.ts';
import { readShippedReferenceFiles } from '../../src/engine/reference/shipped-files-node.ts';

/** An engine on a fresh in-memory database; with the shipped reference unless told otherwise. */
export async function openTestEngine(options: { reference?: boolean } = {}): Promise<Engine> {
  return Engine.open(await createNodeDb(), options.reference === false ? undefined : await readShippedReferenceFiles());
}

export function csvFile(name: string, text: string): BytesFile {
  return { name, bytes: new TextEncoder().encode(text) };
}
