import { describe, it, expect, beforeAll } from 'vitest';
import { openTestEngine, csvFile } from '../helpers.ts';
import { exportCsv } from './export-builder.ts';
import { historyLines, labelledLines, type Expected } from './labelled-scenarios.ts';
import { CATEGORY_PRECEDENCE } from '../../../src/engine/classify/categories.ts';

interface Outcome {
  claim_id: string;
  line_number: number;
  denied: boolean;
  category: string | null;
}

const lines = labelledLines();
let predicted: Map<string, Expected>;

beforeAll(async () => {
  const engine = await openTestEngine();
  const [result] = await engine.loadFiles([csvFile('labelled.csv', exportCsv([...historyLines(), ...lines]))]);
  expect(result.rowsRejected).toBe(0);
  const rows = await engine.db.query<Outcome>('SELECT claim_id, line_number, denied, category FROM denial_facts');
  predicted = new Map(rows.map((r) => [`${r.claim_id}#${r.line_number}`, r.denied ? (r.category as Expected) : 'paid']));
});

function labelled() {
  const numbers = new Map<string, number>();
  return lines.flatMap((line) => {
    const n = (numbers.get(line.claim) ?? 0) + 1;
    numbers.set(line.claim, n);
    return line.expect ? [{ key: `${line.claim}#${n}`, expect: line.expect, scenario: line.scenario }] : [];
  });
}

describe('labelled set of denied lines', () => {
  it('has at least 150 denied lines covering every category', () => {
    const denied = labelled().filter((l) => l.expect !== 'paid');
    expect(denied.length).toBeGreaterThanOrEqual(150);
    expect(new Set(denied.map((l) => l.expect))).toEqual(new Set(CATEGORY_PRECEDENCE));
  });

  it('classifies with precision and recall ≥ 0.95 in every category', () => {
    const cases = labelled();
    const report: string[] = [];
    const failures: string[] = [];
    for (const category of [...CATEGORY_PRECEDENCE, 'paid'] as Expected[]) {
      const tp = cases.filter((c) => c.expect === category && predicted.get(c.key) === category).length;
      const predictedN = cases.filter((c) => predicted.get(c.key) === category).length;
      const actualN = cases.filter((c) => c.expect === category).length;
      const precision = predictedN ? tp / predictedN : 1;
      const recall = actualN ? tp / actualN : 1;
      report.push(`${category.padEnd(17)} n=${String(actualN).padStart(3)}  precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}`);
      if (precision < 0.95 || recall < 0.95) failures.push(category);
    }
    console.log(`classifier on ${cases.length} labelled lines:\n${report.join('\n')}`);
    const wrong = cases.filter((c) => predicted.get(c.key) !== c.expect).map((c) => `${c.key} ${c.scenario}: expected ${c.expect}, got ${predicted.get(c.key)}`);
    if (wrong.length) console.log(`misclassified:\n${wrong.join('\n')}`);
    expect(failures).toEqual([]);
  });
});
