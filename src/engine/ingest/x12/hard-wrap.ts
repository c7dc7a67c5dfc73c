/**
 * Some mainframe and mail gateways re-wrap X12 text at a fixed width (typically 80
 * columns), inserting CR/LF even in the middle of a segment. Such a file must be joined
 * back before tokenizing, or the wrap points would split values.
 *
 * Detection needs both: every line (bar the last) has the same length, and the wrapping
 * demonstrably cut a segment — the first line is an ISA with fewer than its 16 element
 * separators, or a line does not start with a segment id. A file with one segment per
 * line never has both.
 */

const SAMPLE_LINES = 50;
const MIN_WIDTH = 40;

function isUpperOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** A segment id (2–3 upper-case letters/digits, starting with a letter) followed by `separator`. */
function startsWithSegmentId(line: string, separator: string): boolean {
  const c0 = line.charCodeAt(0);
  if (!(c0 >= 65 && c0 <= 90) || !isUpperOrDigit(line.charCodeAt(1))) return false;
  if (line[2] === separator) return true;
  return isUpperOrDigit(line.charCodeAt(2)) && line[3] === separator;
}

function countOf(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

function withoutFinalCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The joined text when `text` is hard-wrapped at a fixed width, else null. */
export function unwrapFixedWidth(text: string): { text: string; width: number } | null {
  const lines: string[] = [];
  let pos = 0;
  while (lines.length < SAMPLE_LINES) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push(text.slice(pos, end));
    pos = nl + 1;
  }
  // The last complete line may be the short tail of the file.
  if (lines.length > 0 && text.slice(pos).trim() === '') lines.pop();
  if (lines.length < 2) return null;
  const width = lines[0].length;
  if (width < MIN_WIDTH || lines.some((line) => line.length !== width)) return null;

  const first = lines[0];
  const separator = first.startsWith('ISA') ? first[3] : '*';
  const cutIsa = first.startsWith('ISA') && countOf(first, separator) < 16;
  const cutSegment = lines.slice(1).some((line) => !startsWithSegmentId(line, separator));
  if (!cutIsa && !cutSegment) return null;
  return { text: text.split('\n').map(withoutFinalCr).join(''), width };
}
