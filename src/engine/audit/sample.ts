import type { Db } from '../db/db.ts';
import type { Category } from '../classify/categories.ts';
import type { Evidence } from '../classify/evidence.ts';
import { planDraw } from './draw.ts';
import { frameFingerprintSql, frameStrataSql, frameUnitsSql, sampledLinesSql } from './frame.sql.ts';
import { csvCell, toCsv, type CsvColumn } from '../export/csv.ts';
import { checkSpec, describeFrame, describeMethod, type SampleSpec } from './spec.ts';

export interface WorksheetLine {
  lineNumber: number | null;
  serviceDate: string | null;
  payer: string;
  provider: string;
  procedure: string | null;
  modifiers: string[];
  /** With the dot, in pointer order. */
  diagnoses: string[];
  units: number | null;
  billed: number;
  paid: number;
  denied: boolean;
  deniedAmount: number;
  category: Category | null;
  /** Denial adjustments (group-CARC, contractual and patient share left out) and remarks. */
  reasons: string[];
  remarks: string[];
  /** Whether this line itself passes the frame's filters (a claim also shows its other lines). */
  inFrame: boolean;
}

/** One sampled unit: what the auditor needs to pull the chart, with our classification. */
export interface WorksheetRow {
  /** 1-based order of drawing. */
  draw: number;
  /** The unit's stratum ('' in a simple random sample). */
  stratum: string;
  claimId: string;
  /** The line number for a line sample; null for a claim. */
  lineNumber: number | null;
  patientAccount: string | null;
  serviceDateFrom: string | null;
  serviceDateTo: string | null;
  payer: string;
  provider: string;
  /** The claim's diagnoses (union over its lines, first appearance first), with the dot. */
  diagnoses: string[];
  billed: number;
  paid: number;
  deniedAmount: number;
  /** Our classification: the lead line's category (null when the unit was not denied), evidence and fix. */
  category: Category | null;
  evidence: Evidence[];
  fix: string | null;
  lines: WorksheetLine[];
}

export interface FrameSummary {
  description: string;
  method: string;
  count: number;
  /** frameBilled: the billed dollars of the stratum's units (absent in samples drawn before it was recorded). */
  strata: { name: string; frameCount: number; frameBilled?: number; sampleSize: number }[];
}

/** A drawn sample: everything needed to show, save, reproduce and verify it. */
export interface AuditSample {
  spec: SampleSpec;
  /** ISO timestamp of the draw. */
  drawnAt: string;
  frame: FrameSummary & { fingerprint: string };
  rows: WorksheetRow[];
}

/** The frame's size and each stratum's share, before drawing (also the draw's plan). */
export async function frameSummary(db: Db, spec: SampleSpec): Promise<FrameSummary> {
  checkSpec(spec);
  const strata = (await db.query<{ name: string; frame_count: number; frame_billed: number }>(frameStrataSql(spec))).map((s) => ({
    name: s.name,
    frameCount: s.frame_count,
    frameBilled: Math.round(s.frame_billed * 100) / 100,
  }));
  const { sizes } = planDraw(strata, spec);
  return {
    description: describeFrame(spec),
    method: describeMethod(spec),
    count: strata.reduce((sum, s) => sum + s.frameCount, 0),
    strata: strata.map((s, h) => ({ ...s, sampleSize: sizes[h] })),
  };
}

interface SampledLine {
  draw: number;
  stratum: string;
  is_lead: boolean;
  in_frame: boolean;
  claim_id: string;
  line_number: number | null;
  service_date: string | null;
  patient_account: string | null;
  payer: string;
  provider: string;
  procedure: string | null;
  modifiers: string[];
  diagnoses: string[];
  units: number | null;
  billed: number;
  paid: number;
  denied: boolean;
  denied_amount: number;
  category: Category | null;
  evidence: Evidence[];
  fix: string | null;
  reasons: string[];
  remarks: string[];
}

/** Draws the sample (README "How a sample is drawn") and reads its worksheet rows. */
export async function drawSample(db: Db, spec: SampleSpec, drawnAt = new Date()): Promise<AuditSample> {
  const summary = await frameSummary(db, spec);
  const { picks } = planDraw(summary.strata, spec);
  const [{ fingerprint }] = await db.query<{ fingerprint: string }>(frameFingerprintSql(spec));
  const lines = picks.length ? await db.query<SampledLine>(sampledLinesSql(spec, picks)) : [];
  const byDraw = new Map<number, SampledLine[]>();
  for (const l of lines) {
    const group = byDraw.get(l.draw);
    if (group) group.push(l);
    else byDraw.set(l.draw, [l]);
  }
  const rows = picks.map((p) => worksheetRow(spec, byDraw.get(p.draw) ?? []));
  return { spec, drawnAt: drawnAt.toISOString(), frame: { ...summary, fingerprint }, rows };
}

function worksheetRow(spec: SampleSpec, lines: SampledLine[]): WorksheetRow {
  const lead = lines.find((l) => l.is_lead);
  if (!lead) throw new Error('a drawn unit was not found again in the frame (was data loaded while drawing?)');
  const dates = lines.map((l) => l.service_date).filter((d): d is string => d != null).sort();
  const distinct = (values: string[]) => [...new Set(values)];
  const sum = (pick: (l: SampledLine) => number) => Math.round(lines.reduce((s, l) => s + pick(l), 0) * 100) / 100;
  return {
    draw: lead.draw,
    stratum: lead.stratum,
    claimId: lead.claim_id,
    lineNumber: spec.unit === 'line' ? lead.line_number : null,
    patientAccount: lead.patient_account,
    serviceDateFrom: dates[0] ?? null,
    serviceDateTo: dates.at(-1) ?? null,
    payer: distinct(lines.map((l) => l.payer)).join(' / '),
    provider: distinct(lines.map((l) => l.provider)).join(' / '),
    diagnoses: distinct(lines.flatMap((l) => l.diagnoses)),
    billed: sum((l) => l.billed),
    paid: sum((l) => l.paid),
    deniedAmount: sum((l) => l.denied_amount),
    category: lead.category,
    evidence: lead.evidence,
    fix: lead.fix,
    lines: lines.map((l) => ({
      lineNumber: l.line_number,
      serviceDate: l.service_date,
      payer: l.payer,
      provider: l.provider,
      procedure: l.procedure,
      modifiers: l.modifiers,
      diagnoses: l.diagnoses,
      units: l.units,
      billed: l.billed,
      paid: l.paid,
      denied: l.denied,
      deniedAmount: l.denied_amount,
      category: l.category,
      reasons: l.reasons,
      remarks: l.remarks,
      inFrame: l.in_frame,
    })),
  };
}

interface FrameUnit {
  frame_pos: number;
  stratum: string;
  pos: number;
  claim_id: string;
  line_number?: number | null;
  payer?: string;
  service_date?: string | null;
  procedure?: string | null;
  modifiers?: string;
  billed: number;
  paid?: number;
  denied_amount?: number;
  unit_key: string;
}

/**
 * The frame as CSV: a block naming it (definition, unit, method, strata, the
 * fingerprint), then every unit in frame order with its stratum, its 0-based
 * position in the stratum (what the draw picks), its order fields and its key.
 * SHA-256 over the keys, each followed by a line feed, gives the fingerprint.
 */
export async function frameCsv(db: Db, spec: SampleSpec): Promise<string> {
  const summary = await frameSummary(db, spec);
  const [{ fingerprint }] = await db.query<{ fingerprint: string }>(frameFingerprintSql(spec));
  const units = await db.query<FrameUnit>(frameUnitsSql(spec));
  const block: [string, string | number][] = [
    ['Denial Lens audit frame', ''],
    ['Frame', summary.description],
    ['Unit', spec.unit === 'claim' ? 'claim' : 'service line'],
    ['Method', summary.method],
    ['Strata', spec.strata ? summary.strata.map((s) => `${s.name}: ${s.frameCount}`).join('; ') : 'one stratum (the whole frame)'],
    ['Frame size', summary.count],
    ['Frame fingerprint (SHA-256)', fingerprint],
  ];
  const columns: CsvColumn<FrameUnit>[] = [
    { header: 'Frame #', value: (u) => u.frame_pos + 1 },
    { header: 'Stratum', value: (u) => u.stratum },
    { header: 'Position in stratum (0-based)', value: (u) => u.pos },
    { header: 'Claim ID', value: (u) => u.claim_id },
    ...(spec.unit === 'line'
      ? ([
          { header: 'Line #', value: (u) => u.line_number },
          { header: 'Payer', value: (u) => u.payer },
          { header: 'Date of service', value: (u) => u.service_date },
          { header: 'Procedure', value: (u) => u.procedure },
          { header: 'Modifiers', value: (u) => u.modifiers },
        ] satisfies CsvColumn<FrameUnit>[])
      : []),
    { header: 'Billed', value: (u) => u.billed },
    ...(spec.unit === 'line'
      ? ([
          { header: 'Paid', value: (u) => u.paid },
          { header: 'Denied', value: (u) => u.denied_amount },
        ] satisfies CsvColumn<FrameUnit>[])
      : []),
    { header: 'Unit key (hashed for the fingerprint)', value: (u) => u.unit_key },
  ];
  return `\uFEFF${[...block, []].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n${toCsv(columns, units).slice(1)}`;
}
