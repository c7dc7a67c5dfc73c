import { OFFICIAL_RELEASES, releaseEffectiveFrom, releaseKey, type ReleaseName } from '../../engine/reference/icd10cm/releases.ts';

const FIRST_FISCAL_YEAR = 2016; // ICD-10-CM replaced ICD-9-CM on 2015-10-01 (FY2016)
const UPDATE_LABEL = { october: '', january: ' January 1 update', april: ' April 1 update' } as const;

/**
 * The releases a user may choose for an ICD-10-CM file, newest first: every fiscal year since
 * ICD-10-CM began up to two years past the newest known release, with the mid-year updates
 * CDC/NCHS publishes (January 2021; April from FY2022 on).
 */
export function releaseOptions(): { key: string; name: ReleaseName; label: string }[] {
  const newest = Math.max(...OFFICIAL_RELEASES.map((r) => r.fiscalYear));
  const names: ReleaseName[] = [];
  for (let fiscalYear = FIRST_FISCAL_YEAR; fiscalYear <= newest + 2; fiscalYear++) {
    names.push({ fiscalYear, update: 'october' });
    if (fiscalYear === 2021) names.push({ fiscalYear, update: 'january' });
    if (fiscalYear >= 2022) names.push({ fiscalYear, update: 'april' });
  }
  return names.reverse().map((name) => ({
    key: releaseKey(name),
    name,
    label: `FY${name.fiscalYear}${UPDATE_LABEL[name.update]} (dates of service from ${releaseEffectiveFrom(name)})`,
  }));
}
