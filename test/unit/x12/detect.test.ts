import { describe, expect, it } from 'vitest';
import { checkVersion, detectX12 } from '../../../src/engine/ingest/x12/detect-x12.ts';
import { fixtureText } from './helpers.ts';

describe('detectX12', () => {
  it('names the transaction set and version of an 835 and an 837P', () => {
    expect(detectX12(fixtureText('835-remit.835'))).toEqual({ kind: '835', transactionSet: '835', version: '005010X221A1', problem: null });
    expect(detectX12(fixtureText('837p-claims.837'))).toMatchObject({ kind: '837', version: '005010X222A1' });
  });

  it('reads the version of a bare ST file as unknown, and says what is not X12', () => {
    expect(detectX12(fixtureText('835-st-only.835'))).toMatchObject({ kind: '835', version: null });
    expect(detectX12('PK\u0003\u0004 zip archive')).toMatchObject({ kind: null, problem: expect.stringMatching(/Not an X12 file/) });
    expect(detectX12(fixtureText('835-remit.835').replace(/ST\*835/, 'ST*999'))).toMatchObject({ kind: null, transactionSet: '999' });
  });
});

describe('checkVersion', () => {
  it('accepts the 5010 835 and 837P guides, abbreviated or not', () => {
    for (const v of ['005010X221A1', '005010X221', '5010', '00501']) expect(checkVersion('835', v), v).toEqual({ ok: true, stated: true });
    for (const v of ['005010X222A1', '005010X222', '005010X222A2']) expect(checkVersion('837', v), v).toEqual({ ok: true, stated: true });
    expect(checkVersion('835', null)).toEqual({ ok: true, stated: false });
  });

  it('refuses 4010 naming the version, and other guides or versions with a reason', () => {
    const legacy = checkVersion('835', '004010X091A1');
    expect(legacy.ok).toBe(false);
    expect(!legacy.ok && legacy.reason).toMatch(/004010X091A1 \(4010\) is a legacy format/);
    expect(checkVersion('837', '005010X223A2')).toMatchObject({ ok: false, reason: expect.stringMatching(/Institutional claims \(837I/) });
    expect(checkVersion('837', '005010X224A2')).toMatchObject({ ok: false, reason: expect.stringMatching(/Dental claims/) });
    expect(checkVersion('837', '005010X221A1')).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
    expect(checkVersion('835', '999999X999X9')).toMatchObject({ ok: false, reason: expect.stringMatching(/'999999X999X9' is not supported/) });
  });
});
