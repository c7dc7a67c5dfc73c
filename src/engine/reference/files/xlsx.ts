import { zipEntries } from './zip.ts';

/**
 * The cell texts of the first worksheet of an Excel 2007+ workbook (.xlsx), row by row
 * (`rows[r][c]`, 0-based, '' for empty cells). Just enough of SpreadsheetML for the
 * CDC conversion tables: shared strings, inline strings, numbers; no formulas are evaluated
 * (their cached value is used) and no number formats are applied.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<string[][]> {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name, e]));
  const text = async (name: string) => {
    const entry = entries.get(name);
    return entry ? new TextDecoder().decode(await entry.read()) : undefined;
  };
  const workbook = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Error('not an Excel workbook (xl/workbook.xml missing)');
  const sheetId = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => attribute(r, 'Id') === sheetId);
  const targetPath = target && attribute(target, 'Target');
  if (!targetPath) throw new Error('workbook has no worksheet');
  const sheetName = targetPath.startsWith('/') ? targetPath.slice(1) : `xl/${targetPath}`;
  const sheet = await text(sheetName);
  if (!sheet) throw new Error(`worksheet ${sheetName} missing`);
  const shared = [...((await text('xl/sharedStrings.xml')) ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    runText(m[1]),
  );

  const rows: string[][] = [];
  for (const row of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attribute(row[1], 'r') ?? rows.length + 1);
    const cells: string[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attribute(cell[1], 'r');
      const column = ref ? columnIndex(ref) : cells.length;
      const type = attribute(cell[1], 't');
      const body = cell[2] ?? '';
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      cells[column] =
        type === 's' ? (shared[Number(value)] ?? '') : type === 'inlineStr' ? runText(body) : unescapeXml(value ?? '');
    }
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  }
  return Array.from(rows, (r) => r ?? []);
}

/** Text of a string item: plain `<t>` or rich-text runs; phonetic hints (`<rPh>`) are not text. */
function runText(xml: string): string {
  const visible = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? 'A') index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e],
  );
}
