/**
 * `npm run sample-data`: regenerates every file under sample-data/ (except the
 * generator and the README) from the fixed seed. Stale X12 files are removed.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSampleData } from './build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { files } = buildSampleData();

for (const dir of ['837p', '835']) {
  mkdirSync(join(root, dir), { recursive: true });
  for (const name of readdirSync(join(root, dir))) {
    if (!files.has(`${dir}/${name}`)) rmSync(join(root, dir, name));
  }
}
let bytes = 0;
for (const [path, content] of files) {
  writeFileSync(join(root, path), content);
  bytes += Buffer.byteLength(content);
}
console.log(`wrote ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB, under ${root}`);
