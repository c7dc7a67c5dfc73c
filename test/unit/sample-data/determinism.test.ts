import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSampleData, SAMPLE_SEED } from '../../../sample-data/generator/build.ts';
import { listFiles, SAMPLE_DIR } from './outputs.ts';

describe('sample data generator', () => {
  const first = buildSampleData();

  it('produces byte-identical output from the same seed', () => {
    const second = buildSampleData(SAMPLE_SEED);
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [path, content] of first.files) expect(second.files.get(path) === content, path).toBe(true);
  });

  it('produces different data from another seed', () => {
    const other = buildSampleData(SAMPLE_SEED + 1);
    expect(other.files.get('planted.json')).not.toEqual(first.files.get('planted.json'));
  });

  it('matches the committed files exactly (run `npm run sample-data` after changing the generator)', () => {
    for (const [path, content] of first.files) {
      const onDisk = join(SAMPLE_DIR, path);
      expect(existsSync(onDisk), path).toBe(true);
      expect(readFileSync(onDisk, 'utf8') === content, `${path} differs from a fresh generation`).toBe(true);
    }
    const committedX12 = [...listFiles('837p').map((f) => `837p/${f}`), ...listFiles('835').map((f) => `835/${f}`)];
    expect(committedX12.filter((f) => !first.files.has(f))).toEqual([]);
  });
});
