/**
 * Seeded mutations of real input files, for the fuzz tests: byte-level damage
 * (flips, truncation), X12 structure damage (duplicated / dropped / shuffled
 * segments, huge elements, wrong separators) and CSV damage (random quoting,
 * stray delimiters and line breaks, other delimiters, encodings, ragged rows).
 * Every mutation is a pure function of its input and the random stream.
 */
import { randomInt } from '../../../src/engine/random/prng.ts';

export type Random = () => number;
export type Mutation = { name: string; apply: (input: Uint8Array, random: Random) => Uint8Array };

const encoder = new TextEncoder();
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const pick = <T>(random: Random, items: readonly T[]): T => items[randomInt(random, items.length)];

/** Bytes that mean something to one of the parsers, more likely to hit an edge than random ones. */
const INTERESTING = [...'*:~^>|\n\r,;\t"\'0123456789.-$()ABCDEFGHIJKLMNOPQRSTUVWXYZ ']
  .map((c) => c.charCodeAt(0))
  .concat([0x00, 0x7f, 0x80, 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0xff, 0xfe]);

const byteMutations: Mutation[] = [
  {
    name: 'byte flips',
    apply: (input, random) => {
      const out = input.slice();
      const n = 1 + randomInt(random, 12);
      for (let i = 0; i < n && out.length; i++) {
        const at = randomInt(random, out.length);
        out[at] = random() < 0.7 ? pick(random, INTERESTING) : randomInt(random, 256);
      }
      return out;
    },
  },
  {
    name: 'bit flips',
    apply: (input, random) => {
      const out = input.slice();
      for (let i = 0; i < 1 + randomInt(random, 6) && out.length; i++) out[randomInt(random, out.length)] ^= 1 << randomInt(random, 8);
      return out;
    },
  },
  { name: 'truncation', apply: (input, random) => input.slice(0, randomInt(random, input.length + 1)) },
  { name: 'head cut', apply: (input, random) => input.slice(randomInt(random, Math.max(1, input.length))) },
  {
    name: 'splice of itself',
    apply: (input, random) => {
      const a = randomInt(random, input.length + 1);
      const b = randomInt(random, input.length + 1);
      const c = randomInt(random, input.length + 1);
      const [from, to] = a < b ? [a, b] : [b, a];
      return concat(input.subarray(0, c), input.subarray(from, to), input.subarray(c));
    },
  },
  {
    name: 'insert random bytes',
    apply: (input, random) => {
      const at = randomInt(random, input.length + 1);
      const junk = Uint8Array.from({ length: 1 + randomInt(random, 64) }, () => pick(random, INTERESTING));
      return concat(input.subarray(0, at), junk, input.subarray(at));
    },
  },
];

/** Segments of an X12 file by the terminator its ISA declares (or '~'). */
function x12Parts(text: string): { terminator: string; element: string; component: string; segments: string[] } {
  const isa = text.indexOf('ISA');
  const declared = isa >= 0 && text.length > isa + 105;
  const terminator = declared ? text[isa + 105] : '~';
  return {
    terminator,
    element: declared ? text[isa + 3] : '*',
    component: declared ? text[isa + 104] : ':',
    segments: text.split(terminator),
  };
}

function x12Mutation(name: string, edit: (p: ReturnType<typeof x12Parts>, random: Random) => string[] | string): Mutation {
  return {
    name,
    apply: (input, random) => {
      const parts = x12Parts(latin1(input));
      const out = edit(parts, random);
      return fromLatin1(typeof out === 'string' ? out : out.join(parts.terminator));
    },
  };
}

const x12Mutations: Mutation[] = [
  x12Mutation('duplicated segments', ({ segments }, random) => {
    const out = [...segments];
    for (let i = 0; i < 1 + randomInt(random, 5); i++) {
      const at = randomInt(random, out.length);
      out.splice(at, 0, ...Array(1 + randomInt(random, 3)).fill(out[at]));
    }
    return out;
  }),
  x12Mutation('dropped segments', ({ segments }, random) => {
    const out = [...segments];
    for (let i = 0; i < 1 + randomInt(random, 6) && out.length > 1; i++) out.splice(randomInt(random, out.length), 1 + randomInt(random, 2));
    return out;
  }),
  x12Mutation('moved segment', ({ segments }, random) => {
    const out = [...segments];
    const [seg] = out.splice(randomInt(random, out.length), 1);
    out.splice(randomInt(random, out.length + 1), 0, seg);
    return out;
  }),
  x12Mutation('huge element', ({ segments, element }, random) => {
    const out = [...segments];
    const at = randomInt(random, out.length);
    const fields = out[at].split(element);
    const f = randomInt(random, fields.length);
    const size = pick(random, [1_000, 20_000, 200_000]);
    fields[f] = fields[f] + pick(random, ['9', 'A', '1.5', ' '] as const).repeat(size);
    out[at] = fields.join(element);
    return out;
  }),
  x12Mutation('many elements', ({ segments, element }, random) => {
    const out = [...segments];
    const at = randomInt(random, out.length);
    out[at] += `${element}1`.repeat(pick(random, [30, 500, 5_000]));
    return out;
  }),
  x12Mutation('emptied elements', ({ segments, element }, random) => {
    const out = [...segments];
    for (let i = 0; i < 1 + randomInt(random, 8); i++) {
      const at = randomInt(random, out.length);
      const fields = out[at].split(element);
      if (fields.length > 1) fields[1 + randomInt(random, fields.length - 1)] = '';
      out[at] = fields.join(element);
    }
    return out;
  }),
  x12Mutation('wrong element separator', ({ segments, element }, random) => {
    const other = pick(random, ['|', '^', '+', ',', '\t'].filter((c) => c !== element));
    // everywhere but the ISA (which declares the right one), or only in some segments
    const everywhere = random() < 0.5;
    return segments.map((s, i) => (i > 0 && (everywhere || random() < 0.3) ? s.replaceAll(element, other) : s));
  }),
  x12Mutation('wrong terminator', ({ segments, terminator }, random) => {
    const other = pick(random, ['\n', '\r\n', '~\n', '!', "'", ''].filter((c) => c !== terminator));
    return segments.join(other);
  }),
  x12Mutation('wrong component separator', ({ segments, component }, random) => {
    const other = pick(random, [':', '>', '^', '*'].filter((c) => c !== component));
    return segments.map((s) => s.replaceAll(component, other));
  }),
  x12Mutation('numbers replaced', ({ segments }, random) =>
    segments.map((s) =>
      random() < 0.2
        ? s.replace(/\d+(\.\d+)?/g, () => pick(random, ['-0', '1e309', '99999999999999999999', '.', '-', '0.000001', 'NaN', '12,50', '']))
        : s,
    )),
  x12Mutation('dates replaced', ({ segments }, random) =>
    segments.map((s) => (random() < 0.3 ? s.replace(/\b(19|20)\d{6}\b/g, () => pick(random, ['20260230', '00000000', '99999999', '2026', '20261301', '2026-01-01'])) : s))),
  x12Mutation('line breaks inside', ({ segments }, random) =>
    segments.map((s) => (random() < 0.2 && s.length > 2 ? `${s.slice(0, s.length >> 1)}\r\n${s.slice(s.length >> 1)}` : s))),
];

/** A CSV's records, split on line ends outside quotes. */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      records.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

function csvMutation(name: string, edit: (records: string[], random: Random) => string[] | string): Mutation {
  return {
    name,
    apply: (input, random) => {
      const out = edit(csvRecords(latin1(input)), random);
      return fromLatin1(typeof out === 'string' ? out : out.join(''));
    },
  };
}

/** Splits a record into raw field texts (quotes kept) on commas outside quotes. */
function rawFields(record: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    if (record[i] === '"') quoted = !quoted;
    else if (record[i] === ',' && !quoted) {
      fields.push(record.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(record.slice(start));
  return fields;
}

const onSomeFields = (records: string[], random: Random, rate: number, edit: (field: string) => string) =>
  records.map((r, i) => (i === 0 && random() < 0.8 ? r : rawFields(r).map((f) => (random() < rate ? edit(f) : f)).join(',')));

const csvMutations: Mutation[] = [
  csvMutation('random quoting', (records, random) =>
    onSomeFields(records, random, 0.15, (f) => {
      const choice = randomInt(random, 6);
      if (choice === 0) return `"${f.replaceAll('"', '""')}"`; // valid quoting
      if (choice === 1) return `"${f}`; // unterminated
      if (choice === 2) return `${f}"`; // stray quote at the end
      if (choice === 3) return `"${f}"x`; // text after the closing quote
      if (choice === 4) return `"a""b,${f}"`; // escaped quote and delimiter inside
      return `"${f}\n${f}"`; // line break inside a quoted field
    })),
  csvMutation('stray delimiters and line breaks', (records, random) =>
    onSomeFields(records, random, 0.05, (f) => pick(random, [`${f},`, `${f}\n`, `${f}\r`, `${f};${f}`, `,${f}`, `${f}\t`]))),
  csvMutation('ragged rows', (records, random) =>
    records.map((r, i) => {
      if (i === 0 || random() > 0.1) return r;
      const fields = rawFields(r.replace(/\r?\n$/, ''));
      const end = r.endsWith('\r\n') ? '\r\n' : r.endsWith('\n') ? '\n' : '';
      return (random() < 0.5 ? fields.slice(0, randomInt(random, fields.length)) : [...fields, 'extra', '']).join(',') + end;
    })),
  csvMutation('dropped and duplicated rows', (records, random) => {
    const out = [...records];
    for (let i = 0; i < 1 + randomInt(random, 6) && out.length > 1; i++) {
      const at = 1 + randomInt(random, out.length - 1);
      if (random() < 0.5) out.splice(at, 1);
      else out.splice(at, 0, out[at]);
    }
    return out;
  }),
  csvMutation('other delimiter', (records, random) => {
    const d = pick(random, [';', '\t', '|']);
    return records.map((r) => rawFields(r).join(random() < 0.97 ? d : ','));
  }),
  csvMutation('values replaced', (records, random) =>
    onSomeFields(records, random, 0.08, () =>
      pick(random, ['', ' ', '=cmd|"/c calc"!A1', '-', '$', '(12.00', '1e400', '13/45/2026', '00/00/0000', '2026-02-30', '٣٤', 'NULL', 'A'.repeat(50_000), '12.345.678', '$-1,2,3', 'M54.5.1', '99213.0', 'ZZZZZZZ', "O'Brien", '\\N']))),
  csvMutation('line ends mixed', (records, random) => records.map((r) => (random() < 0.3 ? r.replace(/\r?\n$/, pick(random, ['\n', '\r\n', '\r', '\n\n', '\r\r\n'])) : r))),
  csvMutation('header damaged', (records, random) => {
    const out = [...records];
    const fields = rawFields(out[0] ?? '');
    const at = randomInt(random, fields.length);
    fields[at] = pick(random, ['', 'Claim ID', 'DOS', '"Billed Amt"', 'x'.repeat(300), fields[(at + 1) % fields.length]]);
    out[0] = fields.join(',');
    return out;
  }),
  {
    name: 'encoding',
    apply: (input, random) => {
      const choice = randomInt(random, 3);
      if (choice === 0) return concat(new Uint8Array([0xef, 0xbb, 0xbf]), input); // UTF-8 BOM
      if (choice === 1) return fromLatin1(latin1(input).replace(/[A-Z]{4}/g, (m) => (random() < 0.05 ? `${m}É` : m))); // Windows-1252 bytes
      return encoder.encode(latin1(input).replace(/, /g, () => (random() < 0.1 ? ', Ñandú ' : ', '))); // UTF-8 multi-byte
    },
  },
  {
    name: 'blank lines',
    apply: (input, random) => {
      const text = latin1(input);
      const at = randomInt(random, text.length + 1);
      const cut = text.lastIndexOf('\n', at) + 1;
      return fromLatin1(`${text.slice(0, cut)}${'\r\n'.repeat(1 + randomInt(random, 3))}${text.slice(cut)}`);
    },
  },
];

export const X12_MUTATIONS: readonly Mutation[] = [...byteMutations, ...x12Mutations];
export const CSV_MUTATIONS: readonly Mutation[] = [...byteMutations, ...csvMutations];

/** One to three mutations in a row; the names say what was done. */
export function mutate(input: Uint8Array, mutations: readonly Mutation[], random: Random): { bytes: Uint8Array; names: string[] } {
  let bytes = input;
  const names: string[] = [];
  const rounds = 1 + (random() < 0.3 ? randomInt(random, 3) : 0);
  for (let i = 0; i < rounds; i++) {
    const m = pick(random, mutations);
    bytes = m.apply(bytes, random);
    names.push(m.name);
  }
  return { bytes, names };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
