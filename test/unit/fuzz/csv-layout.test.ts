import { describe, expect, it } from 'vitest';
import { recordChunks, readCsvLayout } from '../../../src/engine/ingest/csv/csv-layout.ts';
import { bytesSource } from '../../../src/engine/ingest/byte-source.ts';
import { proposeMapping, sanitiseMapping } from '../../../src/engine/ingest/csv/header-mapping.ts';
import { detectFormat } from '../../../src/engine/ingest/detect-format.ts';
import { mulberry32, randomInt } from '../../../src/engine/random/prng.ts';
import { csvSeeds } from './corpus.ts';
import { CSV_MUTATIONS, mutate } from './mutate.ts';
import { describeCase } from './check.ts';
import { keepCrasher } from './crashers.ts';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const MAX_MS = 2_000;

/**
 * The JavaScript half of CSV loading (DuckDB does the parsing proper): format
 * detection, layout (delimiter, header), the header mapping, and the
 * record-aligned chunks the file is read in. Chunking must never change what is
 * read: every boundary is a record end outside quotes, and the chunks tile the file,
 * whatever the chunk size and however far past it each read looks.
 */
async function layoutProblems(bytes: Uint8Array, chunkBytes: number, readAhead: number): Promise<string[]> {
  const problems: string[] = [];
  const format = detectFormat(bytes);
  if (format.kind === 'unsupported' && format.reason.length < 10) problems.push('unsupported without a reason');
  const layout = readCsvLayout(bytes);
  if (![',', ';', '\t', '|'].includes(layout.delimiter)) problems.push(`delimiter ${JSON.stringify(layout.delimiter)}`);
  if (layout.dataStart < 0 || layout.dataStart > bytes.length) problems.push(`dataStart ${layout.dataStart} outside the file`);
  if (layout.headerRow < 1) problems.push(`header row ${layout.headerRow}`);
  const proposal = proposeMapping(layout.headers);
  const mapping = sanitiseMapping(proposal.mapping, layout.headers.length);
  for (const [field, index] of Object.entries(mapping)) if (index! >= layout.headers.length) problems.push(`${field} → column ${index} of ${layout.headers.length}`);
  if (proposal.unmapped.length + Object.keys(proposal.mapping).length !== layout.headers.length) problems.push('a header is neither mapped nor unmapped');

  const bounds = [layout.dataStart];
  for await (const chunk of recordChunks(bytesSource(bytes), layout.dataStart, chunkBytes, readAhead)) {
    if (chunk.start !== bounds.at(-1)) problems.push(`chunk at ${chunk.start} after a chunk ending at ${bounds.at(-1)}`);
    bounds.push(chunk.start + chunk.bytes.length);
  }
  if (bounds[0] !== layout.dataStart || bounds.at(-1) !== Math.max(layout.dataStart, bytes.length)) problems.push(`chunks do not tile the file: ${bounds.slice(0, 3)} … ${bounds.at(-1)}`);
  let quoted = false;
  let next = 1;
  for (let i = layout.dataStart; i < bytes.length; i++) {
    if (next < bounds.length - 1 && i === bounds[next]) {
      if (quoted || (bytes[i - 1] !== LF && !(bytes[i - 1] === CR && bytes[i] !== LF))) problems.push(`chunk boundary ${bounds[next]} is not a record end`);
      next++;
    }
    if (bytes[i] === QUOTE) quoted = !quoted;
  }
  for (let k = 1; k < bounds.length; k++) if (bounds[k] <= bounds[k - 1]) problems.push(`boundaries not increasing at ${k}`);
  return problems;
}

describe('CSV layout, mapping and chunking under seeded mutation', () => {
  it('3,200 mutated exports: no exception, chunks are record-aligned and tile the file', async () => {
    const seeds = csvSeeds();
    const random = mulberry32(4180);
    const failures: string[] = [];
    const delimiters = new Set<string>();
    for (let n = 0; n < 3_200; n++) {
      const source = seeds[randomInt(random, seeds.length)];
      const { bytes, names } = mutate(source.bytes, CSV_MUTATIONS, random);
      const chunkBytes = 1 + randomInt(random, 4096);
      const readAhead = 1 + randomInt(random, 64);
      const started = performance.now();
      let problems: string[];
      try {
        problems = await layoutProblems(bytes, chunkBytes, readAhead);
        delimiters.add(readCsvLayout(bytes).delimiter);
      } catch (error) {
        problems = [`threw ${error instanceof Error ? error.stack : String(error)}`];
      }
      if (performance.now() - started > MAX_MS) problems.push(`took ${Math.round(performance.now() - started)} ms`);
      if (problems.length) failures.push(`${describeCase(source, n, names, problems)} → ${keepCrasher(`csv-layout-${n}.csv`, bytes)}`);
    }
    expect(failures).toEqual([]);
    expect([...delimiters].sort()).toEqual(['\t', ',', ';', '|'].sort());
  });
});
