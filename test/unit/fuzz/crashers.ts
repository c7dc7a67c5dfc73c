/**
 * A failing fuzz case is written to test-results/fuzz/ (ignored by git) so it can
 * be rerun and, once fixed, kept under test/fixtures/fuzz/ as a regression case.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function keepCrasher(name: string, bytes: Uint8Array): string {
  const dir = path.join('test-results', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return `saved as ${file}`;
}
