import { createNodeDb } from '../../src/engine/db/node-db.ts';
import { Engine } from '../../src/engine/engine.ts';
import type { InputFile } from '../../src/engine/ingest/load-file.ts';

export async function openTestEngine(): Promise<Engine> {
  return Engine.open(await createNodeDb());
}

export function csvFile(name: string, text: string): InputFile {
  return { name, bytes: new TextEncoder().encode(text) };
}
