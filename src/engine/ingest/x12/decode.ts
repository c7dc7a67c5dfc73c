/**
 * Bytes → text for X12 files. X12 is 8-bit text (UTF-8 in practice, Windows-1252 from
 * older systems); some Windows tools save it as UTF-16, with or without a byte-order mark.
 * A UTF-8 BOM is dropped silently: it carries no information and would otherwise hide the
 * leading `ISA`.
 */
import { decodeWindows1252 } from '../windows-1252.ts';

export interface DecodedText {
  text: string;
  warnings: string[];
}

type Utf16 = 'utf-16le' | 'utf-16be';

/** UTF-16 by BOM, or by the zero high bytes of ASCII text (`I\0S\0A\0` / `\0I\0S\0A`). */
function detectUtf16(bytes: Uint8Array): { encoding: Utf16; bomLength: number } | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = Math.min(bytes.length, 64) & ~1;
  if (sample < 6) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = sample / 2;
  if (zeroOdd === pairs && zeroEven === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (zeroEven === pairs && zeroOdd === 0) return { encoding: 'utf-16be', bomLength: 0 };
  return null;
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

export function decodeX12Bytes(bytes: Uint8Array): DecodedText {
  const warnings: string[] = [];
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    let body = bytes.subarray(utf16.bomLength);
    if (body.length % 2 === 1) {
      warnings.push('UTF-16 file has an odd number of bytes: the last byte was ignored (file cut short?).');
      body = body.subarray(0, body.length - 1);
    }
    // Decode big-endian by swapping to little-endian: utf-16le is available in every runtime.
    const le = utf16.encoding === 'utf-16be' ? swapBytePairs(body) : body;
    warnings.push(
      `File is ${utf16.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}${utf16.bomLength ? ' with a byte-order mark' : ' without a byte-order mark'}; ` +
        'X12 files are normally 8-bit text. It was decoded as UTF-16.',
    );
    return { text: new TextDecoder('utf-16le').decode(le), warnings };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), warnings };
  } catch {
    // Older systems write names with accents in Windows-1252; keep them readable.
    warnings.push('The file is not valid UTF-8; it was read as Windows-1252 (Latin-1) text.');
    return { text: decodeWindows1252(body), warnings };
  }
}
