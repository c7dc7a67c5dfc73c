/**
 * Is this X12, which transaction set, which version — and do we read it?
 *
 * We read 005010X221(A1) remittances (835) and 005010X222(A1/A2) professional claims
 * (837P). The version comes from ST03, else GS08 (abbreviations such as `5010` or
 * `005010X222` are accepted), else ISA12. 4010 files are refused with a message naming the
 * version: HIPAA has required 5010 since 2012-01-01 (45 CFR 162.1102, 162.1602; CMS
 * "Version 5010" compliance date), so their layouts differ from what we read.
 */
import type { Segment } from './segment.ts';
import { SegmentReader } from './tokenizer.ts';

export type TransactionKind = '835' | '837';

export type VersionVerdict = { ok: true; stated: boolean } | { ok: false; reason: string };

/** The guide (X221 remittance, X222 professional claim...) named in a version string. */
function guideOf(version: string): string | null {
  const at = version.indexOf('X');
  return at >= 0 ? version.slice(at, at + 4) : null;
}

/**
 * `st01` is the transaction set id; `version` is the most specific version string the
 * envelope states (ST03, GS08 or ISA12), null when there is none (bare ST..SE files).
 */
export function checkVersion(st01: string, version: string | null): VersionVerdict {
  const set = st01 === '835' ? '835 remittance' : st01 === '837' ? '837 claim' : `${st01}`;
  if (!version) return { ok: true, stated: false };
  if (version.startsWith('00401') || version.startsWith('4010')) {
    return {
      ok: false,
      reason:
        `X12 version ${version} (4010) is a legacy format, replaced by 5010 under HIPAA since 2012; ` +
        `this ${set} was not read. Ask the sender for the 005010 version.`,
    };
  }
  const is5010 = version.startsWith('005010') || version.startsWith('5010') || version === '00501';
  if (!is5010) return { ok: false, reason: `X12 version '${version}' is not supported (expected 005010); this ${set} was not read.` };
  const guide = guideOf(version);
  if (!guide) return { ok: true, stated: true };
  if (st01 === '835' && guide === 'X221') return { ok: true, stated: true };
  if (st01 === '837' && guide === 'X222') return { ok: true, stated: true };
  if (st01 === '837' && guide === 'X223') {
    return { ok: false, reason: `Institutional claims (837I, ${version}) are not supported: Denial Lens reads professional claims (837P, 005010X222A1).` };
  }
  if (st01 === '837' && guide === 'X224') {
    return { ok: false, reason: `Dental claims (837D, ${version}) are not supported: Denial Lens reads professional claims (837P, 005010X222A1).` };
  }
  return { ok: false, reason: `Transaction set ${st01} declares implementation guide ${version}, which does not match; it was not read.` };
}

/** Version stated for a transaction: ST03, else GS08, else ISA12. */
export function versionOf(st: Segment, gs: Segment | null, isa: Segment | null): string | null {
  const st03 = st.el(3);
  if (st03) return st03;
  const gs08 = gs ? gs.el(8) : '';
  if (gs08) return gs08;
  const isa12 = isa ? isa.el(12) : '';
  return isa12 || null;
}

export interface X12Detection {
  /** First transaction set id (ST01) when it is one we read. */
  kind: TransactionKind | null;
  /** ST01 of the first transaction set, whatever it is. */
  transactionSet: string | null;
  version: string | null;
  /** Why the file is not X12 (when kind and transactionSet are null). */
  problem: string | null;
}

const MAX_SEGMENTS_BEFORE_ST = 50;

/** Looks at the envelope up to the first ST. Cheap: reads a handful of segments. */
export function detectX12(text: string): X12Detection {
  let problem: string | null = null;
  const reader = new SegmentReader(text, {
    warn: () => {},
    reject: (_line, reason) => {
      problem ??= reason;
    },
  });
  let isa: Segment | null = null;
  let gs: Segment | null = null;
  for (let i = 0; i < MAX_SEGMENTS_BEFORE_ST; i++) {
    const seg = reader.next();
    if (!seg) break;
    if (seg.id === 'ISA') isa = seg;
    else if (seg.id === 'GS') gs = seg;
    else if (seg.id === 'ST') {
      const st01 = seg.el(1);
      return {
        kind: st01 === '835' || st01 === '837' ? st01 : null,
        transactionSet: st01,
        version: versionOf(seg, gs, isa),
        problem: null,
      };
    }
  }
  return {
    kind: null,
    transactionSet: null,
    version: null,
    problem: problem ?? 'No transaction set (ST segment) found in the X12 envelope.',
  };
}
