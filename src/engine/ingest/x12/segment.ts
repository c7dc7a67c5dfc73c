/**
 * One X12 segment as a view on the file text: the tokenizer records where each element
 * starts, and values are read on demand — codes and names as (trimmed) strings, amounts
 * and dates straight from the text. A 50 MB remittance has ten million elements; most
 * are never needed as strings.
 */
import { amountIn, dateIn } from './values.ts';

function isBlank(c: number): boolean {
  return c <= 32;
}

export class Segment {
  /** Segment id (`CLP`, `SVC`, ...). */
  readonly id: string;

  constructor(
    /** 1-based position of the segment in the file, counted across all interchanges. */
    readonly n: number,
    /** Component separator in effect for this segment. */
    readonly component: string,
    private readonly source: string,
    /**
     * bounds[i] is where element i starts (element 0 is the id); the last entry is one past
     * the segment end, as if a separator followed it.
     */
    private readonly bounds: number[],
  ) {
    this.id = this.el(0);
  }

  /** Index of the last element written (0 when the segment is only an id). */
  get last(): number {
    return this.bounds.length - 2;
  }

  /** Index of the last non-empty element: trailing empty elements are common and harmless. */
  lastUsed(): number {
    for (let i = this.last; i > 0; i--) if (!this.isEmpty(i)) return i;
    return 0;
  }

  /** Element i without surrounding blanks; '' when absent or empty. */
  el(i: number): string {
    const start = this.startOf(i);
    const end = this.endOf(i, start);
    return start === end ? '' : this.source.slice(start, end);
  }

  isEmpty(i: number): boolean {
    const start = this.startOf(i);
    return start === this.endOf(i, start);
  }

  /** Element i as an X12 decimal amount; null when absent or not a number. */
  amount(i: number): number | null {
    const start = this.startOf(i);
    return amountIn(this.source, start, this.endOf(i, start));
  }

  /** Element i as a CCYYMMDD date ('YYYY-MM-DD'); null when absent or not a real date. */
  date(i: number): string | null {
    const start = this.startOf(i);
    return dateIn(this.source, start, this.endOf(i, start));
  }

  /** The segment as written, without its terminator (for reject excerpts). */
  get text(): string {
    return this.source.slice(this.bounds[0], this.bounds[this.bounds.length - 1] - 1);
  }

  /** First non-blank position of element i (an empty range at 0 when absent). */
  private startOf(i: number): number {
    if (i < 0 || i > this.last) return 0;
    let start = this.bounds[i];
    const end = this.bounds[i + 1] - 1;
    while (start < end && isBlank(this.source.charCodeAt(start))) start++;
    return start;
  }

  /** One past the last non-blank position of element i, not before `start`. */
  private endOf(i: number, start: number): number {
    if (i < 0 || i > this.last) return 0;
    let end = this.bounds[i + 1] - 1;
    while (end > start && isBlank(this.source.charCodeAt(end - 1))) end--;
    return end;
  }
}

/** "CLP has 15 elements (at most 14)" when a segment carries more elements than its definition allows. */
export function tooManyElements(seg: Segment, max: number | undefined): string | null {
  if (max === undefined || seg.last <= max) return null;
  const used = seg.lastUsed();
  return used > max ? `${seg.id} has ${used} elements (at most ${max})` : null;
}
