import type { Engine } from '../engine.ts';
import type { FileLoadResult } from '../ingest/file-load-result.ts';
import type { AuditSample } from '../audit/sample.ts';

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
  evidence: { source: string; text: string; codes: string[] }[];
  fix: string | null;
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
    months: months.map((m) => ({
      month: m.month,
      lines: m.lines,
      deniedLines: m.denied_lines,
      deniedAmount: m.denied_amount,
      byCategory: Object.fromEntries(m.by_category.map((b) => [b.category, b.lines])),
    })),
  };
}
