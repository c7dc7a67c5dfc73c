/**
 * The steps every X12 parse shares: bytes → text (encoding, hard wrap), then segments →
 * transaction sets → the 835 or 837P handler. Never throws: a file we cannot read comes
 * back as a ParsedFile with rowsRead 0 and a reject row saying why.
 */
import type { ParsedFile } from '../parsed-file.ts';
import { decodeX12Bytes } from './decode.ts';
import type { TransactionKind } from './detect-x12.ts';
import { walkTransactions, type TransactionHandler } from './envelope.ts';
import { unwrapFixedWidth } from './hard-wrap.ts';
import { ParsedFileBuilder } from './parsed-file-builder.ts';
import { SegmentReader } from './tokenizer.ts';
import { messageOf } from '../../message-of.ts';

export interface PreparedText {
  text: string;
  warnings: string[];
  /** Why the bytes cannot be X12 at all (empty, binary); null when worth tokenizing. */
  problem: string | null;
}

const BINARY_SAMPLE = 512;

function hexHead(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * X12 is ASCII but for the odd accented name: many control or non-ASCII characters at the
 * start mean an image, archive or other binary file.
 */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, BINARY_SAMPLE);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c >= 0x7f) odd++;
  }
  return odd > n / 20;
}

export function prepareX12Text(bytes: Uint8Array): PreparedText {
  if (bytes.length === 0) return { text: '', warnings: [], problem: 'Empty file (0 bytes): nothing to load.' };
  const { text, warnings } = decodeX12Bytes(bytes);
  if (text.trim() === '') return { text, warnings, problem: 'The file contains only whitespace: nothing to load.' };
  if (looksBinary(text)) {
    return {
      text,
      warnings,
      problem: `Not an X12 file: binary content (first bytes ${hexHead(bytes)}), e.g. an image or archive renamed.`,
    };
  }
  const unwrapped = unwrapFixedWidth(text);
  if (unwrapped) {
    warnings.push(`The file is hard-wrapped at ${unwrapped.width} characters per line; the lines were joined before reading.`);
    return { text: unwrapped.text, warnings, problem: null };
  }
  return { text, warnings, problem: null };
}

export function unreadableFile(format: ParsedFile['format'], problem: string, warnings: string[] = []): ParsedFile {
  const out = new ParsedFileBuilder(format, format === 'x12-835' ? 'remit' : 'claim');
  out.file.warnings.push(...warnings);
  out.reject(null, problem, null);
  return out.finish();
}

export function readX12(
  prepared: PreparedText,
  kind: TransactionKind,
  makeHandler: (out: ParsedFileBuilder) => TransactionHandler,
  onProgress?: (fraction: number) => void,
): ParsedFile {
  const format = kind === '835' ? 'x12-835' : 'x12-837p';
  if (prepared.problem) return unreadableFile(format, prepared.problem, prepared.warnings);
  const out = new ParsedFileBuilder(format, kind === '835' ? 'remit' : 'claim');
  out.file.warnings.push(...prepared.warnings);
  const reader = new SegmentReader(prepared.text, out, onProgress);
  try {
    walkTransactions(reader, kind, makeHandler(out), out);
    return out.finish();
  } catch (error) {
    // A bug must not take the page down or half-load a file: report it, load nothing.
    const message = messageOf(error);
    return unreadableFile(
      format,
      `Internal parser error near segment ${reader.segmentCount}: ${message}. Nothing was loaded from this file.`,
      prepared.warnings,
    );
  }
}
