import { CATEGORY_LABELS, CATEGORY_PRECEDENCE } from '../classify/categories.ts';
import type { AuditSample } from './sample.ts';
import { DEFAULT_SAMPLE_SIZE, MAX_SEED, type Allocation, type SampleSpec, type SampleUnit, type StrataBy } from './spec.ts';
import { codesBilled, denialReasons } from './worksheet-csv.ts';
import { NOT_DENIED_LABEL } from './review.ts';

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
} as const;

export const SAMPLE_USAGE = `  --sample N       draw an audit sample of N units (README "How a sample is drawn"); with --json under "sample"
  --seed S         mulberry32 seed, 0..${MAX_SEED} (default: a random seed, printed)
  --unit U         claim (default) or line
  --strata BY      stratify by category, payer or provider
  --allocation A   proportional (default) or equal
  --month YYYY-MM  frame: date of service in that month
  --payer P, --provider P, --category C   frame filters (repeatable; C is a category id, e.g. missing_modifier)
  --no-denied-only frame: all initial adjudications, not only denied ones (--denied-only is the default)`;

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
  return {
    filters: { month: values.month, payers: values.payer, providers: values.provider, categories: values.category },
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
