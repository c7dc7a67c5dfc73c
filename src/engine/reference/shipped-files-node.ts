import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_REFERENCE_FILES, type ShippedReferenceBytes } from './load-reference.ts';

/** Node only (CLI, tests): the shipped reference files from the repository's public/reference. */
export async function readShippedReferenceFiles(
  dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/reference'),
): Promise<ShippedReferenceBytes> {
  const entries = Object.entries(SHIPPED_REFERENCE_FILES).map(async ([key, name]) => [key, new Uint8Array(await readFile(path.join(dir, name)))]);
  return Object.fromEntries(await Promise.all(entries)) as ShippedReferenceBytes;
}
