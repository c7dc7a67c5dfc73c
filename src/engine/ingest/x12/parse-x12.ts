/**
 * Entry points of the X12 parsers. `parseX12` looks at the first transaction set (ST01)
 * and reads the file as an 835 remittance or an 837P claim file; the specific parsers
 * read a file already known to be one or the other. None of them throws.
 *
 * Local keys (claim_key, line_id, remit_id) are 1, 2, 3 … per file; the loader offsets them.
 */
import type { ParsedFile } from '../parsed-file.ts';
import { detectX12 } from './detect-x12.ts';
import { parse835Text } from './parse-835.ts';
import { parse837pText } from './parse-837p.ts';
import { prepareX12Text, unreadableFile } from './read-x12.ts';
import { messageOf } from '../../message-of.ts';

export type ProgressCallback = (fraction: number) => void;

export function parse835(bytes: Uint8Array, onProgress?: ProgressCallback): ParsedFile {
  return parse835Text(prepareX12Text(bytes), onProgress);
}

export function parse837p(bytes: Uint8Array, onProgress?: ProgressCallback): ParsedFile {
  return parse837pText(prepareX12Text(bytes), onProgress);
}

/**
 * Any X12 file: 835 or 837P by the first ST01. Files that are not X12, or whose first
 * transaction set is neither, come back with rowsRead 0 and a reject row saying why
 * (format 'x12-835' then, as the contract has no "unknown" format).
 */
export function parseX12(bytes: Uint8Array, onProgress?: ProgressCallback): ParsedFile {
  try {
    const prepared = prepareX12Text(bytes);
    if (prepared.problem) return unreadableFile('x12-835', prepared.problem, prepared.warnings);
    const detected = detectX12(prepared.text);
    if (detected.kind === '835') return parse835Text(prepared, onProgress);
    if (detected.kind === '837') return parse837pText(prepared, onProgress);
    const problem = detected.problem
      ?? `Transaction set ${detected.transactionSet || '(no ST01)'} is not supported: Denial Lens reads 835 remittances and 837P claims.`;
    return unreadableFile('x12-835', problem, prepared.warnings);
  } catch (error) {
    const message = messageOf(error);
    return unreadableFile('x12-835', `Internal parser error: ${message}. Nothing was loaded from this file.`);
  }
}
