import { describe, expect, it } from 'vitest';
import { parse835, parse837p, parseX12 } from '../../../src/engine/ingest/x12/parse-x12.ts';
import type { ParsedFile } from '../../../src/engine/ingest/parsed-file.ts';
import { mulberry32 } from '../../../src/engine/random/prng.ts';
import { bytesOf, expectConsistent, fixtureBytes, fixtureText } from './helpers.ts';

function expectNothingLoaded(parsed: ParsedFile, reason: RegExp): void {
  expectConsistent(parsed);
  expect(parsed.rowsRead).toBe(0);
  expect(parsed.claims).toEqual([]);
  expect(parsed.rejects.map((r) => r.reason).join('\n')).toMatch(reason);
}

describe('never throws, always says why', () => {
  it('an empty file', () => {
    expectNothingLoaded(parseX12(new Uint8Array()), /Empty file \(0 bytes\)/);
    expectNothingLoaded(parse835(bytesOf(' \r\n\t ')), /only whitespace/);
  });

  it('a JPEG renamed .835', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...Array(300).fill(0x80)]);
    expectNothingLoaded(parseX12(jpeg), /Not an X12 file: binary content \(first bytes ff d8 ff e0 00 10 4a 46\)/);
    expectNothingLoaded(parse835(jpeg), /binary content/);
  });

  it('garbage bytes and text that is not X12', () => {
    const random = mulberry32(7);
    const garbage = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    expectNothingLoaded(parseX12(garbage), /Not an X12 file/);
    expectNothingLoaded(parseX12(bytesOf('claim_id,cpt,billed\nA1,99213,100\n')), /Not an X12 file: it does not start with an ISA, GS or ST segment/);
    expectNothingLoaded(parse837p(bytesOf('GS')), /Not an X12 file/);
  });

  it('a segment with 10,000 elements', () => {
    expectNothingLoaded(parseX12(bytesOf(`ISA${'*'.repeat(10_000)}~`)), /ISA at segment 1 is malformed/);
    expectNothingLoaded(parseX12(bytesOf(`ST${'*X'.repeat(10_000)}~`)), /No transaction set|not an 835 or 837|not supported/);
    const remit = fixtureText('835-one-line.835').replace('CAS*CO*45*25.00', `CAS*CO*45*25.00${'*1'.repeat(10_000)}`);
    const parsed = parse835(bytesOf(remit));
    expectConsistent(parsed);
    expect(parsed.claims[0].flags).toEqual(['adjustment_rejected', 'unbalanced']);
    expect(parsed.rejects[0].reason).toMatch(/^CAS has 10003 elements \(at most 19\)/);
    expect(parsed.rejects[0].excerpt!.length).toBeLessThanOrEqual(160);
    const claim = fixtureText('835-one-line.835').replace('CLP*SEP001*1', `CLP*SEP001*1${'*9'.repeat(10_000)}`);
    const rejected = parse835(bytesOf(claim));
    expectConsistent(rejected);
    expect(rejected).toMatchObject({ rowsRead: 1, claimsRejected: 1 });
    expect(rejected.rejects[0].reason).toMatch(/Claim 'SEP001' not loaded: CLP has 10007 elements \(at most 14\)/);
  });

  it('a transaction set we do not read (999 acknowledgment)', () => {
    const ack = 'ISA*00*          *00*          *ZZ*A              *ZZ*B              *251015*0800*^*00501*000000001*0*P*:~GS*FA*A*B*20251015*0800*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~SE*3*0001~GE*1*1~IEA*1*000000001~';
    expectNothingLoaded(parseX12(bytesOf(ack)), /Transaction set 999 is not supported/);
  });

  it('random damage to real fixtures: no exception, the accounting still holds', () => {
    const random = mulberry32(20251128);
    const sources = ['835-remit.835', '835-malformed.835', '835-multi-isa.835', '837p-claims.837', '837p-malformed.837', '837p-cob.837'];
    for (let round = 0; round < 300; round++) {
      const bytes = fixtureBytes(sources[round % sources.length]).slice();
      const edits = 1 + Math.floor(random() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * bytes.length);
        bytes[at] = '*:~^>|\n0A-.'.charCodeAt(Math.floor(random() * 12)) || 0;
      }
      const cut = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
      const parsed = parseX12(bytes.subarray(0, cut));
      expectConsistent(parsed);
    }
  });
});

describe('progress and speed', () => {
  it('reports progress at most ~100 times, ending at 1', () => {
    const big = bytesOf(fixtureText('835-remit.835').repeat(200));
    const calls: number[] = [];
    const parsed = parseX12(big, (f) => calls.push(f));
    expect(parsed.claims).toHaveLength(5);
    expect(parsed.claimsRejected).toBe(995);
    expect(calls.length).toBeGreaterThan(50);
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toBe(1);
  });

  it('stays linear on segments without element separators (no rescanning)', () => {
    const text = `ST*835*0001~${'XX~'.repeat(400_000)}SE*400002*0001~`;
    const started = performance.now();
    const parsed = parse835(bytesOf(text));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parsed.rowsRead).toBe(0);
  });
});
