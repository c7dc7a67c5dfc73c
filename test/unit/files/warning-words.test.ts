import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseX12 } from '../../../src/engine/ingest/x12/parse-x12.ts';
import { warningWords } from '../../../src/engine/ingest/warning-words.ts';

const fixture = (name: string) => new TextDecoder().decode(readFileSync(new URL(`../../fixtures/x12/${name}`, import.meta.url)));
const warningsOf = (text: string) => parseX12(new TextEncoder().encode(text)).warnings;

// 835-remit.835 has 59 segments from its ST (segment 3) to its SE, both counted: SE*59 is right.
const REMIT = fixture('835-remit.835');

describe('file warnings in plain words', () => {
  it('says a trailer that counts fewer segments than the file has means joined files, and nothing was lost', () => {
    const [warning] = warningsOf(REMIT.replace('SE*59*0001', 'SE*25*0001'));
    expect(warning).toBe('Transaction set at segment 3: SE01 says 25 segments, 59 were found.');
    expect(warningWords(warning)).toEqual({
      text: 'The file’s trailer counts 25 segments but the file has 59: it was probably joined from several files; nothing was lost.',
      detail: warning,
    });
    expect(warningWords('Transaction set at segment 3: SE01 says 25 segments, 11486 were found.').text).toBe(
      'The file’s trailer counts 25 segments but the file has 11,486: it was probably joined from several files; nothing was lost.',
    );
  });

  it('says a trailer counting more segments than there are means part of the file may be missing', () => {
    const [warning] = warningsOf(REMIT.replace('SE*59*0001', 'SE*80*0001'));
    expect(warningWords(warning).text).toBe('The file’s trailer counts 80 segments but the file has only 59: part of it may be missing. Ask the sender for the complete file.');
  });

  it('does not warn about an ordinary reversal', () => {
    const reversal = fixture('835-reversal.835');
    expect(reversal).toContain('CLP*ACC1004*22*'); // CLP02 = 22: a reversal of the earlier payment
    expect(warningsOf(reversal)).toEqual([]);
  });

  it('names what flagged claims and lines mean, one or several', () => {
    // 835-unbalanced.835: two claims and one line whose charge − CAS ≠ paid
    expect(warningsOf(fixture('835-unbalanced.835')).map(warningWords)).toEqual([
      {
        text: '2 claims do not add up as sent by the payer (charge − adjustments ≠ paid): see “Claims and lines that do not balance”.',
        detail: "2 claims flagged 'unbalanced' (first at segment 10).",
      },
      {
        text: '1 service line does not add up as sent by the payer (charge − adjustments ≠ paid): see “Claims and lines that do not balance”.',
        detail: "1 service line flagged 'unbalanced' (first at segment 21).",
      },
    ]);
  });

  it('leaves warnings already in plain words as they are', () => {
    const csv = 'diagnosis pointers contain 0: read as 0-based (0 = first diagnosis)';
    expect(warningWords(csv)).toEqual({ text: csv, detail: null });
  });
});
