import type { Engine } from '../engine.ts';
import type { FileLoadResult } from '../ingest/load-file.ts';
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
  lines: {
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
  }[];
  months: { month: string; lines: number; deniedLines: number; deniedAmount: number; byCategory: Record<string, number> }[];
  /** With --sample: the audit sample (issue #6), as the browser saves it. */
  sample?: AuditSample;
}

interface ExportLine {
  claim_id: string;
  line_number: number | null;
  service_date: string | null;
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
  denial_type: 'full' | 'partial' | null;
  denied_amount: number;
  category: string | null;
  secondary: string[] | null;
  evidence: { source: string; text: string; codes: string[] }[] | null;
  fix: string | null;
}

export async function buildReport(engine: Engine, results: FileLoadResult[]): Promise<Report> {
  const rejects = await engine.rejects();
  const lines = (await engine.exportLines()) as unknown as ExportLine[];
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
    lines: lines.map((l) => ({
      claimId: l.claim_id,
      lineNumber: l.line_number,
      serviceDate: l.service_date,
      payer: l.payer,
      provider: l.provider,
      procedure: l.procedure,
      modifiers: l.modifiers,
      diagnoses: l.diagnoses,
      billed: l.billed,
      paid: l.paid,
      adjustments: l.adjustments,
      remarks: l.remarks,
      denied: l.denied,
      denialType: l.denial_type,
      deniedAmount: l.denied_amount,
      category: l.category,
      secondary: l.secondary ?? [],
      evidence: l.evidence ?? [],
      fix: l.fix,
    })),
    months: months.map((m) => ({
      month: m.month,
      lines: m.lines,
      deniedLines: m.denied_lines,
      deniedAmount: m.denied_amount,
      byCategory: Object.fromEntries(m.by_category.map((b) => [b.category, b.lines])),
    })),
  };
}
