/**
 * Builds the shipped ICD-10-CM reference (public/reference/icd10cm.csv.gz and
 * icd10cm-releases.csv) from the official CDC/NCHS and CMS releases in ../shared/reference-data
 * (see its SOURCES.md), with the same derivation the in-app importer uses
 * (src/engine/reference/icd10cm/derive.sql.ts). Run: npm run reference-data
 *
 * Releases are identified by the folder they sit in and the SHA-256 of their order file,
 * never by file name (CMS and CDC reuse names for different content). Every order file found,
 * plain or inside a zip, must hash to its folder's official release.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeDb } from '../src/engine/db/node-db.ts';
import type { Db } from '../src/engine/db/db.ts';
import { zipEntries } from '../src/engine/reference/files/zip.ts';
import { parseOrderAddenda, type AddendaRecord } from '../src/engine/reference/icd10cm/addenda.ts';
import { parseConversionTable, type Conversion } from '../src/engine/reference/icd10cm/conversion-table.ts';
import { addConversions, addRelease, deriveIcd10cm } from '../src/engine/reference/icd10cm/derive.ts';
import { parseOrderFile, type OrderRecord } from '../src/engine/reference/icd10cm/order-file.ts';
import { OFFICIAL_RELEASES, releaseKey, type OfficialRelease, type ReleaseName } from '../src/engine/reference/icd10cm/releases.ts';
import { exportIcd10cmSql, exportReleasesSql, BUILD_SUMMARY_SQL } from '../src/engine/reference/shipped.sql.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ../shared beside the repository
const SOURCE = path.resolve(ROOT, '../shared/reference-data/icd10cm');
const OUT = path.join(ROOT, 'public/reference');

/**
 * Folder -> release it holds. The April 2024/2025 folders hold only addenda (no changes); the
 * April 2026 folder holds only a note (no file of that update was found; it changed no code), so
 * FY2026 answers through 2026-09-30. fy2027 holds the order file (zip) and the order addenda.
 */
const FOLDERS: { folder: string; release: ReleaseName }[] = [
  { folder: 'fy2021-jan', release: { fiscalYear: 2021, update: 'january' } },
  { folder: 'fy2022', release: { fiscalYear: 2022, update: 'october' } },
  { folder: 'fy2022-april-update', release: { fiscalYear: 2022, update: 'april' } },
  { folder: 'fy2023', release: { fiscalYear: 2023, update: 'october' } },
  { folder: 'fy2023-april-update', release: { fiscalYear: 2023, update: 'april' } },
  { folder: 'fy2024', release: { fiscalYear: 2024, update: 'october' } },
  { folder: 'fy2024-april-update', release: { fiscalYear: 2024, update: 'april' } },
  { folder: 'fy2025', release: { fiscalYear: 2025, update: 'october' } },
  { folder: 'fy2025-april-update', release: { fiscalYear: 2025, update: 'april' } },
  { folder: 'fy2026', release: { fiscalYear: 2026, update: 'october' } },
  { folder: 'fy2027', release: { fiscalYear: 2027, update: 'october' } },
];

interface SourceFile {
  where: string;
  name: string;
  bytes: Uint8Array;
}

interface FolderContent {
  official: OfficialRelease;
  order?: OrderRecord[];
  addenda: AddendaRecord[];
  conversions: { where: string; rows: Conversion[] }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const isOrderFile = (name: string) => /icd10cm[-_]order[-_](?!.*addenda).*\.txt$/i.test(name);
const isOrderAddenda = (name: string) => /order[-_]addenda.*\.txt$/i.test(name);

async function main(): Promise<void> {
  if (!existsSync(SOURCE)) throw new Error(`${SOURCE} not found: the official releases are read from ../shared`);
  const started = Date.now();
  const contents: FolderContent[] = [];
  for (const { folder, release } of FOLDERS) contents.push(await readFolder(folder, release));
  await checkPlainOrderFiles();

  const db = await createNodeDb();
  const jan = contents[0];
  const fy2021 = october2020(jan);
  await addRelease(db, { ...fy2021.official, origin: 'shipped' }, fy2021.records);
  let previous = fy2021.records;
  for (const c of contents) {
    if (!c.official.changesCodes) {
      const records = c.addenda.filter((a) => a.action === 'add' || a.action === 'delete');
      if (records.length > 0) throw new Error(`${releaseKey(c.official)}: expected no changes, addenda list ${records.length}`);
      console.log(`${releaseKey(c.official)}: no changes (addenda checked), covered by the release before it`);
      continue;
    }
    if (!c.order) throw new Error(`${releaseKey(c.official)}: no order file`);
    if (c !== jan) checkAgainstAddenda(releaseKey(c.official), previous, c.order, c.addenda);
    await addRelease(db, { ...c.official, origin: 'shipped' }, c.order);
    previous = c.order;
  }
  for (const c of contents) for (const t of c.conversions) await addConversions(db, t.rows, `CDC/NCHS conversion table ${t.where}`);
  await deriveIcd10cm(db);
  await write(db);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function readFolder(folder: string, name: ReleaseName): Promise<FolderContent> {
  const official = OFFICIAL_RELEASES.find((r) => releaseKey(r) === releaseKey(name));
  if (!official) throw new Error(`${folder}: no official release ${releaseKey(name)}`);
  const content: FolderContent = { official, addenda: [], conversions: [] };
  const seenAddenda = new Set<string>();
  for (const file of await filesIn(path.join(SOURCE, folder))) {
    if (isOrderFile(file.name)) {
      const hash = sha256(file.bytes);
      if (hash !== official.orderSha256) throw new Error(`${file.where}: sha256 ${hash} is not ${releaseKey(official)}'s order file`);
      if (content.order) continue; // the same file again (zip member and plain copy)
      const parsed = parseOrderFile(file.bytes);
      if (parsed.rejected.length > 0) throw new Error(`${file.where}: ${parsed.rejected.length} malformed lines, first: ${JSON.stringify(parsed.rejected[0])}`);
      const codes = parsed.records.filter((r) => r.billable).length;
      if (codes !== official.codes || parsed.records.length - codes !== official.headers) {
        throw new Error(`${file.where}: ${parsed.records.length - codes}/${codes} headers/codes, expected ${official.headers}/${official.codes}`);
      }
      content.order = parsed.records;
      console.log(`${releaseKey(official)}: ${file.where} (${parsed.records.length - codes} headers, ${codes} codes)`);
    } else if (isOrderAddenda(file.name)) {
      const hash = sha256(file.bytes);
      if (!seenAddenda.has(hash)) content.addenda.push(...parseOrderAddenda(file.bytes));
      seenAddenda.add(hash);
    } else if (/conversion.*\.xlsx$/i.test(file.name)) {
      content.conversions.push({ where: file.where, rows: await parseConversionTable(file.bytes) });
    }
  }
  return content;
}

/** Plain files of a folder and the members of the zips in it. */
async function filesIn(dir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (!statSync(full).isFile()) continue;
    const bytes = new Uint8Array(readFileSync(full));
    const where = path.relative(SOURCE, full);
    if (!name.toLowerCase().endsWith('.zip')) {
      files.push({ where, name, bytes });
      continue;
    }
    for (const entry of zipEntries(bytes)) {
      if (entry.name.endsWith('/')) continue;
      files.push({ where: `${where}:${entry.name}`, name: entry.name.split('/').pop()!, bytes: await entry.read() });
    }
  }
  return files;
}

/** The plain order files at the top of icd10cm/ must be byte copies of official releases. */
async function checkPlainOrderFiles(): Promise<void> {
  for (const name of readdirSync(SOURCE).filter(isOrderFile)) {
    const hash = sha256(new Uint8Array(readFileSync(path.join(SOURCE, name))));
    const release = OFFICIAL_RELEASES.find((r) => r.orderSha256 === hash && r.changesCodes);
    if (!release) throw new Error(`icd10cm/${name}: sha256 ${hash} matches no official release`);
    console.log(`${releaseKey(release)}: icd10cm/${name} is the same file`);
  }
}

/**
 * FY2021 as in force from 2020-10-01: the January 2021 file minus the codes that took effect
 * 2021-01-01 (the conversion table's rows with that date: J12.82, M35.81, M35.89, Z11.52,
 * Z20.822, Z86.16), with the headers those codes created turned back into billable codes
 * (the addenda's "Delete: 1 X" + "Add: 0 X" for a parent X of one of them: M35.8).
 */
function october2020(jan: FolderContent): { official: OfficialRelease; records: OrderRecord[] } {
  const official = OFFICIAL_RELEASES.find((r) => r.fiscalYear === 2021 && r.update === 'october')!;
  const janAdds = new Set(jan.conversions.flatMap((t) => t.rows).filter((c) => c.effective === '2021-01-01').map((c) => c.currentCode));
  const addendaAdds = new Set(jan.addenda.filter((a) => a.action === 'add' && a.billable).map((a) => a.code));
  for (const code of janAdds) if (!addendaAdds.has(code)) throw new Error(`${code}: 2021-01-01 code missing from the January 2021 addenda`);
  const becameHeader = new Set(
    jan.addenda
      .filter((a) => a.action === 'add' && !a.billable)
      .map((a) => a.code)
      .filter((code) => jan.addenda.some((d) => d.action === 'delete' && d.billable && d.code === code))
      .filter((code) => [...janAdds].some((added) => added.startsWith(code))),
  );
  const records = jan.order!.filter((r) => !janAdds.has(r.code)).map((r) => (becameHeader.has(r.code) ? { ...r, billable: true } : r));
  console.log(`FY2021: January 2021 file without ${[...janAdds].sort().join(', ')}; billable again: ${[...becameHeader].join(', ')}`);
  return { official, records };
}

/** The changes between two consecutive releases must be exactly the ones the addenda list. */
function checkAgainstAddenda(release: string, before: OrderRecord[], after: OrderRecord[], addenda: AddendaRecord[]): void {
  const state = (records: OrderRecord[]) => new Map(records.map((r) => [r.code, r.billable ? '1' : '0']));
  const a = state(before);
  const b = state(after);
  const changed = new Set([...a.keys(), ...b.keys()].filter((code) => a.get(code) !== b.get(code)));
  const listed = new Set(addenda.filter((r) => r.action === 'add' || r.action === 'delete').map((r) => r.code));
  const unlisted = [...changed].filter((code) => !listed.has(code));
  const spurious = [...listed].filter((code) => !changed.has(code));
  if (unlisted.length || spurious.length) {
    throw new Error(`${release}: changes and addenda differ: not in addenda ${unlisted.slice(0, 10)}; in addenda only ${spurious.slice(0, 10)}`);
  }
  console.log(`${release}: ${changed.size} code changes, all listed in the addenda`);
}

async function write(db: Db): Promise<void> {
  const icd = path.join(OUT, 'icd10cm.csv.gz');
  const releases = path.join(OUT, 'icd10cm-releases.csv');
  await db.exec(exportIcd10cmSql(icd));
  await db.exec(exportReleasesSql(releases));
  for (const row of await db.query(BUILD_SUMMARY_SQL)) console.log(row);
  console.log(`${path.relative(ROOT, icd)}: ${statSync(icd).size} bytes`);
  console.log(`${path.relative(ROOT, releases)}: ${statSync(releases).size} bytes`);
}

await main();
