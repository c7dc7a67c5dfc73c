/**
 * Walks the envelope (ISA/GS/ST … SE/GE/IEA) and hands each transaction set we read to
 * a handler. Transaction sets we do not read (wrong version, wrong type) are skipped as a
 * whole, their claims counted and rejected with one reject row. A transaction set that is
 * cut off (end of file, or a new ISA/GS/ST before its SE) is ended as truncated, so the
 * handler can reject the claim that was in progress.
 */
import { checkVersion, versionOf, type TransactionKind } from './detect-x12.ts';
import type { ParsedFileBuilder } from './parsed-file-builder.ts';
import type { Segment } from './segment.ts';
import type { SegmentReader } from './tokenizer.ts';

export interface TransactionHandler {
  /** ST of a transaction set we read. */
  begin(st: Segment): void;
  segment(seg: Segment): void;
  /** `se` is the SE, or null when the set was cut off; `cutAt` is the segment where that was noticed. */
  end(se: Segment | null, cutAt: number): void;
}

const ENVELOPE = new Set(['ISA', 'GS', 'GE', 'IEA', 'TA1']);

interface OpenSet {
  st: Segment;
  read: boolean;
  /** Why the set is skipped (when !read). */
  reason: string;
  claims: number;
  segments: number;
}

export function walkTransactions(
  reader: SegmentReader,
  kind: TransactionKind,
  handler: TransactionHandler,
  out: ParsedFileBuilder,
): void {
  let isa: Segment | null = null;
  let gs: Segment | null = null;
  let open: OpenSet | null = null;
  let sawTransaction = false;

  const close = (se: Segment | null, at: number): void => {
    if (!open) return;
    if (se) {
      const declared = Number(se.el(1));
      const counted = open.segments + 2; // SE01 counts ST and SE too
      if (declared !== counted) {
        out.warn(`Transaction set at segment ${open.st.n}: SE01 says ${se.el(1) || '(empty)'} segments, ${counted} were found.`);
      }
    }
    if (open.read) handler.end(se, at);
    else {
      const what = open.claims === 1 ? '1 claim' : `${open.claims} claims`;
      out.rejectClaims(open.claims, open.st.n, `${open.reason} (${what} not loaded)`, open.st.text);
    }
    open = null;
  };

  for (let seg = reader.next(); seg; seg = reader.next()) {
    const id = seg.id;
    if (id === 'ST') {
      if (open) {
        out.warn(`Transaction set at segment ${open.st.n} has no SE: a new ST starts at segment ${seg.n}.`);
        close(null, seg.n);
      }
      sawTransaction = true;
      const st01 = seg.el(1);
      const version = versionOf(seg, gs, isa);
      open = { st: seg, read: false, reason: '', claims: 0, segments: 0 };
      if (st01 !== kind) {
        open.reason = kind === '835' && st01 === '837'
          ? 'Transaction set 837 (claims) inside an 835 file: load it as its own file'
          : kind === '837' && st01 === '835'
            ? 'Transaction set 835 (remittance) inside an 837 file: load it as its own file'
            : `Transaction set ${st01 || '(no ST01)'} is not an 835 or 837 and was not read`;
      } else {
        const verdict = checkVersion(st01, version);
        if (verdict.ok) {
          open.read = true;
          if (!verdict.stated) {
            out.warn(`Transaction set at segment ${seg.n} states no version: read as ${kind === '835' ? '005010X221A1' : '005010X222A1'}.`);
          }
          handler.begin(seg);
        } else open.reason = verdict.reason;
      }
      continue;
    }
    if (id === 'SE') {
      if (open) close(seg, seg.n);
      else out.reject(seg.n, 'SE without a matching ST: ignored.', seg.text);
      continue;
    }
    if (ENVELOPE.has(id)) {
      if (open) {
        out.warn(`Transaction set at segment ${open.st.n} has no SE: ${id} at segment ${seg.n}.`);
        close(null, seg.n);
      }
      if (id === 'ISA') {
        isa = seg;
        gs = null;
      } else if (id === 'GS') gs = seg;
      continue;
    }
    if (!open) {
      if (id === 'CLP' || id === 'CLM') out.rejectClaims(1, seg.n, `Claim ${id} outside a transaction set (no ST before it): not loaded.`, seg.text);
      else out.reject(seg.n, `Segment ${id} outside a transaction set (no ST before it): ignored.`, seg.text);
      continue;
    }
    open.segments++;
    if (open.read) handler.segment(seg);
    else if (id === 'CLP' || id === 'CLM') open.claims++;
  }
  if (open) {
    const at = reader.segmentCount;
    const st = (open as OpenSet).st;
    close(null, at);
    out.reject(
      at,
      `The file ends at segment ${at}, inside the transaction set that starts at segment ${st.n} (no SE): the file is truncated; whatever followed is missing.`,
      st.text,
    );
  }
  if (!sawTransaction && out.file.rejects.length === 0) {
    out.reject(null, 'No transaction set (ST segment) found: nothing to load.', null);
  }
}
