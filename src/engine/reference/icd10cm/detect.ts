import { OFFICIAL_RELEASES, type ReleaseName } from './releases.ts';

/**
 * Which release an ICD-10-CM order file is, in this order of precedence:
 *  1. the user's choice;
 *  2. the SHA-256 of the order file equals a known official release's (releases.ts); when two
 *     releases share one file (an April update that changed nothing) the name decides;
 *  3. the file names (zip member first, then the zip): the first 20xx year is the fiscal year
 *     (CDC/CMS name files by fiscal year); "jan"/"april" in any name mark the mid-year
 *     updates; "update(d)" without a month is ambiguous and needs the user's choice.
 * Releases found by name or chosen by the user are then checked against the loaded releases'
 * content (import.ts): its code set must be closer to the loaded releases next to the claimed
 * date than to the ones two steps away. A file with exactly the codes of a loaded release is
 * not loaded again.
 */
export type Detection =
  | { release: ReleaseName; detectedBy: 'user' | 'hash' | 'file name' }
  | { release?: undefined; problem: string };

export function detectRelease(sha256: string, names: readonly string[], choice?: ReleaseName): Detection {
  if (choice) return { release: choice, detectedBy: 'user' };
  const byHash = OFFICIAL_RELEASES.filter((r) => r.orderSha256 === sha256);
  const fromNames = releaseFromNames(names);
  if (byHash.length > 0) {
    const named = fromNames.release && byHash.find((r) => r.fiscalYear === fromNames.release!.fiscalYear && r.update === fromNames.release!.update);
    const official = named ?? byHash.find((r) => r.changesCodes) ?? byHash[0];
    return { release: { fiscalYear: official.fiscalYear, update: official.update }, detectedBy: 'hash' };
  }
  return fromNames.release ? { release: fromNames.release, detectedBy: 'file name' } : { problem: fromNames.problem };
}

function releaseFromNames(names: readonly string[]): { release?: ReleaseName; problem: string } {
  const bases = names.map((name) => name.split('/').pop()!.toLowerCase());
  const year = bases.map((base) => /(?:^|[^0-9])(20[0-9]{2})(?![0-9])/.exec(base)?.[1]).find(Boolean);
  if (!year) return { problem: 'neither the content nor the file names tell which fiscal year this is; choose the release' };
  const fiscalYear = Number(year);
  if (bases.some((base) => /jan(uary)?(?![a-z])/.test(base))) return { release: { fiscalYear, update: 'january' }, problem: '' };
  if (bases.some((base) => /apr(il)?(?![a-z])/.test(base))) return { release: { fiscalYear, update: 'april' }, problem: '' };
  if (bases.some((base) => base.includes('update'))) {
    return { problem: `the file names say "update" but not which one (January or April ${fiscalYear}); choose the release` };
  }
  return { release: { fiscalYear, update: 'october' }, problem: '' };
}
