/**
 * `npm run -s labels`: per-label n / precision / recall of the classifier on the
 * synthetic corpus and on the hand-labelled lines of the public 835s (when
 * ../shared/real-samples is present), with the lines it gets wrong.
 */
import { existsSync } from 'node:fs';
import { openTestEngine } from '../../helpers.ts';
import {
  evaluateCorpus, evaluateRealSamples, formatScores, misclassified, SAMPLES, score, unknownPredictions, type Evaluation,
} from './evaluate.ts';

function report(title: string, e: Evaluation): void {
  const rejected = e.loads.reduce((a, l) => a + l.rowsRejected, 0);
  console.log(formatScores(`${title} (${e.cases.length} labelled lines, rows rejected ${rejected})`, score(e)));
  const foreign = unknownPredictions(e);
  if (foreign.length) console.log(`predicted outside the vocabulary (counted wrong): ${foreign.join(', ')}`);
  if (e.missing.length) console.log(`\nlabelled lines not found in denial_facts:\n  ${e.missing.join('\n  ')}`);
  const wrong = misclassified(e);
  if (wrong.length) console.log(`\nmisclassified:\n  ${wrong.join('\n  ')}`);
  console.log('');
}

report('synthetic corpus', await evaluateCorpus(await openTestEngine()));
if (existsSync(SAMPLES)) report('real samples', await evaluateRealSamples(await openTestEngine()));
else console.log(`real samples: skipped (${SAMPLES} is absent)`);
