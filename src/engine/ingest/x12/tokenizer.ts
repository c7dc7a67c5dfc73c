/**
 * Splits X12 text into segments, reading the delimiters from every ISA:
 * element separator = the character after "ISA", component separator = ISA16,
 * segment terminator = the character after ISA16 (may be `~`, LF or CR).
 *
 * - An ISA starts an interchange only at a segment start (so `NM1*IL*1*ISAAC` is data),
 *   and each ISA may bring its own delimiters.
 * - CR, LF, tabs and spaces after a terminator (line breaks, indentation, blank lines)
 *   are skipped; whitespace just before a terminator is dropped; anything else inside a
 *   segment is data.
 * - ISA11 is never used: in 00401 files (and many mislabelled 00501 ones) it is the
 *   letter `U`, and none of the segments we read carries repeated values.
 * - A file starting at GS or ST (no ISA) is read with the element separator it uses and
 *   the default component separator `:` and terminator `~`, with a warning.
 *
 * Linear: one indexOf per segment and per element separator (the next separator position
 * is remembered, so no character is scanned twice); elements are located, not copied
 * (see Segment). No per-character regex.
 */
import { Segment } from './segment.ts';

export interface TokenizerSink {
  warn(message: string): void;
  reject(segment: number | null, reason: string, excerpt: string | null): void;
}

interface Delimiters {
  element: string;
  component: string;
  terminator: string;
}

const SP = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const NBSP = 0xa0;
const BOM = 0xfeff;
/** An ISA is 106 characters when padded as the standard requires; allow sloppy padding. */
const MAX_ISA_LENGTH = 400;

function isSkippable(c: number): boolean {
  return c === SP || c === LF || c === CR || c === TAB || c === NBSP || c === BOM;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A delimiter must be a visible non-alphanumeric character (or a line break, for terminators). */
function isUsableDelimiter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return !isAlphanumeric(c) && c !== SP && c !== TAB;
}

function describe(ch: string): string {
  if (ch === '\n') return 'LF';
  if (ch === '\r') return 'CR';
  return `'${ch}'`;
}

export class SegmentReader {
  private pos = 0;
  private count = 0;
  private delimiters: Delimiters | null = null;
  /** Position of the next element separator found so far (-1: search again). */
  private nextElementAt = -1;
  private stopped = false;
  private readonly progressStep: number;
  private nextProgressAt: number;

  constructor(
    private readonly text: string,
    private readonly sink: TokenizerSink,
    private readonly onProgress?: (fraction: number) => void,
  ) {
    // At most ~100 progress calls per file, whatever its size.
    this.progressStep = Math.max(1, Math.ceil(text.length / 100));
    this.nextProgressAt = this.progressStep;
  }

  /** Number of segments returned so far (the last segment number). */
  get segmentCount(): number {
    return this.count;
  }

  next(): Segment | null {
    if (this.stopped) return null;
    const text = this.text;
    const length = text.length;
    for (;;) {
      let pos = this.pos;
      while (pos < length && isSkippable(text.charCodeAt(pos))) pos++;
      this.pos = pos;
      if (pos >= length) return this.finish();
      if (this.onProgress && pos >= this.nextProgressAt) {
        this.onProgress(pos / length);
        this.nextProgressAt = pos + this.progressStep;
      }

      if (text.charCodeAt(pos) === 73 /* I */ && text.startsWith('ISA', pos) && !isAlphanumeric(text.charCodeAt(pos + 3))) {
        return this.readIsa(pos);
      }
      const delimiters = this.delimiters ?? this.assumeDelimiters(pos);
      if (!delimiters) return this.finish();

      let end = text.indexOf(delimiters.terminator, pos);
      const next = end < 0 ? length : end + 1;
      if (end < 0) end = length;
      while (end > pos && isSkippable(text.charCodeAt(end - 1))) end--;
      this.pos = next;
      if (end === pos) continue; // an empty segment (`~~`) is not a segment
      this.count++;
      return new Segment(this.count, delimiters.component, text, this.elementBounds(pos, end, delimiters.element));
    }
  }

  /** Where each element of text[start, end) starts, plus end + 1 (see Segment). */
  private elementBounds(start: number, end: number, separator: string): number[] {
    const text = this.text;
    const bounds = [start];
    for (;;) {
      let at = this.nextElementAt;
      if (at < bounds[bounds.length - 1]) {
        at = text.indexOf(separator, bounds[bounds.length - 1]);
        if (at < 0) at = text.length;
        this.nextElementAt = at;
      }
      if (at >= end) {
        bounds.push(end + 1);
        return bounds;
      }
      bounds.push(at + 1);
    }
  }

  private finish(): null {
    if (!this.stopped && this.onProgress) this.onProgress(1);
    this.stopped = true;
    return null;
  }

  /** Reads the ISA at `start` and switches to its delimiters. */
  private readIsa(start: number): Segment | null {
    const text = this.text;
    const segmentNumber = this.count + 1;
    const element = text[start + 3];
    const fail = (why: string): null => {
      this.count = segmentNumber;
      this.sink.reject(
        segmentNumber,
        `ISA at segment ${segmentNumber} is malformed (${why}): its delimiters cannot be read, so the rest of the file was not read.`,
        text.slice(start, start + 120),
      );
      this.stopped = true;
      return null;
    };
    if (!isUsableDelimiter(element) || element === '\n' || element === '\r') {
      return fail(`element separator ${describe(element ?? '')} is not a usable delimiter`);
    }
    // ISA16 follows the 16th element separator (the first one is right after "ISA").
    let sep = start + 3;
    for (let k = 2; k <= 16; k++) {
      sep = text.indexOf(element, sep + 1);
      if (sep < 0 || sep - start > MAX_ISA_LENGTH) return fail(`fewer than 16 elements; truncated?`);
    }
    const isaText = text.slice(start, sep + 2);
    if (isaText.includes('\n') || isaText.includes('\r')) return fail('a line break inside the ISA');
    const component = text[sep + 1];
    if (!isUsableDelimiter(component) || component === element) {
      return fail(`ISA16 component separator ${describe(component ?? '')} is not a usable delimiter`);
    }

    // The terminator is the character after ISA16. When that is whitespace, either the
    // whitespace is the terminator (next segment starts after it) or it precedes a
    // visible terminator (`:` LF `~GS...`).
    let i = sep + 2;
    let terminator = text[i];
    let resume = i + 1;
    if (terminator !== undefined && isSkippable(terminator.charCodeAt(0))) {
      let j = i;
      while (j < text.length && isSkippable(text.charCodeAt(j))) j++;
      const after = text[j];
      if (after !== undefined && !isAlphanumeric(after.charCodeAt(0))) {
        terminator = after;
        resume = j + 1;
      } else {
        const gap = text.slice(i, j);
        if (gap.includes('\n')) terminator = '\n';
        else if (gap.includes('\r')) terminator = '\r';
        else return fail('no segment terminator after ISA16');
        resume = j;
      }
    }
    if (terminator === undefined) {
      // An ISA alone at the very end of the file: keep the previous/default terminator.
      terminator = this.delimiters?.terminator ?? '~';
      resume = text.length;
    } else if (!isUsableDelimiter(terminator) || terminator === element || terminator === component) {
      return fail(`segment terminator ${describe(terminator)} is not a usable delimiter`);
    }

    this.delimiters = { element, component, terminator };
    this.nextElementAt = -1;
    this.pos = resume;
    this.count = segmentNumber;
    return new Segment(segmentNumber, component, text, this.elementBounds(start, sep + 2, element));
  }

  /** No ISA before this segment: a file starting at GS or ST gets default delimiters. */
  private assumeDelimiters(start: number): Delimiters | null {
    const text = this.text;
    const head = text.slice(start, start + 2);
    const element = text[start + 2];
    if ((head !== 'GS' && head !== 'ST') || !isUsableDelimiter(element) || element === '\n' || element === '\r') {
      this.sink.reject(
        null,
        'Not an X12 file: it does not start with an ISA, GS or ST segment.',
        text.slice(start, start + 60),
      );
      this.stopped = true;
      return null;
    }
    const firstLf = text.indexOf('\n', start);
    const firstTilde = text.indexOf('~', start);
    const terminator = firstTilde >= 0 && (firstLf < 0 || firstTilde < firstLf) ? '~' : firstLf >= 0 ? '\n' : '~';
    this.delimiters = { element, component: ':', terminator };
    this.nextElementAt = -1;
    this.sink.warn(
      `No ISA envelope: the file starts with ${head}. Delimiters assumed: element ${describe(element)}, ` +
        `component ':', segment ${describe(terminator)}.`,
    );
    return this.delimiters;
  }
}
