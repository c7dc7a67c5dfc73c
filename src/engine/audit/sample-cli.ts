import { CATEGORY_LABELS, CATEGORY_PRECEDENCE } from '../classify/categories.ts';
import type { AuditSample } from './sample.ts';
import { DEFAULT_SAMPLE_SIZE, MAX_SEED, quarterPeriod, type Allocation, type SampleSpec, type SampleUnit, type StrataBy } from './spec.ts';
import { codesBilled, denialReasons } from './worksheet-csv.ts';
import { FINDING_LABELS, NOT_DENIED_LABEL } from './review.ts';
import { CONFIDENCE_LEVELS, CONSERVATIVE_LEVEL } from './estimators.ts';
import { DOLLAR_ASSUMPTIONS, type AuditReport } from './results.ts';
import { sampleIdentity } from './identity.ts';
import type { Interval } from './statistics.ts';

/** The CLI's sampling options (node:util parseArgs format) and their help text. */
export const SAMPLE_OPTIONS = {
  sample: { type: 'string' },
  seed: { type: 'string' },
  strata: { type: 'string' },
  allocation: { type: 'string' },
  unit: { type: 'string' },
  month: { type: 'string' },
  payer: { type: 'string', multiple: true },
  provider: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  'denied-only': { type: 'boolean' },
  'no-denied-only': { type: 'boolean' },
  quarter: { type: 'string' },
  period: { type: 'string' },
  remit: { type: 'boolean' },
  blind: { type: 'boolean' },
  worksheet: { type: 'string' },
  confidence: { type: 'string' },
  'frame-csv': { type: 'string' },
} as const;

export const SAMPLE_USAGE = `  --sample N       draw an audit sample of N units (README "How a sample is drawn"); with --json under "sample"
  --seed S         mulberry32 seed, 0..${MAX_SEED} (default: a random seed, printed)
  --unit U         claim (default) or line
  --strata BY      stratify by category, payer or provider
  --allocation A   proportional (default) or equal
  --month YYYY-MM  frame: date of service in that month
  --payer P, --provider P, --category C   frame filters (repeatable; C is a category id, e.g. missing_modifier)
  --quarter YYYY-Qn, --period YYYY-MM-DD..YYYY-MM-DD   frame: dates of service in that quarter or range (both ends included)
  --remit          --month/--quarter/--period count the remittance date instead of the date of service
  --no-denied-only frame: all initial adjudications, not only denied ones (--denied-only is the default)
  --blind          blind review: the worksheet hides our category until a finding is recorded
  --frame-csv F    write the frame (every unit, its order fields and key, the fingerprint) to F
  --worksheet F    a filled-in worksheet CSV of this sample: print its results (README "How the results are computed")
  --confidence C   80, 90 (default) or 95: the confidence of the intervals`;

export interface SampleOptionValues {
  sample?: string;
  seed?: string;
  strata?: string;
  allocation?: string;
  unit?: string;
  month?: string;
  payer?: string[];
  provider?: string[];
  category?: string[];
  'denied-only'?: boolean;
  'no-denied-only'?: boolean;
  quarter?: string;
  period?: string;
  remit?: boolean;
  blind?: boolean;
  confidence?: string;
}

/** The sample the options ask for, or null without --sample. Bad values throw with the option's name. */
export function sampleSpecFromOptions(values: SampleOptionValues, randomSeed: () => number): SampleSpec | null {
  if (values.sample === undefined) return null;
  const whole = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got '${text}'`);
    return n;
  };
  const oneOf = <T extends string>(name: string, text: string | undefined, allowed: readonly T[], fallback: T): T => {
    if (text === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(text)) throw new Error(`--${name} must be ${allowed.join(' or ')}, got '${text}'`);
    return text as T;
  };
  if (values['denied-only'] && values['no-denied-only']) throw new Error('--denied-only and --no-denied-only contradict each other');
  if (values.allocation !== undefined && values.strata === undefined) throw new Error('--allocation needs --strata');
  for (const c of values.category ?? []) {
    if (!(CATEGORY_PRECEDENCE as readonly string[]).includes(c)) throw new Error(`--category must be one of ${CATEGORY_PRECEDENCE.join(', ')}; got '${c}'`);
  }
  if ([values.month, values.quarter, values.period].filter((v) => v !== undefined).length > 1) throw new Error('give one of --month, --quarter, --period');
  let period: { from: string; to: string } | undefined;
  if (values.quarter !== undefined) period = quarterPeriod(values.quarter);
  if (values.period !== undefined) {
    const m = /^(\S+)\.\.(\S+)$/.exec(values.period);
    if (!m) throw new Error(`--period is written FROM..TO, e.g. 2026-07-01..2026-09-30; got '${values.period}'`);
    period = { from: m[1], to: m[2] };
  }
  return {
    filters: {
      month: values.month,
      ...(values.remit ? { basis: 'remit' as const } : {}),
      payers: values.payer,
      providers: values.provider,
      categories: values.category,
    },
    ...(period ? { period } : {}),
    ...(values.blind ? { blind: true } : {}),
    deniedOnly: !values['no-denied-only'],
    unit: oneOf<SampleUnit>('unit', values.unit, ['claim', 'line'], 'claim'),
    size: whole('sample', values.sample || String(DEFAULT_SAMPLE_SIZE), 1, 1_000_000),
    seed: values.seed === undefined ? randomSeed() : whole('seed', values.seed, 0, MAX_SEED),
    strata:
      values.strata === undefined
        ? null
        : {
            by: oneOf<StrataBy>('strata', values.strata, ['category', 'payer', 'provider'], 'category'),
            allocation: oneOf<Allocation>('allocation', values.allocation, ['proportional', 'equal'], 'proportional'),
          },
  };
}

/** The sample as text: how it was drawn, then one line per unit. */
export function sampleText(sample: AuditSample): string {
  const { spec, frame } = sample;
  const out = [
    `Audit sample: ${sample.rows.length} of ${frame.count} — ${frame.description}`,
    `  method ${frame.method}; seed ${spec.seed}; drawn ${sample.drawnAt}`,
    `  frame fingerprint (SHA-256) ${frame.fingerprint}`,
  ];
  if (spec.strata) {
    for (const s of frame.strata) out.push(`  stratum ${s.name}: ${s.sampleSize} of ${s.frameCount}`);
  }
  out.push('');
  const columns = (draw: string, unit: string, dos: string, who: string, codes: string, denied: string, category: string) =>
    [draw.padStart(4), unit.padEnd(18), dos.padEnd(10), who.slice(0, 40).padEnd(40), codes.slice(0, 28).padEnd(28), denied.padStart(8), category].join('  ');
  out.push(columns('draw', spec.unit === 'line' ? 'claim/line' : 'claim', 'DOS', 'payer / provider', 'codes billed', 'denied', 'category (reasons)'));
  for (const r of sample.rows) {
    const reasons = denialReasons(r);
    out.push(
      columns(
        String(r.draw),
        spec.unit === 'line' ? `${r.claimId}/${r.lineNumber ?? '-'}` : r.claimId,
        r.serviceDateFrom ?? '',
        `${r.payer} / ${r.provider}`,
        codesBilled(r),
        r.deniedAmount.toFixed(2),
        `${r.category ? CATEGORY_LABELS[r.category] : NOT_DENIED_LABEL}${reasons ? ` (${reasons})` : ''}`,
      ),
    );
  }
  return out.join('\n');
}

/** --confidence 80 | 90 | 95 (or 0.8 …) as a level; 0.9 without it. */
export function confidenceFromOption(text: string | undefined): number {
  if (text === undefined) return CONSERVATIVE_LEVEL;
  const n = Number(text);
  const level = n > 1 ? n / 100 : n;
  if (!CONFIDENCE_LEVELS.some((l) => Math.abs(l - level) < 1e-9)) throw new Error(`--confidence must be 80, 90 or 95, got '${text}'`);
  return level;
}

const pct = (x: number | null) => (x == null ? '—' : `${(100 * x).toFixed(1)} %`);
const money = (x: number | null) => (x == null ? '—' : x.toLocaleString('en-US', { style: 'currency', currency: 'USD' }));
const range = (i: Interval | null, f: (x: number) => string) => (i ? `${f(i.lower)} – ${f(i.upper)}` : 'no interval');

/** The results of a filled-in worksheet as text: the same figures as the audit page. */
export function resultsText(sample: AuditSample, report: AuditReport): string {
  const level = `${Math.round(100 * report.level)} %`;
  const e = report.errorRate;
  const a = report.agreement;
  const t = report.tallies;
  const out = [
    `Audit results (${level} two-sided intervals)`,
    ...sampleIdentity(sample).map(([label, value]) => `  ${label}: ${value}`),
    '',
    `Reviewed: ${t.reviewed} of ${t.units}`,
    `Error rate: ${pct(e.rate)} (${e.errors} of ${e.n}); ${level}: ${range(e.interval, pct)} — ${e.method}`,
  ];
  if (sample.spec.strata) {
    for (const s of report.strata) {
      out.push(`  stratum ${s.name}: ${s.errors} of ${s.reviewed} reviewed (${s.sampleSize} drawn of ${s.frameCount}) = ${pct(s.rate)}; ${range(s.interval, pct)}`);
    }
  }
  out.push(`Agreement with our category: ${pct(a.rate)} (${a.agreed} of ${a.compared}); ${level}: ${range(a.interval, pct)} — exact binomial (Clopper–Pearson)`);
  out.push(`Dollars in error in the sample: ${money(report.dollars.sampleTotal)} on ${report.dollars.units} units with an amount`);
  if (report.dollars.withoutAmount.length) {
    out.push(`  left out (answered no/partly without an amount): draw ${report.dollars.withoutAmount.map((d) => `#${d}`).join(', ')}`);
  }
  out.push('Dollars in error projected to the frame:');
  for (const p of [report.dollars.meanPerUnit, report.dollars.ratio]) {
    if (!p) continue;
    const name = p.method === 'ratio' ? `ratio to billed (${(100 * (p.ratio ?? 0)).toFixed(2)} %)` : 'mean per unit';
    out.push(
      `  ${name}: ${money(p.estimate)}; ${level}: ${range(p.interval, money)}; lower bound of the two-sided 90 %: ${money(p.lower90)}` +
        ` (SE ${money(p.standardError)}, df ${p.df.toFixed(1)}, ${p.sampleSize} units, ${p.frameCovered} frame units)`,
    );
    for (const note of p.notes) out.push(`    note: ${note}`);
  }
  out.push(`  assumptions: ${DOLLAR_ASSUMPTIONS.join('; ')}`);
  out.push('Findings:');
  for (const f of report.findings) out.push(`  ${FINDING_LABELS[f.finding]}: ${f.units} units, ${money(f.dollarsInError)}`);
  return out.join('\n');
}
