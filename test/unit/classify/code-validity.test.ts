import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import { csvFile, openTestEngine } from '../helpers.ts';
import { denied, exportCsv } from './export-builder.ts';

/**
 * Reference findings on denied lines, read from the findings table (not the final category,
 * whose precedence is decided elsewhere). Codes and their lines are from the official FY2027
 * order file, icd10cm/fy2027/icd10cm-order-2027.zip:icd10cm-order-2027.txt ("order line N"),
 * and the FY2027 order addenda (icd10cm/fy2027/icd10cm-order-addenda-2027.txt). FY2027 is in
 * force for dates of service 2026-10-01 .. 2027-09-30.
 */
const FY2027 = '2026-10-05';

interface Finding {
  claim_id: string;
  category: string | null;
  text: string;
  codes: string[];
  fix: string | null;
  rank: number;
}

let engine: Engine;
let findings: Finding[];
const of = (claim: string) => findings.filter((f) => f.claim_id === claim).map(({ claim_id: _, ...f }) => f);

beforeAll(async () => {
  engine = await openTestEngine();
  const line = (claim: string, dx: string[], dos = FY2027) => denied('CO-11', { claim, dos, cpt: '99213', dx });
  await engine.loadFiles([
    csvFile(
      'code-validity.csv',
      exportCsv([
        line('UNSPEC-SIBLINGS', ['M25.569']),
        line('UNSPEC-UP', ['S82.101A']),
        line('UNSPEC-NONE', ['R69']),
        line('HEADER-WAS-BILLABLE', ['M54.5']),
        line('HEADER-FY2027', ['D69.1']),
        line('HEADER-CATEGORY', ['E11']),
        line('NO-7TH', ['S93.401']),
        line('NO-X-HEADER', ['T81.40']),
        line('NO-X-CATEGORY', ['W19']),
        line('NO-X-INVALID', ['S09.90A']),
        line('EXTRA-CHAR', ['I10X']),
        line('NOT-A-CODE', ['ZZZ99']),
        line('DELETED-FY2027', ['S23.420A']),
        line('VALID', ['I10']),
        line('NO-RELEASE', ['M54.50'], '2027-10-05'),
      ]),
    ),
  ]);
  findings = await engine.db.query<Finding>(sql`
    SELECT al.claim_id, f.category, f.text, f.codes, f.fix, f.rank
    FROM findings f JOIN analysis_lines al USING (line_id)
    WHERE f.source = 'reference' ORDER BY al.claim_id, f.text`);
}, 120_000);

describe('unspecified diagnoses (reference findings)', () => {
  it('names the billable siblings under the same parent: M25.569 -> M25.561, M25.562 (order lines 19140-19142)', () => {
    expect(of('UNSPEC-SIBLINGS')).toEqual([
      {
        category: 'unspecified',
        text: `M25.569 (Pain in unspecified knee) is an unspecified code (side not given); more specific codes on ${FY2027}: M25.561 or M25.562`,
        codes: ['M25.569'],
        fix: 'Rebill with M25.561/M25.562 (whichever the documentation supports) instead of M25.569, stating the side.',
        rank: 3,
      },
    ]);
  });

  it('looks one level up when every sibling is unspecified too: S82.101A -> the specific S82.1 fractures', () => {
    // Order lines 62290-62896: all of S82.10 is "unspecified fracture of upper end of tibia"; the
    // billable S82.1 codes with 7th character A not saying "unspecified" are 24 (hand count:
    // S82.111A, S82.112A, S82.114A, S82.115A, S82.121A ... S82.191A, S82.192A), 12 of the right side,
    // the first six of which are listed (same side as S82.101A first, then by code).
    const [finding] = of('UNSPEC-UP');
    expect(finding).toMatchObject({ category: 'unspecified', codes: ['S82.101A'], rank: 3 });
    expect(finding.text).toMatch(/^S82\.101A \(.*\) is an unspecified code; /);
    expect(finding.text).toContain(
      `more specific codes on ${FY2027}: S82.111A, S82.114A, S82.121A, S82.124A, S82.131A, S82.134A, … (24 in all)`,
    );
    expect(finding.fix).toBe(
      'Rebill with S82.111A/S82.114A/S82.121A/S82.124A/S82.131A/S82.134A/… (whichever the documentation supports) instead of S82.101A.',
    );
  });

  it('does not flag an unspecified code that is alone in its category (R69, the only code of R69)', () => {
    expect(of('UNSPEC-NONE')).toEqual([]);
  });
});

describe('codes not valid on the date of service (outdated findings)', () => {
  it('lists the billable codes under a header: M54.5 -> M54.50, M54.51, M54.59 (order lines 20121-20124)', () => {
    expect(of('HEADER-WAS-BILLABLE')).toEqual([
      {
        category: 'outdated',
        text: `M54.5 is a header, not billable on ${FY2027} (billable until 2021-09-30); billable codes under it: M54.50, M54.51 or M54.59`,
        codes: ['M54.5'],
        fix: 'Rebill with M54.50/M54.51/M54.59 (whichever the documentation supports) instead of M54.5.',
        rank: 3,
      },
    ]);
  });

  it('knows D69.1 became a header on 2026-10-01 (FY2027 order addenda lines 4-7)', () => {
    expect(of('HEADER-FY2027')).toMatchObject([
      {
        category: 'outdated',
        text: `D69.1 is a header, not billable on ${FY2027} (billable until 2026-09-30); billable codes under it: D69.11 or D69.19`,
      },
    ]);
  });

  it('lists a handful of the billable codes of a category, shortest first, with their number (E11: 87, hand count)', () => {
    expect(of('HEADER-CATEGORY')).toMatchObject([
      {
        category: 'outdated',
        // order lines 4420-4422 (E11.8, E11.9, E11.A), then the 6-character codes E11.00, E11.01, E11.10
        text: `E11 is a header, not billable on ${FY2027}; billable codes under it: E11.8, E11.9, E11.A, E11.00, E11.01, E11.10, … (87 in all)`,
        fix: 'Rebill with E11.8/E11.9/E11.A/E11.00/E11.01/E11.10/… (whichever the documentation supports) instead of E11.',
      },
    ]);
  });

  it('says a 7th character is missing: S93.401 -> S93.401A/D/S (order lines 69836-69839)', () => {
    expect(of('NO-7TH')).toEqual([
      {
        category: 'outdated',
        text: `S93.401 is incomplete on ${FY2027}: it needs a 7th character (S93.401A, S93.401D or S93.401S)`,
        codes: ['S93.401'],
        fix: 'Rebill with S93.401A/S93.401D/S93.401S (whichever the documentation supports) instead of S93.401.',
        rank: 3,
      },
    ]);
  });

  it('says the X placeholder is missing: T81.40 -> T81.40XA/D/S (order lines 83769-83772), W19 -> W19.XXXA/D/S (92228-92231)', () => {
    expect(of('NO-X-HEADER')).toMatchObject([
      { category: 'outdated', text: `T81.40 is incomplete on ${FY2027}: it needs placeholder X and a 7th character (T81.40XA, T81.40XD or T81.40XS)` },
    ]);
    expect(of('NO-X-CATEGORY')).toMatchObject([
      { category: 'outdated', text: `W19 is incomplete on ${FY2027}: it needs placeholder X and a 7th character (W19.XXXA, W19.XXXD or W19.XXXS)` },
    ]);
    // written without its placeholder: S0990A is in no release; S09.90XA is (order line 34286)
    expect(of('NO-X-INVALID')).toEqual([
      {
        category: 'outdated',
        text: `S09.90A is not an ICD-10-CM code on ${FY2027}: placeholder X missing (S09.90XA)`,
        codes: ['S09.90A'],
        fix: 'Rebill with S09.90XA instead of S09.90A.',
        rank: 3,
      },
    ]);
  });

  it('names a close valid code, or says there is none, for a code in no release', () => {
    // I10 is billable (order line 11589); I10X is in no release
    expect(of('EXTRA-CHAR')).toMatchObject([
      { category: 'outdated', text: `I10.X is not an ICD-10-CM code on ${FY2027}: one character too many (I10)`, fix: 'Rebill with I10 instead of I10.X.' },
    ]);
    expect(of('NOT-A-CODE')).toEqual([
      {
        category: 'outdated',
        text: `ZZZ.99 is not an ICD-10-CM code on ${FY2027} (no code of that date is one character away)`,
        codes: ['ZZZ.99'],
        fix: `Replace ZZZ.99 with a code valid on ${FY2027} and submit a corrected claim.`,
        rank: 3,
      },
    ]);
  });

  it('reports the FY2027 deletion of S23.420A (FY2027 order addenda line 170)', () => {
    expect(of('DELETED-FY2027')).toMatchObject([
      { category: 'outdated', text: `S23.420A was deleted 2026-10-01 (not valid on ${FY2027})`, rank: 3 },
    ]);
  });

  it('says nothing about a valid code, and "unknown" only for a date no loaded release covers', () => {
    expect(of('VALID')).toEqual([]);
    expect(of('NO-RELEASE')).toEqual([
      {
        category: null,
        text: 'M54.50 is unknown to the loaded ICD-10-CM reference for 2027-10-05 (import the release for that fiscal year on the Reference page)',
        codes: ['M54.50'],
        fix: null,
        rank: 9,
      },
    ]);
  });

  it('never writes a reference finding without evidence', () => {
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) expect(f.text).toEqual(expect.any(String));
  });
});
