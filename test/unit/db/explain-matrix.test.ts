import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Sql } from '../../../src/engine/db/sql.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { Filters } from '../../../src/engine/analytics/filters.sql.ts';
import { CLAIM_KEY_RANGE_SQL, type ClaimKeyRange } from '../../../src/engine/analytics/claim-count.sql.ts';
import { FILTER_OPTIONS_SQL, deniedLinesExportSql, deniedLinesSql, kpisSql, monthlyByCategorySql } from '../../../src/engine/analytics/dashboard.sql.ts';
import { kpiMonthsSql, payerCategorySql, payerTrendSql, providerTrendSql, LATER_ADJUDICATIONS_SEEN_SQL } from '../../../src/engine/analytics/review.sql.ts';
import { patternDetailsSql, patternSummarySql } from '../../../src/engine/analytics/patterns.sql.ts';
import {
  CROSSWALK_PROCEDURES_SQL,
  crosswalkEvidenceLinesSql,
  crosswalkPayersSql,
  crosswalkRowsSql,
  crosswalkSummarySql,
} from '../../../src/engine/analytics/crosswalk.sql.ts';
import { claimDiagnosesSql, claimDocumentsSql, claimLinesSql, claimUnansweredSql } from '../../../src/engine/analytics/claim.sql.ts';
import { EXPORT_ADJUDICATIONS_SQL, EXPORT_LINES_SQL, lineDetailSql } from '../../../src/engine/analytics/lines.sql.ts';
import { FILES_SQL, REJECT_GROUPS_SQL, REMITTANCES_SQL, UNBALANCED_SQL, rejectRowsSql, rejectsSql } from '../../../src/engine/analytics/files.sql.ts';
import { REVIEW_MONTHS_SQL } from '../../../src/engine/analytics/partial-months.sql.ts';
import { fileNameSql, repeatsOfFileSql } from '../../../src/engine/ingest/remove-file.sql.ts';
import { frameFingerprintSql, frameStrataSql, frameUnitsSql, sampledLinesSql } from '../../../src/engine/audit/frame.sql.ts';
import type { SampleSpec, StrataBy } from '../../../src/engine/audit/spec.ts';
import { csvFile, openTestEngine } from '../helpers.ts';

/**
 * Every query builder of the screens, the review, the crosswalk and the audit, run through
 * DuckDB's EXPLAIN against the real schema over a matrix of filters: each filter alone, all
 * together, none, and hostile strings in every text filter. Then the hostile names as data:
 * payers and a provider named with quotes, SQL, backslashes, Unicode, % and _ filter to
 * exactly their rows, counted by hand below.
 */
const QUOTES = `O'Brien "Quoted" Health`;
const DROP = `'; DROP TABLE denial_facts; --`;
const BACKSLASH = `Back\\slash \\' Ins`;
const UNICODE = 'Müñoz 医療 “Health” 🙂';
const PERCENT = '100% Care_Plan';
/** matches PERCENT only if % or _ were read as LIKE wildcards */
const DECOY = '100X CareXPlan';
const HOSTILE_PROVIDER = `Dr '; DELETE FROM files; --`;

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const row = (cells: string[]) => cells.map(csvCell).join(',');

// By hand: 9 lines in January 2026, 7 of them denied (nothing paid, CO-11 or CO-16), 2 paid with CO-45.
// QUOTES 2 lines (1 denied), DROP 1 (1), BACKSLASH 1 (0), UNICODE 1 (1), PERCENT 2 (2), DECOY 2 (2).
const EXPORT = csvFile(
  'hostile.csv',
  [
    'Claim ID,DOS,Payer,Rendering Provider,CPT,Dx 1,Dx Pointer,Billed,Paid,Adj Codes,Check Date',
    row(['Q1', '01/05/2026', QUOTES, 'Dr A', '99213', 'J06.9', '1', '100.00', '80.00', 'CO-45 20.00', '01/20/2026']),
    row(['Q2', '01/06/2026', QUOTES, 'Dr A', '71046', 'M25.571', '1', '80.00', '0', 'CO-11 80.00', '01/20/2026']),
    row(['D1', '01/07/2026', DROP, HOSTILE_PROVIDER, '99213', 'J06.9', '1', '100.00', '0', 'CO-16 100.00', '01/20/2026']),
    row(['B1', '01/08/2026', BACKSLASH, 'Dr A', '99214', 'J06.9', '1', '150.00', '120.00', 'CO-45 30.00', '01/20/2026']),
    row(['M1', '01/09/2026', UNICODE, 'Dra. Zoë', '99213', 'J06.9', '1', '100.00', '0', 'CO-11 100.00', '01/20/2026']),
    row(['P%3', '01/12/2026', PERCENT, 'Dr B', '99213', 'J06.9', '1', '100.00', '0', 'CO-16 100.00', '01/20/2026']),
    row(['U_4', '01/13/2026', PERCENT, 'Dr B', '99213', 'J06.9', '1', '100.00', '0', 'CO-16 100.00', '01/20/2026']),
    row(['PX3', '01/14/2026', DECOY, 'Dr B', '99213', 'J06.9', '1', '100.00', '0', 'CO-16 100.00', '01/20/2026']),
    row(['UX4', '01/15/2026', DECOY, 'Dr B', '99213', 'J06.9', '1', '100.00', '0', 'CO-16 100.00', '01/20/2026']),
  ].join('\n'),
);

const HOSTILE = [
  "'",
  "''",
  '"',
  DROP,
  "x' OR '1'='1",
  '\\',
  "\\'",
  'Müñoz 医療 🙂',
  '%',
  '_',
  '%_%',
  '${x}',
  'a\nb',
  'NULL',
  '',
];
/** The hostile strings every text filter is given (the value builders get all of HOSTILE). */
const HOSTILE_FILTERS = ["'", '"', DROP, "x' OR '1'='1", '\\', "\\'", 'Müñoz 医療 🙂', '%', '_', ''];
const MONTH = '2026-01';

const FILTERS: [string, Filters][] = [
  ['no filter', {}],
  ['basis remit', { basis: 'remit' }],
  ['month', { month: MONTH }],
  ['payers', { payers: [QUOTES, PERCENT] }],
  ['providers', { providers: ['Dr A'] }],
  ['categories', { categories: ['mismatch', 'missing_info'] }],
  ['procedures', { procedures: ['99213'] }],
  ['diagnoses', { diagnoses: ['J06.9'] }],
  ['pattern', { pattern: '0123456789abcdef' }],
  [
    'all together',
    { basis: 'remit', month: MONTH, payers: [QUOTES], providers: ['Dr A'], categories: ['mismatch'], procedures: ['71046'], diagnoses: ['M25.571'], pattern: 'x' },
  ],
  ...HOSTILE_FILTERS.flatMap((h): [string, Filters][] => [
    [`payer ${JSON.stringify(h)}`, { payers: [h] }],
    [`provider ${JSON.stringify(h)}`, { providers: [h] }],
    [`category ${JSON.stringify(h)}`, { categories: [h] }],
    [`procedure ${JSON.stringify(h)}`, { procedures: [h] }],
    [`diagnosis ${JSON.stringify(h)}`, { diagnoses: [h] }],
    [`pattern ${JSON.stringify(h)}`, { pattern: h }],
  ]),
];

/** Builders over the filters; the review's need a month, as the review page always gives one. */
const FILTER_BUILDERS: [string, (f: Filters, keys: ClaimKeyRange) => Sql][] = [
  ['monthlyByCategorySql', (f) => monthlyByCategorySql(f)],
  ['kpisSql', (f, k) => kpisSql(f, k)],
  ['deniedLinesSql', (f) => deniedLinesSql(f, { offset: 0, limit: 50, sort: { column: 'payer', direction: 'asc' }, search: 'Q' })],
  ['deniedLinesExportSql', (f) => deniedLinesExportSql(f, { sort: { column: 'billed', direction: 'desc' } })],
  ['payerTrendSql', (f) => payerTrendSql(f)],
  ['payerCategorySql', (f) => payerCategorySql({ month: MONTH, ...f })],
  ['providerTrendSql', (f) => providerTrendSql(f)],
  ['kpiMonthsSql', (f, k) => kpiMonthsSql({ month: MONTH, ...f }, k)],
  ['patternSummarySql', (f) => patternSummarySql({ month: MONTH, ...f })],
  ['patternDetailsSql', (f) => patternDetailsSql({ month: MONTH, ...f }, null)],
  ...(['category', 'payer', 'provider'] as StrataBy[]).map((by): [string, (f: Filters) => Sql] => [`frameStrataSql by ${by}`, (f) => frameStrataSql(spec(f, by, 'claim'))]),
  ['frameUnitsSql', (f) => frameUnitsSql(spec(f, null, 'line'))],
  ['frameFingerprintSql', (f) => frameFingerprintSql(spec(f, 'payer', 'claim'))],
  ['sampledLinesSql', (f) => sampledLinesSql(spec(f, 'category', 'line'), [{ stratum: 'not_denied', pos: 0, draw: 1 }])],
];

const spec = (filters: Filters, by: StrataBy | null, unit: 'claim' | 'line'): SampleSpec => ({
  filters,
  deniedOnly: by !== 'category',
  unit,
  size: 3,
  seed: 42,
  strata: by ? { by, allocation: 'proportional' } : null,
  period: { from: '2026-01-01', to: '2026-01-31' },
});

/** Builders with a value of their own (a procedure, a payer, a name, a key), each given every hostile string. */
const VALUE_BUILDERS: [string, (v: string) => Sql][] = [
  ['crosswalkSummarySql', (v) => crosswalkSummarySql(v)],
  ['crosswalkRowsSql (procedure)', (v) => crosswalkRowsSql(v, [])],
  ['crosswalkRowsSql (payer)', (v) => crosswalkRowsSql('99213', [v])],
  ['crosswalkPayersSql', (v) => crosswalkPayersSql(v)],
  ['crosswalkEvidenceLinesSql', (v) => crosswalkEvidenceLinesSql(v, 10)],
  ['rejectRowsSql', (v) => rejectRowsSql(v, 10)],
  ['repeatsOfFileSql', (v) => repeatsOfFileSql(1, v)],
  ['patternDetailsSql (keys)', (v) => patternDetailsSql({ month: MONTH }, [v, 'k2'])],
  ['deniedLinesSql (search)', (v) => deniedLinesSql({}, { offset: 0, limit: 10, search: v })],
  ['deniedLinesSql (sort column)', (v) => deniedLinesSql({}, { offset: 0, limit: 10, sort: { column: v, direction: 'asc' } })],
  ['sampledLinesSql (stratum)', (v) => sampledLinesSql(spec({}, 'payer', 'claim'), [{ stratum: v, pos: 0, draw: 1 }])],
];

const CONSTANT_AND_ID_BUILDERS: [string, Sql][] = [
  ['FILTER_OPTIONS_SQL', FILTER_OPTIONS_SQL],
  ['LATER_ADJUDICATIONS_SEEN_SQL', LATER_ADJUDICATIONS_SEEN_SQL],
  ['CROSSWALK_PROCEDURES_SQL', CROSSWALK_PROCEDURES_SQL],
  ['REVIEW_MONTHS_SQL', REVIEW_MONTHS_SQL],
  ['FILES_SQL', FILES_SQL],
  ['REJECT_GROUPS_SQL', REJECT_GROUPS_SQL],
  ['REMITTANCES_SQL', REMITTANCES_SQL],
  ['UNBALANCED_SQL', UNBALANCED_SQL],
  ['EXPORT_LINES_SQL', EXPORT_LINES_SQL],
  ['EXPORT_ADJUDICATIONS_SQL', EXPORT_ADJUDICATIONS_SQL],
  ['rejectsSql()', rejectsSql()],
  ['rejectsSql(1)', rejectsSql(1)],
  ['fileNameSql', fileNameSql(1)],
  ['lineDetailSql', lineDetailSql(1)],
  ['claimDocumentsSql', claimDocumentsSql(1)],
  ['claimDiagnosesSql', claimDiagnosesSql(1)],
  ['claimLinesSql', claimLinesSql(1)],
  ['claimUnansweredSql', claimUnansweredSql(1)],
];

let engine: Engine;
let claimKeys: ClaimKeyRange;
const explain = (query: Sql) => engine.db.query(sql`EXPLAIN ${query}`);
const counts = () => engine.db.query(sql`SELECT (SELECT count(*) FROM denial_facts)::INTEGER AS facts, (SELECT count(*) FROM files)::INTEGER AS files`);

beforeAll(async () => {
  engine = await openTestEngine({ reference: false });
  const [loaded] = await engine.loadFiles([EXPORT]);
  expect(loaded).toMatchObject({ status: 'loaded', rowsLoaded: 9, rowsRejected: 0 });
  [claimKeys] = await engine.db.query<ClaimKeyRange>(CLAIM_KEY_RANGE_SQL);
}, 120_000);

describe('every builder through EXPLAIN against the real schema', () => {
  it(`plans ${FILTER_BUILDERS.length} filter builders × ${FILTERS.length} filter sets`, async () => {
    const failures: string[] = [];
    for (const [builder, build] of FILTER_BUILDERS) {
      for (const [label, filters] of FILTERS) {
        try {
          await explain(build(filters, claimKeys));
        } catch (error) {
          failures.push(`${builder} with ${label}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it(`plans ${VALUE_BUILDERS.length} value builders × ${HOSTILE.length} hostile strings, and the constant and id builders`, async () => {
    const failures: string[] = [];
    for (const [builder, build] of VALUE_BUILDERS) {
      for (const value of HOSTILE) {
        try {
          await explain(build(value));
        } catch (error) {
          failures.push(`${builder} with ${JSON.stringify(value)}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    }
    for (const [builder, query] of CONSTANT_AND_ID_BUILDERS) {
      try {
        await explain(query);
      } catch (error) {
        failures.push(`${builder}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('refuses a month that is not YYYY-MM before any SQL is built', () => {
    expect(() => kpisSql({ month: `${MONTH}'; DROP TABLE denial_facts; --` }, claimKeys)).toThrow(/month must be YYYY-MM/);
    expect(() => kpiMonthsSql({ month: "2026-1'" }, claimKeys)).toThrow(/review month/);
  });
});

describe('hostile names come back as data', () => {
  it('filters to exactly the hand-counted lines of each payer and provider', async () => {
    const expected: [string, number, number][] = [
      [QUOTES, 2, 1],
      [DROP, 1, 1],
      [BACKSLASH, 1, 0],
      [UNICODE, 1, 1],
      [PERCENT, 2, 2],
      [DECOY, 2, 2],
    ];
    for (const [payer, lines, denied] of expected) {
      const kpis = await engine.kpis({ payers: [payer] });
      expect({ payer, lines: kpis.lines, denied: kpis.denied_lines }).toEqual({ payer, lines, denied });
      const rows = await engine.deniedLines({ payers: [payer] }, { offset: 0, limit: 50 });
      expect(rows.map((r) => r.payer)).toEqual(Array(denied).fill(payer));
    }
    expect((await engine.kpis({ providers: [HOSTILE_PROVIDER] })).lines).toBe(1);
    expect((await engine.deniedLines({ providers: [HOSTILE_PROVIDER] }, { offset: 0, limit: 5 })).map((r) => r.claim_id)).toEqual(['D1']);
  });

  it('lists the names exactly as loaded, in the filter options, the crosswalk and the audit frame', async () => {
    const options = await engine.filterOptions();
    expect([...options.payers].sort()).toEqual([QUOTES, DROP, BACKSLASH, UNICODE, PERCENT, DECOY].sort());
    expect(options.providers).toContain(HOSTILE_PROVIDER);
    const payers = await engine.crosswalkPayers('99213');
    expect(payers.map((p) => p.payer).sort()).toEqual([QUOTES, DROP, UNICODE, PERCENT, DECOY].sort());
    expect((await engine.crosswalkPayers('99214')).map((p) => p.payer)).toEqual([BACKSLASH]);
    expect((await engine.crosswalk('99213', [DROP])).map((r) => r.dx)).toEqual(['J06.9']);
    const frame = await engine.sampleFrame(spec({ payers: [QUOTES, DROP] }, 'payer', 'line'));
    expect(frame.strata.map((s) => [s.name, s.frameCount]).sort()).toEqual([[DROP, 1], [QUOTES, 1]].sort());
    const review = await engine.reviewKpis({ month: MONTH, payers: [PERCENT] });
    expect(review.current.lines).toBe(2);
  });

  it('searches for % and _ as characters, not LIKE wildcards', async () => {
    const search = async (term: string) => (await engine.deniedLines({}, { offset: 0, limit: 50, search: term })).map((r) => r.claim_id).sort();
    expect(await search('%')).toEqual(['P%3']);
    expect(await search('_')).toEqual(['U_4']);
    expect(await search("'")).toEqual([]);
    expect(await search(DROP)).toEqual([]);
  });

  it('leaves the database as it was', async () => {
    expect(await counts()).toEqual([{ facts: 9, files: 1 }]);
  });
});
