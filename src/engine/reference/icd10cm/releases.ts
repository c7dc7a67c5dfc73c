/**
 * ICD-10-CM releases: fiscal year N is in force for dates of service (N-1)-10-01 .. N-09-30;
 * since FY2021 CDC/NCHS also publishes mid-year updates (January 1 in FY2021 only, April 1 from
 * FY2022). Source: CDC/NCHS ICD-10-CM files page (ftp.cdc.gov/pub/Health_Statistics/NCHS/
 * Publications/ICD10CM/<year>/, <year>-Update/) and the CMS "ICD-10 Code Files" pages;
 * hashes and counts checked against the files described in /work/shared/reference-data/SOURCES.md.
 */
export type ReleaseUpdate = 'october' | 'january' | 'april';

export interface ReleaseName {
  fiscalYear: number;
  update: ReleaseUpdate;
}

export interface OfficialRelease extends ReleaseName {
  /** SHA-256 of the order file; releases that changed nothing share their base release's file. */
  orderSha256: string | null;
  headers: number | null;
  codes: number | null;
  /** false when the update changed no code (its addenda list 0 additions and 0 deletions). */
  changesCodes: boolean;
  source: string;
}

export const OFFICIAL_RELEASES: readonly OfficialRelease[] = [
  {
    fiscalYear: 2021, update: 'october', orderSha256: null, headers: null, codes: null, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2021 (2020-10-01), rebuilt from the January 2021 update minus its 2021-01-01 changes (CDC conversion table FY2021 Jan 2021, order addenda Jan 2021)',
  },
  {
    fiscalYear: 2021, update: 'january', orderSha256: '024c8cdaab815c987f3d43544758047992ef7b5677c92369b1a04ac69b83b48c', headers: 22737, codes: 72621, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2021 January 1, 2021 update: icd10cm-order-Jan-2021.txt (icd10cm-codes-order-Jan-2021.zip)',
  },
  {
    fiscalYear: 2022, update: 'october', orderSha256: '777ee7873b31a11d324f93c3d1d91ea94b752620a5088f638700698f965ad32c', headers: 22776, codes: 72748, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2022 (2021-10-01): icd10cm-order-2022.txt ("Code Descriptions zip.zip", 2021-06-23)',
  },
  {
    fiscalYear: 2022, update: 'april', orderSha256: '6fd40ef6ab4860d3299578bf15fa7e2dba17d271efc3929c56b3353a45f22cc7', headers: 22778, codes: 72750, changesCodes: true,
    source: 'CMS ICD-10-CM FY2022 April 1, 2022 update: icd10cm_order_2022.txt (2022-code-descriptions-tabular-order-updated-02012022.zip)',
  },
  {
    fiscalYear: 2023, update: 'october', orderSha256: '7db4a5e31b599b0bcf0a332d4553e30135ee87355dad443bdadbccfa99a73229', headers: 23106, codes: 73639, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2023 (2022-10-01): icd10cm-order-2023.txt (icd10-Order-CodeFiles2023.zip)',
  },
  {
    fiscalYear: 2023, update: 'april', orderSha256: 'bbf03fe0c6af713f66d9e73d9f0af193c12736989459161c7217960993dd2bad', headers: 23121, codes: 73674, changesCodes: true,
    source: 'CMS ICD-10-CM FY2023 April 1, 2023 update: icd10cm_order_2023.txt (2023-code-descriptions-tabular-order-updated-01/11/2023.zip)',
  },
  {
    fiscalYear: 2024, update: 'october', orderSha256: 'd116081f3da8784e78173008449d23e383ecb8143f03c2e0a2d57223aeaa1a06', headers: 23252, codes: 74044, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2024 (2023-10-01): icd10cm-order-2024.txt (icd10cm-CodesDescriptions-2024.zip); the April 1, 2024 update changed no code (its addenda: 0 additions, 0 deletions)',
  },
  {
    fiscalYear: 2024, update: 'april', orderSha256: 'd116081f3da8784e78173008449d23e383ecb8143f03c2e0a2d57223aeaa1a06', headers: 23252, codes: 74044, changesCodes: false,
    source: 'CDC/NCHS ICD-10-CM April 1, 2024 update (icd10cm-order-April-2024.txt, byte-identical to FY2024)',
  },
  {
    fiscalYear: 2025, update: 'october', orderSha256: '88ec3c01a58a2d4ee14b670550197b437a2cfbb7a1097fad0848e0e2690f9b13', headers: 23324, codes: 74260, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2025 (2024-10-01): icd10cm-order-2025.txt ("ICD10-CM Code Descriptions 2025.zip"); the April 1, 2025 update changed no code (its addenda: 0 additions, 0 deletions)',
  },
  {
    fiscalYear: 2025, update: 'april', orderSha256: '88ec3c01a58a2d4ee14b670550197b437a2cfbb7a1097fad0848e0e2690f9b13', headers: 23324, codes: 74260, changesCodes: false,
    source: 'CDC/NCHS ICD-10-CM April 1, 2025 update (Code-desciptions-April-2025.zip, order file byte-identical to FY2025)',
  },
  {
    fiscalYear: 2026, update: 'october', orderSha256: '6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b', headers: 23467, codes: 74719, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2026 (2025-10-01): icd10cm-order-2026.txt ("icd10cm-Code Descriptions-2026.zip"); the April 1, 2026 update changed no code (its addenda summary: 0 additions, 0 deletions, 0 revisions)',
  },
  {
    // The April 2026 order file itself was not seen, so no hash: a file named for it is matched by content.
    fiscalYear: 2026, update: 'april', orderSha256: null, headers: 23467, codes: 74719, changesCodes: false,
    source: 'CDC/NCHS ICD-10-CM April 1, 2026 update (icd10cm-order-addenda-April-1-2026.txt summary: 23467 headers, 74719 codes, 0 additions, 0 deletions, 0 revisions)',
  },
  {
    fiscalYear: 2027, update: 'october', orderSha256: '38981fb2c1226e2b92393cef7d921d2293494dd184b5ad039dde08e4b364265f', headers: 23524, codes: 74879, changesCodes: true,
    source: 'CDC/NCHS ICD-10-CM FY2027 (2026-10-01): icd10cm-order-2027.txt (icd10cm-code-descriptions-2027.zip; same file as CMS icd10cm_order_2027.txt)',
  },
];

export function releaseKey({ fiscalYear, update }: ReleaseName): string {
  return update === 'october' ? `FY${fiscalYear}` : `FY${fiscalYear}-${update === 'january' ? 'JAN' : 'APR'}`;
}

export function releaseEffectiveFrom({ fiscalYear, update }: ReleaseName): string {
  return update === 'october' ? `${fiscalYear - 1}-10-01` : `${fiscalYear}-${update === 'january' ? '01' : '04'}-01`;
}

/**
 * Last date of service a loaded release answers for: the day before the next loaded release,
 * but never past its fiscal year, and never past a known mid-year update that changed codes
 * and is not loaded (its dates then stay uncovered rather than answered with stale codes).
 */
export function releaseEffectiveTo(release: ReleaseName, loaded: readonly ReleaseName[]): string {
  const from = releaseEffectiveFrom(release);
  const limits = [`${release.fiscalYear}-09-30`];
  const later = (r: ReleaseName) => releaseEffectiveFrom(r) > from;
  const next = loaded.filter(later).map(releaseEffectiveFrom).sort()[0];
  if (next) limits.push(dayBefore(next));
  const loadedKeys = new Set(loaded.map(releaseKey));
  for (const known of OFFICIAL_RELEASES) {
    if (known.fiscalYear === release.fiscalYear && known.changesCodes && later(known) && !loadedKeys.has(releaseKey(known))) {
      limits.push(dayBefore(releaseEffectiveFrom(known)));
    }
  }
  return limits.sort()[0];
}

function dayBefore(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
