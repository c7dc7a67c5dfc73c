/**
 * A file warning in words a billing manager can act on. The parsers write warnings for people
 * who read X12 ("SE01 says 25 segments, 11486 were found"); that text stays as the technical
 * detail, and this says what it means and what to do. Warnings written in plain words already
 * (the CSV loader's) have no translation and are shown as they are.
 */
export interface WarningWords {
  /** What happened and what to do, in plain words. */
  text: string;
  /** The warning as the parser wrote it, with segment numbers; null when `text` is that warning. */
  detail: string | null;
}

const count = (n: number) => n.toLocaleString('en-US');
const many = (n: number, one: string, other: string) => `${count(n)} ${n === 1 ? one : other}`;

/** What one claim or line flag means, after "N claims" / "N service lines". */
const FLAG_WORDS: Record<string, { claim?: string; line?: string }> = {
  unbalanced: {
    claim: 'do not add up as sent by the payer (charge − adjustments ≠ paid): see “Claims and lines that do not balance”',
    line: 'do not add up as sent by the payer (charge − adjustments ≠ paid): see “Claims and lines that do not balance”',
  },
  adjustment_rejected: { claim: 'have an adjustment that could not be read: see Rejected rows', line: 'have an adjustment that could not be read: see Rejected rows' },
  remark_rejected: { claim: 'have a remark code that could not be read: see Rejected rows' },
  line_rejected: { claim: 'have a service line that could not be read and was left out: see Rejected rows' },
  invalid_date: { claim: 'have a date that is not a real date; it was left empty', line: 'have a date that is not a real date; it was left empty' },
  invalid_amount: { line: 'have an allowed amount that is not a number; it was left empty' },
  malformed_svc01: { line: 'have a procedure code that could not be read' },
  malformed_sv101: { line: 'have a procedure code that could not be read' },
  malformed_svc06: { line: 'have a billed procedure code that could not be read; the paid code is used' },
  procedure_recoded: { line: 'were paid under another procedure code than the one billed (the payer changed the code)' },
  service_date_from_claim: { line: 'carry no date of service of their own: the claim’s dates are used' },
  no_service_date: { line: 'have no date of service at all (nor has their claim): they are in no month' },
  malformed_hi: { claim: 'have a diagnosis list that could not be read: their diagnoses were not loaded' },
  icd9_qualifier: { claim: 'have ICD-9 diagnoses (an old coding system): they are not checked against ICD-10-CM' },
  no_diagnosis: { claim: 'have no diagnosis' },
  no_service_lines: { claim: 'have no service line' },
  no_dx_pointer: { line: 'point at no diagnosis' },
  invalid_dx_pointer: { line: 'have a diagnosis pointer that is not a number' },
  dx_pointer_out_of_range: { line: 'point at a diagnosis their claim does not have' },
};

/** FLAG_WORDS are written for several; one claim "has", not "have". */
const SINGULAR_VERBS: Record<string, string> = { have: 'has', do: 'does', were: 'was', carry: 'carries', point: 'points' };
const singular = (words: string) => words.replace(/^\w+/, (verb) => SINGULAR_VERBS[verb] ?? verb);

type Rule = [RegExp, (m: RegExpMatchArray) => string | null];

const RULES: Rule[] = [
  [
    /^Transaction set at segment \d+: SE01 says (.+) segments, (\d+) were found\.$/,
    ([, declared, found]) => {
      const stated = Number(declared);
      const has = Number(found);
      if (!/^\d+$/.test(declared)) return `The file’s trailer does not say how many segments it has (it has ${count(has)}): every segment was read.`;
      return has > stated
        ? `The file’s trailer counts ${count(stated)} segments but the file has ${count(has)}: it was probably joined from several files; nothing was lost.`
        : `The file’s trailer counts ${count(stated)} segments but the file has only ${count(has)}: part of it may be missing. Ask the sender for the complete file.`;
    },
  ],
  [
    /^Transaction set at segment \d+ has no SE: /,
    () => 'A part of the file has no end marker: it was read up to where the next part starts. The file was probably cut or joined by hand; check that it is complete.',
  ],
  [/^Transaction set at segment \d+ states no version: read as (\S+)\.$/, () => 'The file does not say which X12 version it follows: it was read as the current one (5010).'],
  [
    /^No ISA envelope: /,
    () => 'The file has no X12 header (it may be an excerpt of a file): it was read with the usual separators. If the figures look wrong, ask for the original file.',
  ],
  [/^The file is hard-wrapped at (\d+) characters per line/, ([, width]) => `The file was broken into lines of ${width} characters (as some portals and e-mail do): the lines were joined again; nothing was lost.`],
  [/^The file is not valid UTF-8; it was read as Windows-1252/, () => 'Some characters (accents in names) are in an older Windows encoding: they were read as such. Codes and amounts are not affected.'],
  [/^File is UTF-16/, () => 'The file was saved as UTF-16 text (e.g. by Notepad): it was read correctly.'],
  [/^UTF-16 file has an odd number of bytes/, () => 'The file seems cut short by one byte: the last byte was ignored. Check that the file is complete.'],
  [
    /^Remittance at segment \d+ is cut off: /,
    () => 'A payment at the end of the file is incomplete (the file was cut off): its claims were loaded, but its total could not be checked against them. Ask the payer for the complete file.',
  ],
  [/^Remittance at segment \d+ has no BPR16 payment date: /, () => 'A payment has no payment date: the date the payer produced the remittance is used instead.'],
  [
    /^(\d+) (claim|service line)s? flagged '([a-z0-9_]+)' \(first at segment \d+\)\.$/,
    ([, n, noun, flag]) => {
      const words = FLAG_WORDS[flag]?.[noun === 'claim' ? 'claim' : 'line'];
      if (!words) return null;
      const number = Number(n);
      return `${many(number, noun, `${noun}s`)} ${number === 1 ? singular(words) : words}.`;
    },
  ],
];

export function warningWords(warning: string): WarningWords {
  for (const [pattern, say] of RULES) {
    const match = warning.match(pattern);
    const text = match && say(match);
    if (text) return { text, detail: warning };
  }
  return { text: warning, detail: null };
}
