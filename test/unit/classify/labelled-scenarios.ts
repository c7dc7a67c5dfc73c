import type { Category } from '../../../src/engine/classify/categories.ts';
import { denied, type TestLine } from './export-builder.ts';

/**
 * Hand-labelled cases for the classifier, each a small claim. `expect` is the
 * category a billing manager should see for the line (or 'paid' when the line
 * is not a denial); lines without `expect` are context (e.g. the paid procedure
 * next to a denied E/M). Labels follow README "How a line is classified".
 */
export type Expected = Category | 'paid';
export interface Scenario {
  name: string;
  lines: (TestLine & { expect?: Expected })[];
}

type Build = (claim: string) => Scenario['lines'];
const s = (name: string, build: Build) => ({ name, build });

export const SCENARIOS = [
  // outdated
  s('deleted dx, payer CO-146', (c) => [{ ...denied('CO-146', { claim: c, cpt: '99213', dx: ['M54.5'] }), expect: 'outdated' }]),
  s('deleted dx refines vague CO-16 + M76', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99213', dx: ['M54.5'], remarks: ['M76'] }), expect: 'outdated' }]),
  s('deleted dx refines CO-11', (c) => [{ ...denied('CO-11', { claim: c, cpt: '71046', dx: ['R05'] }), expect: 'outdated' }]),
  s('deleted CPT, payer CO-181', (c) => [{ ...denied('CO-181', { claim: c, cpt: '99442', dx: ['I10'] }), expect: 'outdated' }]),
  s('deleted CPT refines vague CO-16', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99201', dx: ['I10'] }), expect: 'outdated' }]),
  s('authorization is not overridden by a deleted dx', (c) => [{ ...denied('CO-197', { claim: c, cpt: '99213', dx: ['M54.5'] }), expect: 'authorization' }]),
  s('deleted dx overrides non-covered', (c) => [{ ...denied('CO-96', { claim: c, cpt: '99213', dx: ['M54.5'] }), expect: 'outdated' }]),
  s('payer remark N56 on an unstated reason', (c) => [{ ...denied('CO-A1', { claim: c, cpt: '99213', dx: ['I10'], remarks: ['N56'] }), expect: 'outdated' }]),
  // missing modifier
  s('knee X-ray without side, CO-4', (c) => [{ ...denied('CO-4', { claim: c, cpt: '73560', dx: ['M25.561'] }), expect: 'missing_modifier' }]),
  s('E/M + joint injection without 25', (c) => [
    { ...denied('CO-97', { claim: c, cpt: '99214', dx: ['M17.11'], remarks: ['M15'] }), expect: 'missing_modifier' },
    { claim: c, cpt: '20610', mods: ['RT'], dx: ['M17.11'], billed: 200, paid: 120, adj: 'CO-45 80.00' },
  ]),
  // 96372 has no global period (XXX in every CMS PPRRVU release, e.g. RVU25D): no modifier is needed, the payer's bundling stands
  s('E/M + therapeutic injection without 25 is bundling', (c) => [
    { ...denied('CO-234', { claim: c, cpt: '99213', dx: ['J45.909'] }), expect: 'bundling' },
    { claim: c, cpt: '96372', dx: ['J45.909'], billed: 50, paid: 30, adj: 'CO-45 20.00' },
  ]),
  s('E/M + lab is bundling, 25 is not the fix', (c) => [
    { ...denied('CO-97', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'bundling' },
    { claim: c, cpt: '85025', dx: ['I10'], billed: 30, paid: 20, adj: 'CO-45 10.00' },
  ]),
  s('E/M with 25 bundled anyway', (c) => [
    { ...denied('CO-97', { claim: c, cpt: '99214', mods: ['25'], dx: ['M17.11'] }), expect: 'bundling' },
    { claim: c, cpt: '20610', mods: ['RT'], dx: ['M17.11'], billed: 200, paid: 120, adj: 'CO-45 80.00' },
  ]),
  s('NCCI denial CO-236 of a pair without 59/X', (c) => [
    { ...denied('CO-236', { claim: c, cpt: '97140', dx: ['M54.50'] }), expect: 'missing_modifier' },
    { claim: c, cpt: '97530', dx: ['M54.50'], billed: 90, paid: 60, adj: 'CO-45 30.00' },
  ]),
  s('NCCI denial CO-236 although XS was billed', (c) => [
    { ...denied('CO-236', { claim: c, cpt: '97140', mods: ['XS'], dx: ['M54.50'] }), expect: 'bundling' },
    { claim: c, cpt: '97530', dx: ['M54.50'], billed: 90, paid: 60, adj: 'CO-45 30.00' },
  ]),
  s('ankle X-ray without side refines CO-16', (c) => [{ ...denied('CO-16', { claim: c, cpt: '73610', dx: ['M25.571'] }), expect: 'missing_modifier' }]),
  s('modifier invalid on DOS, CO-182', (c) => [{ ...denied('CO-182', { claim: c, cpt: '20610', mods: ['RT'], dx: ['M17.11'] }), expect: 'missing_modifier' }]),
  s('missing modifier beats unspecified', (c) => [{ ...denied('CO-4', { claim: c, cpt: '99213', dx: ['M25.569'] }), expect: 'missing_modifier' }]),
  s('payer remark N822', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99213', dx: ['I10'], remarks: ['N822'] }), expect: 'missing_modifier' }]),
  // unspecified
  s('unspecified knee, CO-16 + M76', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99213', dx: ['M25.569'], remarks: ['M76'] }), expect: 'unspecified' }]),
  s('unspecified knee refines CO-11', (c) => [{ ...denied('CO-11', { claim: c, cpt: '73721', dx: ['M25.569'] }), expect: 'unspecified' }]),
  s('unspecified leg refines CO-16', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99213', dx: ['M79.606'] }), expect: 'unspecified' }]),
  s('eligibility is not overridden by an unspecified dx', (c) => [{ ...denied('CO-27', { claim: c, cpt: '99213', dx: ['M25.569'] }), expect: 'eligibility' }]),
  s('payer remark M81 (highest specificity)', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99213', dx: ['I10'], remarks: ['M81'] }), expect: 'unspecified' }]),
  s('unspecified dx does not turn bundling into a coding denial', (c) => [
    { ...denied('CO-97', { claim: c, cpt: '99213', dx: ['M79.606'] }), expect: 'bundling' },
    { claim: c, cpt: '85025', dx: ['M79.606'], billed: 30, paid: 20, adj: 'CO-45 10.00' },
  ]),
  // mismatch
  s('dx inconsistent with procedure, CO-11', (c) => [{ ...denied('CO-11', { claim: c, cpt: '71046', dx: ['I10'] }), expect: 'mismatch' }]),
  s('medical necessity CO-50 + LCD remark', (c) => [{ ...denied('CO-50', { claim: c, cpt: '97110', dx: ['Z00.00'], remarks: ['N115'] }), expect: 'mismatch' }]),
  s('diagnosis not covered, CO-167', (c) => [{ ...denied('CO-167', { claim: c, cpt: '93000', dx: ['Z00.00'] }), expect: 'mismatch' }]),
  s('history: chest X-ray never paid with ankle pain, vague CO-16', (c) => [{ ...denied('CO-16', { claim: c, cpt: '71046', dx: ['M25.571'] }), expect: 'mismatch' }]),
  s('history does not override non-covered', (c) => [{ ...denied('CO-96', { claim: c, cpt: '71046', dx: ['M25.571'] }), expect: 'non_covered' }]),
  s('two payer reasons: coding first by precedence', (c) => [{ claim: c, cpt: '99213', dx: ['I10'], paid: 0, adj: 'CO-11 50.00; CO-197 50.00', expect: 'mismatch' }]),
  // other buckets
  s('coverage ended CO-27', (c) => [{ ...denied('CO-27', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'eligibility' }]),
  s('not our insured CO-31', (c) => [{ ...denied('CO-31', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'eligibility' }]),
  s('wrong payer CO-109', (c) => [{ ...denied('CO-109', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'eligibility' }]),
  s('no authorization CO-197', (c) => [{ ...denied('CO-197', { claim: c, cpt: '73721', dx: ['M17.11'] }), expect: 'authorization' }]),
  s('authorization number invalid CO-15', (c) => [{ ...denied('CO-15', { claim: c, cpt: '73721', dx: ['M17.11'] }), expect: 'authorization' }]),
  s('referral absent CO-288', (c) => [{ ...denied('CO-288', { claim: c, cpt: '99204', dx: ['I10'] }), expect: 'authorization' }]),
  s('duplicate CO-18', (c) => [{ ...denied('CO-18', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'duplicate' }]),
  s('duplicate under OA group', (c) => [{ ...denied('OA-18', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'duplicate' }]),
  s('timely filing CO-29', (c) => [{ ...denied('CO-29', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'timely_filing' }]),
  s('other payer primary CO-22', (c) => [{ ...denied('CO-22', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'cob' }]),
  s('non-covered CO-96', (c) => [{ ...denied('CO-96', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'non_covered' }]),
  s('not in benefit plan CO-204', (c) => [{ ...denied('CO-204', { claim: c, cpt: '97110', dx: ['I10'] }), expect: 'non_covered' }]),
  s('routine exam CO-49', (c) => [{ ...denied('CO-49', { claim: c, cpt: '99396', dx: ['Z00.00'] }), expect: 'non_covered' }]),
  s('patient liable but not covered PR-204', (c) => [{ ...denied('PR-204', { claim: c, cpt: '97110', dx: ['I10'] }), expect: 'non_covered' }]),
  s('unprocessable CO-16 + MA130', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99213', dx: ['I10'], remarks: ['MA130'] }), expect: 'missing_info' }]),
  s('rendering NPI missing CO-16 + N290', (c) => [{ ...denied('CO-16', { claim: c, cpt: '99213', dx: ['I10'], remarks: ['N290'] }), expect: 'missing_info' }]),
  s('attachment required CO-252', (c) => [{ ...denied('CO-252', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'missing_info' }]),
  s('paid 0 for contractual reasons only', (c) => [{ ...denied('CO-45', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'pricing' }]),
  s('paid 0 with no reason', (c) => [{ claim: c, cpt: '99213', dx: ['I10'], paid: 0, expect: 'unknown' }]),
  s('vendor denial code', (c) => [{ ...denied('ADNEOB', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'unknown' }]),
  s('CARC not in the table', (c) => [{ ...denied('CO-999', { claim: c, cpt: '99213', dx: ['I10'] }), expect: 'unknown' }]),
  s('partial denial: bundled part of the charge', (c) => [{ claim: c, cpt: '99213', dx: ['I10'], billed: 200, paid: 100, adj: 'CO-45 40.00; CO-97 60.00', expect: 'bundling' }]),
  s('venipuncture incidental N19', (c) => [
    { ...denied('CO-97', { claim: c, cpt: '36415', dx: ['I10'], remarks: ['N19'] }), expect: 'bundling' },
    { claim: c, cpt: '80053', dx: ['I10'], billed: 60, paid: 40, adj: 'CO-45 20.00' },
  ]),
  // not denials
  s('deductible only', (c) => [{ claim: c, cpt: '99213', dx: ['I10'], paid: 0, adj: 'PR-1 100.00', expect: 'paid' }]),
  s('paid with contractual and coinsurance', (c) => [{ claim: c, cpt: '99213', dx: ['I10'], paid: 60, adj: 'CO-45 25.00; PR-2 15.00', expect: 'paid' }]),
] as const;

/** The practice's own history for the crosswalk: 71046 paid often, with chest and cough diagnoses. */
export function historyLines(): TestLine[] {
  const dx = ['R05.9', 'J18.9', 'R07.9'];
  return Array.from({ length: 12 }, (_, i) => ({
    claim: `HIST-${i + 1}`,
    dos: `2026-0${1 + (i % 6)}-1${i % 9}`,
    cpt: '71046',
    dx: [dx[i % 3]],
    billed: 80,
    paid: 45,
    adj: 'CO-45 35.00',
  }));
}

const VARIANTS = [
  { payer: 'Medicare Part B', provider: 'DOE, JANE', dos: '2026-02-03' },
  { payer: 'Anthem Blue Cross', provider: 'ROE, RICHARD', dos: '2026-05-12' },
  { payer: 'Medi-Cal', provider: 'POE, ANNA', dos: '2026-08-25' },
];

/** Every scenario in three variants (payer, provider, month). */
export function labelledLines(): (TestLine & { expect?: Expected; scenario: string })[] {
  return VARIANTS.flatMap((v, vi) =>
    SCENARIOS.flatMap((sc, si) =>
      sc.build(`L${vi + 1}-${String(si + 1).padStart(2, '0')}`).map((line) => ({ ...v, ...line, scenario: sc.name })),
    ),
  );
}
