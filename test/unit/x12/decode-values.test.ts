import { describe, expect, it } from 'vitest';
import { decodeX12Bytes } from '../../../src/engine/ingest/x12/decode.ts';
import {
  isCodeShape,
  parseAmount,
  parseDate8,
  parseDateByFormat,
  readProcedureComposite,
} from '../../../src/engine/ingest/x12/values.ts';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let i = 0;
  const put = (code: number) => {
    out[i++] = endian === 'le' ? code & 0xff : code >> 8;
    out[i++] = endian === 'le' ? code >> 8 : code & 0xff;
  };
  if (bom) put(0xfeff);
  for (const ch of text) put(ch.charCodeAt(0));
  return out;
}

describe('decodeX12Bytes', () => {
  const sample = 'ISA*00*          *00*';

  it('drops a UTF-8 byte-order mark without a warning', () => {
    const decoded = decodeX12Bytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]));
    expect(decoded).toEqual({ text: sample, warnings: [] });
  });

  it.each([
    ['le', true],
    ['le', false],
    ['be', true],
    ['be', false],
  ] as const)('decodes UTF-16%s (BOM: %s) with a warning', (endian, bom) => {
    const decoded = decodeX12Bytes(utf16(sample, endian, bom));
    expect(decoded.text).toBe(sample);
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.warnings[0]).toContain(endian === 'le' ? 'UTF-16LE' : 'UTF-16BE');
    expect(decoded.warnings[0]).toContain(bom ? 'with a byte-order mark' : 'without a byte-order mark');
  });

  it('reads text that is not UTF-8 as Windows-1252, with a warning', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('NM1*QC*1*M'), 0xdc, ...new TextEncoder().encode('LLER*J')]);
    expect(decodeX12Bytes(latin1)).toEqual({
      text: 'NM1*QC*1*MÜLLER*J',
      warnings: ['The file is not valid UTF-8; it was read as Windows-1252 (Latin-1) text.'],
    });
    expect(decodeX12Bytes(new TextEncoder().encode('NM1*QC*1*MÜLLER*J')).text).toBe('NM1*QC*1*MÜLLER*J');
  });

  it('drops the odd last byte of a cut UTF-16 file and says so', () => {
    const bytes = utf16(sample, 'le', false);
    const decoded = decodeX12Bytes(bytes.subarray(0, bytes.length - 1));
    expect(decoded.text).toBe(sample.slice(0, -1));
    expect(decoded.warnings.some((w) => w.includes('odd number of bytes'))).toBe(true);
  });
});

describe('X12 values', () => {
  it('parses X12 decimal amounts and nothing else', () => {
    expect(parseAmount('1922.86')).toBe(1922.86);
    expect(parseAmount('-42.58')).toBe(-42.58);
    expect(parseAmount('.5')).toBe(0.5);
    expect(parseAmount('100')).toBe(100);
    expect(parseAmount('0000000000')).toBe(0);
    for (const bad of ['', '-', '.', 'amount', '1,000.00', '1e3', '+5', ' 5', '1.2.3', '12-3']) {
      expect(parseAmount(bad), bad).toBeNull();
    }
  });

  it('gives the same double as Number() for every decimal it accepts', () => {
    for (const text of ['0.1', '0.29', '1234567.89', '-0.07', '999999999999.99', '3.14159', '12345678901234567']) {
      expect(parseAmount(text)).toBe(Number(text));
    }
  });

  it('turns CCYYMMDD into ISO dates and refuses impossible ones', () => {
    expect(parseDate8('20251006')).toBe('2025-10-06');
    expect(parseDate8('20240229')).toBe('2024-02-29');
    expect(parseDate8('20000229')).toBe('2000-02-29');
    for (const bad of ['20250229', '19000229', '20251301', '20251100', '20251131', '00000000', '2025106', 'XXXXXXXX', '']) {
      expect(parseDate8(bad), bad).toBeNull();
    }
  });

  it('reads D8 and RD8 date formats', () => {
    expect(parseDateByFormat('D8', '20251006')).toEqual({ start: '2025-10-06', end: null, invalid: false });
    expect(parseDateByFormat('RD8', '20251006-20251007')).toEqual({ start: '2025-10-06', end: '2025-10-07', invalid: false });
    expect(parseDateByFormat('RD8', '20251006-20251006')).toEqual({ start: '2025-10-06', end: null, invalid: false });
    expect(parseDateByFormat('RD8', '20251007-20251006').invalid).toBe(true);
    expect(parseDateByFormat('RD8', '20251006').invalid).toBe(true);
  });

  it('accepts code shapes (even unknown codes) but not placeholders', () => {
    expect(isCodeShape('45', 5)).toBe(true);
    expect(isCodeShape('Z9', 5)).toBe(true);
    expect(isCodeShape('A2', 5)).toBe(true);
    expect(isCodeShape('reason_code', 5)).toBe(false);
    expect(isCodeShape('code1', 6)).toBe(false);
    expect(isCodeShape('GO>XXXX', 3)).toBe(false);
  });

  it('reads a procedure composite: qualifier, code, up to four modifiers, no description', () => {
    expect(readProcedureComposite('HC:99214:25', ':')).toEqual({ ok: true, qualifier: 'HC', code: '99214', modifiers: ['25'] });
    expect(readProcedureComposite('HC:99213:AA:BB:CC:DD:desc', ':')).toEqual({
      ok: true,
      qualifier: 'HC',
      code: '99213',
      modifiers: ['AA', 'BB', 'CC', 'DD'],
    });
    expect(readProcedureComposite('HC:J3490:::::Sod Chl 0.9%', ':')).toEqual({ ok: true, qualifier: 'HC', code: 'J3490', modifiers: [] });
    expect(readProcedureComposite('HC:J3490:::::NDC > 5 ML: see note', ':')).toEqual({ ok: true, qualifier: 'HC', code: 'J3490', modifiers: [] });
    expect(readProcedureComposite('HC>12345>26', ':')).toEqual({ ok: false, foreign: '>' });
    expect(readProcedureComposite('HC:99213>25', ':')).toEqual({ ok: false, foreign: '>' });
    expect(readProcedureComposite('HC', ':')).toEqual({ ok: false, foreign: null });
  });
});
