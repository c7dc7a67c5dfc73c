import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.ts';
import { CARCS, PAYER_CODE_LISTS, RARCS } from '../../../src/engine/classify/payer-codes.ts';
import { OFFICIAL_RELEASES, releaseKey } from '../../../src/engine/reference/icd10cm/releases.ts';
import { PROCEDURE_CODE_FACTS, PROCEDURE_GROUPS } from '../../../src/engine/reference/procedure-facts.ts';
import type { ReferenceOverview } from '../../../src/engine/reference/overview.ts';
import { csvFile, openTestEngine } from '../helpers.ts';
import { exportCsv } from '../classify/export-builder.ts';

let engine: Engine;
let overview: ReferenceOverview;
beforeAll(async () => {
  engine = await openTestEngine();
  const csv = exportCsv([
    { claim: 'OLD', dos: '2019-05-01', cpt: '99213', dx: ['M54.5'], paid: 80 },
    { claim: 'NEW1', dos: '2025-10-01', cpt: '99213', dx: ['M54.50'], paid: 80 },
    { claim: 'NEW2', dos: '2026-09-30', cpt: '99213', dx: ['M54.50'], paid: 80 },
  ]);
  await engine.loadFiles([csvFile('three-lines.csv', csv)]);
  overview = await engine.referenceOverview();
}, 60_000);

describe('reference overview', () => {
  it('says which fiscal years the loaded lines need and which no release answers for', () => {
    expect(overview.coverage).toEqual([
      { fiscal_year: 2019, lines: 1, first_date: '2019-05-01', last_date: '2019-05-01', uncovered_lines: 1, covered: false, releases: null },
      { fiscal_year: 2026, lines: 2, first_date: '2025-10-01', last_date: '2026-09-30', uncovered_lines: 0, covered: true, releases: ['FY2026'] },
    ]);
    expect(overview.undated_lines).toBe(0);
  });

  it('lists the shipped releases with the code counts of the official files', () => {
    expect(overview.releases.map((r) => r.release)).toEqual(['FY2021', 'FY2021-JAN', 'FY2022', 'FY2022-APR', 'FY2023', 'FY2023-APR', 'FY2024', 'FY2025', 'FY2026', 'FY2027']);
    for (const official of OFFICIAL_RELEASES.filter((r) => r.codes !== null && r.changesCodes)) {
      const row = overview.releases.find((r) => r.release === releaseKey(official));
      expect({ release: row?.release, codes: row?.billable_codes, headers: row?.headers, origin: row?.origin }).toEqual({
        release: releaseKey(official), codes: official.codes, headers: official.headers, origin: 'shipped',
      });
    }
    expect(overview.icd10cm).toMatchObject({ imported_intervals: 0 });
    expect(overview.icd10cm.codes).toBeGreaterThan(98_000);
    expect(overview.ncci).toEqual([]);
  });

  it('shows the procedure starter list as code numbers with the release each cites, and the code groups', () => {
    expect(overview.procedures).toHaveLength(PROCEDURE_CODE_FACTS.length);
    expect(overview.procedures.find((p) => p.code === '99201')).toEqual({
      code: '99201', code_system: 'CPT', valid_from: null, valid_to: '2020-12-31', replacements: ['99202'],
      source: 'AMA CPT 2021 annual release, effective 2021-01-01 (office/outpatient E/M revision)',
    });
    expect(overview.procedure_groups).toEqual([
      { grp: 'em', codes: PROCEDURE_GROUPS.em.length },
      { grp: 'lateral', codes: PROCEDURE_GROUPS.lateral.length },
    ]);
  });

  it('lists the 21 shipped CMS PFS releases (SOURCES.md of cms-pfs-indicators), the newest answering all later dates', () => {
    expect(overview.pfs_releases).toHaveLength(21);
    expect(overview.pfs_releases[0]).toMatchObject({ release: 'RVU20A', effective_from: '2020-01-01', effective_to: '2020-03-31', origin: 'shipped' });
    // RVU24D and RVU25A-C are not available: RVU24C answers until RVU25D
    expect(overview.pfs_releases.at(-2)).toMatchObject({ release: 'RVU24C', effective_from: '2024-07-01', effective_to: '2025-09-30' });
    expect(overview.pfs_releases.at(-1)).toMatchObject({ release: 'RVU25D', effective_from: '2025-10-01', effective_to: null });
    expect(overview.pfs.intervals).toBeGreaterThan(overview.pfs.codes);
  });

  it('shows every CARC/RARC mapping row in code order, with the X12 lists cited', () => {
    expect(overview.payer_codes).toHaveLength(CARCS.length + RARCS.length);
    const carc = overview.payer_codes.filter((c) => c.kind === 'CARC').map((c) => c.code);
    const numeric = carc.filter((c) => /^[0-9]+$/.test(c));
    expect(carc.slice(0, numeric.length)).toEqual(numeric); // numbers first
    expect(numeric.map(Number)).toEqual(numeric.map(Number).sort((a, b) => a - b)); // 4 before 11 before 100
    const letters = carc.slice(numeric.length);
    expect(letters.slice(0, 3)).toEqual(['A0', 'A1', 'A2']); // then by letter
    expect(letters.indexOf('B9')).toBeLessThan(letters.indexOf('B10'));
    // X12 CARC list (March 2024): 15 stopped 2018-05-01; 45 active and not a denial (TEAM-BRIEF)
    expect(overview.payer_codes.find((c) => c.kind === 'CARC' && c.code === '15')).toMatchObject({ denial: true, stop_date: '2018-05-01' });
    expect(overview.payer_codes.find((c) => c.kind === 'CARC' && c.code === '45')).toMatchObject({ denial: false, bucket: 'contractual', stop_date: null });
    expect(overview.payer_codes.find((c) => c.kind === 'RARC' && c.code === 'N290')).toMatchObject({ denial: null, role: 'cause', stop_date: null });
    expect(overview.payer_codes.filter((c) => c.kind === 'RARC').map((c) => c.code).slice(0, 4)).toEqual(['M15', 'M25', 'M62', 'M64']);
    expect(overview.payer_code_lists).toEqual(PAYER_CODE_LISTS);
  });
});
