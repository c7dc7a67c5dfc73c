/**
 * Collects the rows of one X12 file into a ParsedFile, hands out the file-local keys
 * (1, 2, 3 … in output order, no gaps) and keeps the claim accounting straight:
 * rowsRead = claims loaded + claimsRejected.
 */
import { emptyParsedFile, type ClaimRow, type LineRow, type ParsedFile } from '../parsed-file.ts';
import { excerptOf } from './values.ts';

interface FlagTally {
  count: number;
  firstSegment: number;
}

export class ParsedFileBuilder {
  readonly file: ParsedFile;
  private claimKeys = 0;
  private lineIds = 0;
  private remitIds = 0;
  private readonly claimFlags = new Map<string, FlagTally>();
  private readonly lineFlags = new Map<string, FlagTally>();

  constructor(format: ParsedFile['format'], content: ParsedFile['content']) {
    this.file = emptyParsedFile(format, content);
  }

  nextClaimKey(): number {
    return ++this.claimKeys;
  }

  nextLineId(): number {
    return ++this.lineIds;
  }

  nextRemitId(): number {
    return ++this.remitIds;
  }

  warn(message: string): void {
    this.file.warnings.push(message);
  }

  /** Something that was not loaded (a segment, a line, a code); claims use rejectClaims. */
  reject(segment: number | null, reason: string, excerpt: string | null = null): void {
    this.file.rejects.push({ line: segment, reason, excerpt: excerpt === null ? null : excerptOf(excerpt) });
  }

  /** `count` claims seen and not loaded, covered by one reject row. */
  rejectClaims(count: number, segment: number | null, reason: string, excerpt: string | null): void {
    this.file.rowsRead += count;
    this.file.claimsRejected += count;
    this.reject(segment, reason, excerpt);
  }

  /** A claim whose transaction set is cut off before its SE. */
  rejectCutOffClaim(claimId: string, start: { n: number; text: string }, cutAt: number): void {
    this.rejectClaims(1, start.n, `Claim '${claimId}' is incomplete: the transaction set is cut off at segment ${cutAt} before its SE (truncated file?); not loaded.`, start.text);
  }

  addClaim(row: ClaimRow): void {
    this.file.rowsRead++;
    this.file.claims.push(row);
    tally(this.claimFlags, row.flags, row.source_line);
  }

  addLine(row: LineRow): void {
    this.file.lines.push(row);
    tally(this.lineFlags, row.flags, row.source_line);
  }

  /** The ParsedFile, with one summary warning per flag so the load report shows them. */
  finish(): ParsedFile {
    summarize(this.file.warnings, this.claimFlags, 'claim');
    summarize(this.file.warnings, this.lineFlags, 'service line');
    return this.file;
  }
}

/** Flags are a set kept in order of discovery. */
export function addFlag(flags: string[], flag: string): void {
  if (!flags.includes(flag)) flags.push(flag);
}

function tally(into: Map<string, FlagTally>, flags: string[], segment: number): void {
  for (const flag of flags) {
    const seen = into.get(flag);
    if (seen) seen.count++;
    else into.set(flag, { count: 1, firstSegment: segment });
  }
}

/** A reversal (CLP02 = 22) is how a payer corrects a claim: ordinary, so no warning (the claim keeps its flag). */
const NOT_A_WARNING = new Set(['reversal']);

function summarize(warnings: string[], tallies: Map<string, FlagTally>, noun: string): void {
  for (const [flag, { count, firstSegment }] of tallies) {
    if (NOT_A_WARNING.has(flag)) continue;
    warnings.push(`${count} ${noun}${count === 1 ? '' : 's'} flagged '${flag}' (first at segment ${firstSegment}).`);
  }
}
