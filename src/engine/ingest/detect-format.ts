/**
 * Decides what a dropped file is from its first bytes, never from its name:
 * a JPEG renamed .835 is still a JPEG.
 */
export type DetectedFormat =
  | { kind: 'x12' }
  | { kind: 'csv' }
  | { kind: 'unsupported'; reason: string };

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel .xlsx workbook (save it as CSV)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls / Office document (save it as CSV)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive (unpack it first)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) return { kind: 'unsupported', reason: 'the file is empty' };
  for (const { bytes: magic, what } of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return { kind: 'unsupported', reason: `this is ${what}, not a CSV export or an X12 file` };
  }
  const head = firstText(bytes);
  if (/^(ISA|GS|ST)[^A-Za-z0-9\s]/.test(head)) return { kind: 'x12' };
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) {
    return { kind: 'unsupported', reason: 'this is a binary file, not a CSV export or an X12 file' };
  }
  return { kind: 'csv' };
}

/** The first non-blank characters, past a UTF-8 BOM; UTF-16 text (I\0S\0A\0) is read as X12's first letters. */
function firstText(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes[1] === 0 || bytes[0] === 0;
  let out = '';
  for (; i < bytes.length && out.length < 4; i++) {
    const b = bytes[i];
    if (b === 0 || (utf16 && (b === 0xff || b === 0xfe))) continue;
    if (out === '' && (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) continue;
    out += String.fromCharCode(b);
  }
  return out;
}
