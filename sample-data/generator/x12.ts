/**
 * Minimal X12 writing: segments with the file's separators, the ISA/GS envelope, and
 * the numbers that have to be counted (SE01, GE01, IEA01).
 */
import { x12Date, x12ShortDate, type Day } from './calendar.ts';
import { decimal, type Cents } from './money.ts';
import type { X12Style } from './practice.ts';

const ELEMENT = '*';
const REPETITION = '^';

/** A composite element already joined with the component separator. */
export class Composite {
  constructor(readonly text: string) {}
}

type Element = string | number | Composite | null | undefined;

export class X12Writer {
  private readonly out: string[] = [];
  private segmentsInTransaction = 0;
  private transactionsInGroup = 0;

  constructor(readonly style: X12Style) {}

  /** One segment; trailing empty elements are dropped as X12 requires. */
  segment(id: string, ...elements: Element[]): void {
    const values = elements.map((e) => {
      if (e instanceof Composite) return e.text;
      const text = e === null || e === undefined ? '' : String(e);
      this.checkValue(text);
      return text;
    });
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    this.out.push([id, ...values].join(ELEMENT) + this.style.terminator);
    this.segmentsInTransaction++;
  }

  /** A composite element (e.g. HC:99214:25), empty trailing parts dropped. */
  composite(...parts: (string | null | undefined)[]): Composite {
    const values = parts.map((p) => p ?? '');
    values.forEach((v) => this.checkValue(v));
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    return new Composite(values.join(this.style.component));
  }

  private checkValue(text: string): void {
    for (const separator of [ELEMENT, REPETITION, this.style.component, '~', '\n']) {
      if (text.includes(separator)) throw new Error(`separator ${JSON.stringify(separator)} inside the X12 value ${text}`);
    }
  }

  amount(cents: Cents): string {
    const text = decimal(cents);
    return this.style.compactAmounts ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  }

  interchange(control: number, sender: string, receiver: string, created: Day, time: string): void {
    const isa = [
      '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', sender.padEnd(15), 'ZZ', receiver.padEnd(15),
      x12ShortDate(created), time, REPETITION, '00501', String(control).padStart(9, '0'), '0', 'P', this.style.component,
    ];
    this.out.push(`ISA${ELEMENT}${isa.join(ELEMENT)}${this.style.terminator}`);
  }

  group(functionalId: 'HC' | 'HP', control: number, sender: string, receiver: string, created: Day, time: string, version: string): void {
    this.segment('GS', functionalId, sender, receiver, x12Date(created), time, control, 'X', version);
    this.transactionsInGroup = 0;
  }

  startTransaction(id: '835' | '837', control: string, version?: string): void {
    this.segmentsInTransaction = 0;
    this.transactionsInGroup++;
    this.segment('ST', id, control, version);
  }

  endTransaction(control: string): void {
    this.segment('SE', this.segmentsInTransaction + 1, control);
  }

  endGroup(control: number): void {
    this.segment('GE', this.transactionsInGroup, control);
  }

  endInterchange(control: number): void {
    this.out.push(`IEA${ELEMENT}1${ELEMENT}${String(control).padStart(9, '0')}${this.style.terminator}`);
  }

  text(): string {
    return this.out.join('');
  }
}
