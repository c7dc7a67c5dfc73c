/**
 * The classifier against the labelled corpus (scenarios.ts) and the hand-labelled
 * lines of the public 835s (test/fixtures/real-sample-labels.csv; skipped when
 * ../shared is absent). Labels were written before the rules, from the payer's
 * codes and the reference files; this test fails until the classifier reaches
 * precision and recall ≥ 0.95 on every label.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine } from '../../helpers.ts';
import {
  buildCorpus, evaluateCorpus, evaluateRealSamples, failing, formatScores, misclassified, readRealLabels, SAMPLES, score,
  unknownPredictions, type Evaluation,
} from './evaluate.ts';
import { DENIAL_LABELS, NOT_DENIAL_KINDS, type LineLabel } from './labels.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';

const labelsOf = (s: Scenario): LineLabel[] =>
  [...(s.csv ?? []).map((l) => l.label), ...(s.remit?.lines ?? []).map((l) => l.label), s.remit?.label].filter((l): l is LineLabel => !!l);

/** A scenario's content without its name and what a copy would swap (payer, provider, date); labels by their category. */
const content = (s: Scenario) =>
  JSON.stringify(s, (key, value) => (['name', 'payer', 'provider', 'dos'].includes(key) ? undefined : key === 'label' ? value?.expect : value));

describe('the corpus itself', () => {
  const { cases } = buildCorpus();

  it('has ≥ 130 labelled lines in ≥ 85 distinct scenarios, none a copy with other names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(130);
    const labelled = SCENARIOS.filter((s) => labelsOf(s).length > 0);
    expect(labelled.length).toBeGreaterThanOrEqual(85);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
    const seen = new Map<string, string>();
    const copies = SCENARIOS.flatMap((s) => {
      const c = content(s);
      const first = seen.get(c);
      seen.set(c, s.name);
      return first ? [`'${s.name}' repeats '${first}'`] : [];
    });
    expect(copies).toEqual([]);
  });

  it('covers every denial category and every not-denial kind with ≥ 3 distinct scenarios', () => {
    const scenariosWith = (test: (l: LineLabel) => boolean) => SCENARIOS.filter((s) => labelsOf(s).some(test)).length;
    const thin = [
      ...DENIAL_LABELS.filter((d) => scenariosWith((l) => l.expect === d) < 3),
      ...NOT_DENIAL_KINDS.filter((k) => scenariosWith((l) => l.expect === 'not_denied' && l.kind === k) < 3),
    ];
    expect(thin).toEqual([]);
  });

  it('gives every label a reason and a source; not-denied lines say which not-denial reason', () => {
    const bad = cases.filter(({ label: l }) =>
      !l.why.trim() || !l.source.trim() || (l.expect === 'not_denied') !== (l.kind !== undefined));
    expect(bad.map((c) => c.key)).toEqual([]);
  });

  it('has ≥ 40 hand-labelled lines from the public 835s', () => {
    const real = readRealLabels();
    expect(real.length).toBeGreaterThanOrEqual(40);
    expect(real.filter((r) => r.label.expect !== 'not_denied').length).toBeGreaterThanOrEqual(10);
  });
});

function expectScores(title: string, e: Evaluation) {
  const scores = score(e);
  console.log(formatScores(title, scores));
  const wrong = misclassified(e);
  if (wrong.length) console.log(`misclassified (${wrong.length}):\n${wrong.join('\n')}`);
  const foreign = unknownPredictions(e);
  if (foreign.length) console.log(`engine categories outside the vocabulary: ${foreign.join(', ')}`);
  expect(failing(scores)).toEqual([]);
}

describe('classifier on the synthetic corpus', () => {
  let result: Evaluation;
  beforeAll(async () => {
    result = await evaluateCorpus(await openTestEngine());
  }, 120_000);

  it('loads every line: no rejected rows, every labelled line in denial_facts', () => {
    expect(result.loads.map((l) => [l.name, l.status, l.rowsRejected])).toEqual([
      ['corpus-export.csv', 'loaded', 0],
      ['corpus-remit.835', 'loaded', 0],
    ]);
    expect(result.missing).toEqual([]);
  });

  it('has precision and recall ≥ 0.95 for every label', () => {
    expectScores('synthetic corpus', result);
  });
});

describe.skipIf(!existsSync(SAMPLES))('classifier on the hand-labelled lines of ../shared/real-samples', () => {
  let result: Evaluation;
  beforeAll(async () => {
    result = await evaluateRealSamples(await openTestEngine());
  }, 120_000);

  it('finds every labelled line as an initial adjudication', () => {
    expect(result.loads.filter((l) => l.status !== 'loaded').map((l) => l.name)).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('has precision and recall ≥ 0.95 for every label', () => {
    expectScores('real samples', result);
  });
});
