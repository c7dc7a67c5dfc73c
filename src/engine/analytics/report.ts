import type { Engine } from '../engine.ts';
import type { FileLoadResult } from '../ingest/file-load-result.ts';
import type { AuditSample } from '../audit/sample.ts';
import type { Evidence } from '../classify/evidence.ts';

/**
 * The CLI's JSON document. A stable contract (issue #2): later versions may add
 * fields, never rename or remove them.
 */
export interface Report {
  files: {
    name: string;
    status: FileLoadResult['status'];
    message: string;
    format: string | null;
    rowsRead: number;
    rowsLoaded: number;
    rowsRejected: number;
    warnings: string[];
    rejects: { line: number | null; reason: string }[];
  }[];
  lines: ReportLine[];
  /** Every adjudication read (issue #11): one row per 835 SVC (or CLP without SVC) and per export row with payments. */
  adjudications: ReportAdjudication[];
  months: { month: string; lines: number; deniedLines: number; deniedAmount: number; byCategory: Record<string, number> }[];
  /** With --sample: the audit sample (issue #6), as the browser saves it. */
  sample?: AuditSample;
}

/** One initial adjudication of a service line, as EXPORT_LINES_SQL answers it. */
export interface ReportLine {
  claimId: string;
  lineNumber: number | null;
  serviceDate: string | null;
  payer: string;
  provider: string;
  procedure: string | null;
  modifiers: string[];
  diagnoses: string[];
  billed: number;
  paid: number;
  adjustments: { group: string | null; reason: string; amount: number | null }[];
  remarks: string[];
  denied: boolean;
  denialType: 'full' | 'partial' | null;
  deniedAmount: number;
  category: string | null;
  secondary: string[];
  evidence: Evidence[];
  fix: string | null;
}

/**
 * One adjudication as read from a file. kind: 'initial' (the one counted for the
 * line), 'reversal' (CLP02 = 22), 'correction' (a later adjudication by the same
 * payer: reprocessing, a corrected claim), 'recoupment' (after a reversal, paying
 * nothing on a line paid before: a post-payment denial), 'secondary' (a later
 * payer: CLP02 = 2/3/20/21, or CARC 23), 'copy' (an export row repeating an 835
 * adjudication: the 835 is counted), 'predetermination' (CLP02 = 25).
 */
export interface ReportAdjudication {
  file: string;
  /** segment number of the CLP (835) or spreadsheet row of the claim's first row (export) */
  claimSegment: number | null;
  /** segment number of the SVC, or the export row; null for a claim without service lines */
  segment: number | null;
  claimId: string;
  lineNumber: number | null;
  serviceDate: string | null;
  procedure: string | null;
  payer: string | null;
  claimStatus: string | null;
  paidDate: string | null;
  kind: 'initial' | 'reversal' | 'correction' | 'recoupment' | 'secondary' | 'copy' | 'predetermination';
  counted: boolean;
  payerSequence: number | null;
  /** the canonical line it adjudicates: rows with the same value are the same service line */
  canonicalLine: number;
  billed: number | null;
  paid: number | null;
  adjustments: { level: 'line' | 'claim'; group: string | null; reason: string; amount: number | null }[];
}

export async function buildReport(engine: Engine, results: FileLoadResult[]): Promise<Report> {
  const rejects = await engine.rejects();
  const months = await engine.monthly({});
  return {
    files: results.map((r) => ({
      name: r.name,
      status: r.status,
      message: r.message,
      format: r.format,
      rowsRead: r.rowsRead,
      rowsLoaded: r.rowsLoaded,
      rowsRejected: r.rowsRejected,
      warnings: r.warnings,
      rejects: rejects.filter((x) => x.file_id === r.fileId).map((x) => ({ line: x.line, reason: x.reason })),
    })),
    lines: await engine.exportLines(),
    adjudications: await engine.exportAdjudications(),
    months: months.map((m) => ({
      month: m.month,
      lines: m.lines,
      deniedLines: m.denied_lines,
      deniedAmount: m.denied_amount,
      byCategory: Object.fromEntries(m.by_category.map((b) => [b.category, b.lines])),
    })),
  };
}
