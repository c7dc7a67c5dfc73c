import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../src/engine/ingest/x12/segment.ts';
import { SegmentReader } from '../../../src/engine/ingest/x12/tokenizer.ts';
import { unwrapFixedWidth } from '../../../src/engine/ingest/x12/hard-wrap.ts';
import { fixtureText } from './helpers.ts';

interface Read {
  segments: Segment[];
  warnings: string[];
  rejects: { segment: number | null; reason: string }[];
}

function read(text: string): Read {
  const warnings: string[] = [];
  const rejects: Read['rejects'] = [];
  const reader = new SegmentReader(text, {
    warn: (m) => warnings.push(m),
    reject: (segment, reason) => rejects.push({ segment, reason }),
  });
  const segments: Segment[] = [];
  for (let s = reader.next(); s; s = reader.next()) segments.push(s);
  return { segments, warnings, rejects };
}

const ids = (r: Read) => r.segments.map((s) => s.id);
/** All elements of a segment, id first. */
const els = (s: Segment) => Array.from({ length: s.last + 1 }, (_, i) => s.el(i));
const svc = (r: Read) => r.segments.find((s) => s.id === 'SVC')!;

describe('SegmentReader: delimiters come from each ISA', () => {
  it('reads | elements, ^ components and CR terminators', () => {
    const r = read(fixtureText('835-pipe-caret-cr.835'));
    expect(ids(r)).toEqual(['ISA', 'GS', 'ST', 'BPR', 'TRN', 'DTM', 'N1', 'N1', 'LX', 'CLP', 'NM1', 'SVC', 'DTM', 'CAS', 'SE', 'GE', 'IEA']);
    expect(els(svc(r))).toEqual(['SVC', 'HC^99213^25^UN', '120.00', '95.00', '', '1']);
    expect(svc(r).component).toBe('^');
    expect(r.warnings).toEqual([]);
  });

  it('reads LF as the segment terminator and never splits on an alphanumeric ISA11 (U)', () => {
    const r = read(fixtureText('835-lf-terminator.835'));
    expect(els(r.segments[0])[11]).toBe('U');
    expect(r.segments).toHaveLength(17);
    // 'UN' keeps its U: ISA11 is not a repetition separator here.
    expect(els(svc(r))[1]).toBe('HC:99213:25:UN');
  });

  it('skips CRLF, indentation and blank lines after terminators and drops a space before ~', () => {
    const r = read(fixtureText('835-crlf-indented.835'));
    expect(r.segments).toHaveLength(17);
    expect(els(r.segments.find((s) => s.id === 'TRN')!)).toEqual(['TRN', '1', 'CHK1015', '1512345678']);
    expect(r.segments.every((s) => !/^\s|\s$/.test(s.text))).toBe(true);
  });

  it('reads a one-line file without a final newline', () => {
    const r = read(fixtureText('835-one-line.835'));
    expect(r.segments).toHaveLength(17);
    expect(els(r.segments[16])).toEqual(['IEA', '1', '000000114']);
  });

  it('switches delimiters at every ISA and numbers segments across interchanges', () => {
    const r = read(fixtureText('835-multi-isa.835'));
    const isas = r.segments.filter((s) => s.id === 'ISA');
    expect(isas.map((s) => s.n)).toEqual([1, 18, 35]);
    expect(isas.map((s) => s.component)).toEqual([':', '>', '^']);
    expect(r.segments.filter((s) => s.id === 'SVC').map((s) => s.el(1))).toEqual([
      'HC:99213:25:UN',
      'HC>99213>25>UN',
      'HC^99213^25^UN',
    ]);
    expect(r.segments.map((s) => s.n)).toEqual(r.segments.map((_, i) => i + 1));
  });

  it('takes ISA only at a segment start: ISAAC in a name is data', () => {
    const r = read(fixtureText('835-multi-isa.835'));
    expect(r.segments.filter((s) => s.id === 'NM1').map((s) => s.el(3))).toEqual(['ISAAC', 'ISAAC', 'ISAAC']);
    expect(r.segments.filter((s) => s.id === 'ISA')).toHaveLength(3);
  });

  it('finds the terminator after whitespace that follows ISA16 (ISA16, LF, then ~GS)', () => {
    const text = fixtureText('835-one-line.835').replaceAll('~', '\n~');
    const r = read(text);
    expect(ids(r).slice(0, 3)).toEqual(['ISA', 'GS', 'ST']);
    expect(r.segments).toHaveLength(17);
  });

  it('reads a file without ISA (starting at ST or GS) with default delimiters and a warning', () => {
    const st = read(fixtureText('835-st-only.835'));
    expect(ids(st)[0]).toBe('ST');
    expect(st.segments).toHaveLength(13);
    expect(st.warnings[0]).toMatch(/No ISA envelope: the file starts with ST/);
    const gsOnly = fixtureText('835-one-line.835').replace(/^ISA[^~]*~/, '');
    const gs = read(gsOnly);
    expect(ids(gs)[0]).toBe('GS');
    expect(gs.warnings[0]).toMatch(/starts with GS/);
  });

  it('rejects a malformed or truncated ISA with its segment number and stops', () => {
    const truncated = read('ISA*00*          *00*    ');
    expect(truncated.segments).toEqual([]);
    expect(truncated.rejects[0]).toMatchObject({ segment: 1 });
    expect(truncated.rejects[0].reason).toMatch(/ISA at segment 1 is malformed \(fewer than 16 elements/);
    const later = read(`${fixtureText('835-one-line.835')}ISA*00*`);
    expect(later.segments).toHaveLength(17);
    expect(later.rejects[0].reason).toMatch(/ISA at segment 18 is malformed/);
  });

  it('does not treat text that is not X12 as segments', () => {
    const r = read('Dear billing office,\nplease find attached…');
    expect(r.segments).toEqual([]);
    expect(r.rejects[0].reason).toMatch(/Not an X12 file/);
  });

  it('keeps the raw segment text for reject excerpts', () => {
    const r = read(fixtureText('835-crlf-indented.835'));
    expect(svc(r).text).toBe('SVC*HC:99213:25:UN*120.00*95.00**1');
  });

  it('reports progress at most ~100 times, ending at 1', () => {
    const text = fixtureText('835-remit.835').repeat(50);
    const calls: number[] = [];
    const reader = new SegmentReader(text, { warn: () => {}, reject: () => {} }, (f) => calls.push(f));
    while (reader.next());
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toBe(1);
    expect(calls.every((f, i) => i === 0 || f >= calls[i - 1])).toBe(true);
  });
});

describe('unwrapFixedWidth: 80-column hard-wrapped files', () => {
  const wrap = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'gs'))!.join('\r\n');

  it('joins lines cut at a fixed width mid-segment, even where a line starts with ISAAC', () => {
    const original = fixtureText('835-one-line.835');
    const width = 80;
    // Spaces between segments are ignorable: use them to put a wrap point right before
    // "ISAAC", which must not then be read as the start of an interchange.
    const nm1 = original.indexOf('NM1*QC');
    const shift = (width - ((original.indexOf('ISAAC') + width) % width)) % width;
    const padded = `${original.slice(0, nm1)}${' '.repeat(shift)}${original.slice(nm1)}`;
    const wrapped = wrap(padded, width);
    expect(wrapped.split('\r\n').some((line) => line.startsWith('ISAAC'))).toBe(true);
    const unwrapped = unwrapFixedWidth(wrapped);
    expect(unwrapped).toEqual({ text: padded, width });
    const r = read(unwrapped!.text);
    expect(r.segments).toHaveLength(17);
    expect(els(r.segments.find((s) => s.id === 'NM1')!)[3]).toBe('ISAAC');
  });

  it('leaves files with one segment per line alone', () => {
    expect(unwrapFixedWidth(fixtureText('835-remit.835'))).toBeNull();
    expect(unwrapFixedWidth(fixtureText('835-lf-terminator.835'))).toBeNull();
    expect(unwrapFixedWidth(fixtureText('835-one-line.835'))).toBeNull();
  });
});
