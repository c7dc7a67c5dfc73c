/**
 * The benchmark's input files: the sample generator at a larger scale, written
 * once under bench/out/<seed>-x<scale>/ and reused while the generator is unchanged
 * (a manifest records the seed, scale and what was written).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SAMPLE_LINES, SAMPLE_SEED, buildSampleData } from '../sample-data/generator/build.ts';

export interface BenchInputs {
  dir: string;
  seed: number;
  scale: number;
  /** CSV rows = service lines at first adjudication. */
  lines: number;
  csv: { path: string; bytes: number };
  x12: { paths: string[]; bytes: number; remitBytes: number; claimBytes: number };
}

const MANIFEST = 'manifest.json';

/**
 * Lines per unit of scale at the benchmark's size: 977,333 at scale 43.78 (therapy and
 * imaging grow a little slower than the rest; scale 1 has SAMPLE_LINES).
 */
const LINES_PER_SCALE = 22_324;

/** Scale so the CSV has about `lines` rows (±2 %: the generator's volume is random). */
export function scaleFor(lines: number): number {
  return Math.round((lines / (lines >= 20 * SAMPLE_LINES ? LINES_PER_SCALE : SAMPLE_LINES)) * 100) / 100;
}

export function benchInputs(outRoot: string, lines: number, seed = SAMPLE_SEED): BenchInputs {
  const scale = scaleFor(lines);
  const dir = join(outRoot, `${seed}-x${scale}`);
  const manifestPath = join(dir, MANIFEST);
  if (existsSync(manifestPath)) {
    const cached = JSON.parse(readFileSync(manifestPath, 'utf8')) as BenchInputs;
    if (cached.seed === seed && cached.scale === scale && [cached.csv.path, ...cached.x12.paths].every((p) => existsSync(p))) return cached;
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`generating ~${lines.toLocaleString('en-US')} lines (seed ${seed}, scale ${scale}) under ${dir} …`);
  const { files } = buildSampleData(seed, { scale });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const csvPath = join(dir, [...files.keys()].find((p) => p.endsWith('.csv'))!);
  const x12 = ['837p', '835'].flatMap((sub) => readdirSync(join(dir, sub)).sort().map((f) => join(dir, sub, f)));
  const size = (paths: string[]) => paths.reduce((sum, p) => sum + statSync(p).size, 0);
  const csvText = readFileSync(csvPath, 'utf8');
  const inputs: BenchInputs = {
    dir,
    seed,
    scale,
    lines: countRecords(csvText) - 1,
    csv: { path: csvPath, bytes: statSync(csvPath).size },
    x12: {
      paths: x12,
      bytes: size(x12),
      remitBytes: size(x12.filter((p) => p.endsWith('.835'))),
      claimBytes: size(x12.filter((p) => p.endsWith('.837'))),
    },
  };
  writeFileSync(manifestPath, JSON.stringify(inputs, null, 1));
  return inputs;
}

/** Records of the generator's CSV (CRLF line ends; quoted fields never hold line breaks). */
function countRecords(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
