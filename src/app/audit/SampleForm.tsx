import { useState } from 'react';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryError } from '../components/QueryState.tsx';
import { formatCount, formatMonth } from '../format.ts';
import { CATEGORY_LABELS, CATEGORY_PRECEDENCE } from '../../engine/classify/categories.ts';
import { DEFAULT_SAMPLE_SIZE, MAX_SEED, quarterPeriod, type Allocation, type SampleSpec, type StrataBy } from '../../engine/audit/spec.ts';
import { CONFIDENCE_LEVELS, attributeSampleSize, attributeSupport } from '../../engine/audit/estimators.ts';
import { downloadText } from '../download.ts';
import { stratumLabel } from './labels.ts';
import { useUrlList, useUrlParam } from '../url-state.ts';

interface Props {
  drawing: boolean;
  onDraw: (spec: SampleSpec) => void;
}

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];

/** The frame (filters), the method and the seed; shows the frame's size before drawing. */
export function SampleForm({ drawing, onDraw }: Props) {
  const optionsQuery = useEngineQuery(() => engine.call('filterOptions'), []);
  const options = optionsQuery.data;
  // The frame's filters are the app's current filters, kept in the URL and shared with the other pages.
  const [month, setMonth] = useUrlParam('month', '');
  const [basisParam] = useUrlParam('basis', 'service');
  const [payers, setPayers] = useUrlList('payer');
  const [providers, setProviders] = useUrlList('provider');
  const [categories, setCategories] = useUrlList('category');
  const [procedures, setProcedures] = useUrlList('procedure');
  const [diagnoses, setDiagnoses] = useUrlList('dx');
  const remit = basisParam === 'remit';
  const [deniedOnly, setDeniedOnly] = useState(true);
  const [unit, setUnit] = useState<'claim' | 'line'>('claim');
  const [strataBy, setStrataBy] = useState<StrataBy | ''>('');
  const [allocation, setAllocation] = useState<Allocation>('proportional');
  const [sizeText, setSizeText] = useState(String(DEFAULT_SAMPLE_SIZE));
  const [seedText, setSeedText] = useState(() => String(randomSeed()));
  const [periodMode, setPeriodMode] = useState<'month' | 'quarter' | 'range'>('month');
  const [quarter, setQuarter] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [blind, setBlind] = useState(false);
  const months = (remit ? options?.remit_months : options?.service_months) ?? [];
  const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`))];
  const period = periodMode === 'quarter' && quarter ? quarterPeriod(quarter) : periodMode === 'range' && from && to ? { from, to } : undefined;
  const periodOk = periodMode !== 'range' || (!from && !to) || (Boolean(from && to) && from <= to);

  const size = Number(sizeText);
  const seed = Number(seedText);
  const sizeOk = /^\d+$/.test(sizeText) && size >= 1;
  const seedOk = /^\d+$/.test(seedText) && seed <= MAX_SEED;
  const spec: SampleSpec = {
    filters: {
      month: periodMode === 'month' && month ? month : undefined,
      basis: remit ? 'remit' : undefined,
      payers: payers.length ? payers : undefined,
      providers: providers.length ? providers : undefined,
      categories: categories.length ? categories : undefined,
      procedures: procedures.length ? procedures : undefined,
      diagnoses: diagnoses.length ? diagnoses : undefined,
    },
    deniedOnly,
    unit,
    size: sizeOk ? size : DEFAULT_SAMPLE_SIZE,
    seed: seedOk ? seed : 0,
    strata: strataBy ? { by: strataBy, allocation } : null,
    ...(period && periodOk ? { period } : {}),
    ...(blind ? { blind } : {}),
  };
  // the spec is a new object at every render: its text is the query's input
  const frameQuery = useEngineQuery(() => engine.call('sampleFrame', spec), [JSON.stringify(spec)]);
  const frame = frameQuery.error ? undefined : frameQuery.data;
  const exportFrame = async () => {
    const csv = await engine.call('frameCsv', spec);
    downloadText(`audit-frame-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <section className="panel audit-form" aria-label="Draw a sample">
      <h2>Draw a sample</h2>
      <p className="hint">
        The frame is every {unit === 'claim' ? 'claim' : 'service line'} that passes these filters (initial adjudications). The same seed and
        the same frame always give the same sample: <em>Export frame CSV</em> lists the frame in the order the draw takes it, so the draw can
        be checked in a spreadsheet.
      </p>
      <div className="audit-form-grid">
        <label>
          Period ({remit ? 'remittance date' : 'date of service'})
          <select value={periodMode} onChange={(e) => setPeriodMode(e.target.value as typeof periodMode)} data-field="period-mode">
            <option value="month">A month, or all</option>
            <option value="quarter">A quarter</option>
            <option value="range">From … to …</option>
          </select>
        </label>
        {periodMode === 'month' && (
          <label>
            Month
            <select value={month} onChange={(e) => setMonth(e.target.value)} data-field="month">
              <option value="">All months</option>
              {months.map((m) => <option key={m} value={m}>{formatMonth(m)}</option>)}
            </select>
          </label>
        )}
        {periodMode === 'quarter' && (
          <label>
            Quarter
            <select value={quarter} onChange={(e) => setQuarter(e.target.value)} data-field="quarter">
              <option value="">All dates</option>
              {quarters.map((q) => <option key={q} value={q}>{q.replace('-', ' ')}</option>)}
            </select>
          </label>
        )}
        {periodMode === 'range' && (
          <label>
            From … to … (both included)
            <span className="seed">
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-field="from" aria-invalid={!periodOk} />
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-field="to" aria-invalid={!periodOk} />
            </span>
          </label>
        )}
        <label>
          Payer
          <ListSelect values={payers} onChange={setPayers} all="All payers" options={(options?.payers ?? []).map((p) => [p, p])} field="payer" />
        </label>
        <label>
          Provider
          <ListSelect values={providers} onChange={setProviders} all="All providers" options={(options?.providers ?? []).map((p) => [p, p])} field="provider" />
        </label>
        <label>
          Category
          <ListSelect values={categories} onChange={setCategories} all="All categories" options={CATEGORY_PRECEDENCE.map((c) => [c, CATEGORY_LABELS[c]])} field="category" />
        </label>
        <label className="check">
          <input type="checkbox" checked={deniedOnly} onChange={(e) => setDeniedOnly(e.target.checked)} data-field="denied-only" />
          Denied only
        </label>
        <label className="check" title="Hide our category, evidence and fix on each unit until the auditor records a finding, so the agreement is not swayed by ours">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} data-field="blind" />
          Blind review
        </label>
        <fieldset>
          <legend>Unit</legend>
          <label className="check"><input type="radio" name="unit" checked={unit === 'claim'} onChange={() => setUnit('claim')} /> Claim</label>
          <label className="check"><input type="radio" name="unit" checked={unit === 'line'} onChange={() => setUnit('line')} /> Service line</label>
        </fieldset>
        <label>
          Method
          <select value={strataBy} onChange={(e) => setStrataBy(e.target.value as StrataBy | '')} data-field="strata">
            <option value="">Simple random</option>
            <option value="category">Stratified by category</option>
            <option value="payer">Stratified by payer</option>
            <option value="provider">Stratified by provider</option>
          </select>
        </label>
        {strataBy && (
          <label>
            Allocation
            <select value={allocation} onChange={(e) => setAllocation(e.target.value as Allocation)} data-field="allocation">
              <option value="proportional">Proportional to stratum size</option>
              <option value="equal">Equal per stratum</option>
            </select>
          </label>
        )}
        <label>
          Sample size
          <input type="number" min={1} value={sizeText} onChange={(e) => setSizeText(e.target.value)} data-field="size" aria-invalid={!sizeOk} />
        </label>
        <label>
          Seed
          <span className="seed">
            <input type="number" min={0} max={MAX_SEED} value={seedText} onChange={(e) => setSeedText(e.target.value)} data-field="seed" aria-invalid={!seedOk} />
            <button type="button" onClick={() => setSeedText(String(randomSeed()))} title="A new random seed (write it down with the sample)">New seed</button>
          </span>
        </label>
      </div>
      {(procedures.length > 0 || diagnoses.length > 0) && (
        <p className="hint">
          Also filtered by {[procedures.length ? `procedure ${procedures.join(', ')}` : '', diagnoses.length ? `diagnosis ${diagnoses.join(', ')}` : ''].filter(Boolean).join(' and ')}{' '}
          <button type="button" className="link" onClick={() => { setProcedures([]); setDiagnoses([]); }}>clear</button>
        </p>
      )}
      {!periodOk && <p className="error">Give both dates of the period, the first on or before the second.</p>}
      {!seedOk && <p className="error">The seed is a whole number from 0 to {MAX_SEED}.</p>}
      {!sizeOk && <p className="error">The sample size is a whole number of at least 1.</p>}
      {optionsQuery.error && <QueryError error={optionsQuery.error} name="Months, payers and providers" onRetry={optionsQuery.retry} />}
      {frameQuery.error && <QueryError error={frameQuery.error} name="The frame" onRetry={frameQuery.retry} />}
      {!frame && !frameQuery.error && <p className="hint" role="status" aria-busy="true">Counting the frame …</p>}
      {frame && (
        <div className="audit-frame" data-testid="frame-summary" aria-busy={frameQuery.loading || undefined}>
          <p>
            <strong>Frame: {formatCount(frame.count)}</strong> {frame.description}.{' '}
            {frame.count === 0
              ? 'Nothing to draw from: widen the filters.'
              : `${formatCount(Math.min(spec.size, frame.count))} will be drawn (${frame.method}).`}
          </p>
          {frame.count > 0 && <SampleSizeHelper frameSize={frame.count} onUse={(n) => setSizeText(String(n))} />}
          {spec.strata && frame.count > 0 && (
            <table className="numbers strata">
              <thead><tr><th>Stratum</th><th className="num">in frame</th><th className="num">to draw</th></tr></thead>
              <tbody>
                {frame.strata.map((s) => (
                  <tr key={s.name}><td>{stratumLabel(spec, s.name)}</td><td className="num">{formatCount(s.frameCount)}</td><td className="num">{s.sampleSize}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="sample-actions">
        <button type="button" className="primary" disabled={drawing || !sizeOk || !seedOk || !periodOk || !frame?.count} onClick={() => onDraw(spec)} data-testid="draw-sample">
          {drawing ? 'Drawing…' : 'Draw sample'}
        </button>
        <button type="button" disabled={!periodOk || !frame?.count} onClick={exportFrame} title="Every unit of the frame in frame order, with its order fields, key and the fingerprint" data-testid="export-frame-form">
          Export frame CSV
        </button>
      </div>
    </section>
  );
}

/**
 * One filter list as a select: all, one value, or (when another page chose several)
 * "N selected", kept until another choice replaces it.
 */
function ListSelect({ values, onChange, all, options, field }: {
  values: string[];
  onChange: (values: string[]) => void;
  all: string;
  options: [value: string, label: string][];
  field: string;
}) {
  const MANY = '\u0000many';
  return (
    <select value={values.length > 1 ? MANY : (values[0] ?? '')} onChange={(e) => e.target.value !== MANY && onChange(e.target.value ? [e.target.value] : [])} data-field={field}>
      <option value="">{all}</option>
      {values.length > 1 && <option value={MANY}>{values.length} selected: {values.join('; ')}</option>}
      {options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
    </select>
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * How many units an attribute review needs (expected error rate, confidence,
 * precision, this frame's size), and what 10, 15 or 20 units can support.
 */
function SampleSizeHelper({ frameSize, onUse }: { frameSize: number; onUse: (n: number) => void }) {
  const [rateText, setRateText] = useState('20');
  const [precisionText, setPrecisionText] = useState('10');
  const [level, setLevel] = useState(0.9);
  const rate = Number(rateText) / 100;
  const precision = Number(precisionText) / 100;
  const ok = rate > 0 && rate < 1 && precision > 0 && precision < 1;
  const needed = ok ? attributeSampleSize({ expectedRate: rate, level, precision, frameSize }) : null;
  return (
    <details className="size-helper" data-testid="size-helper">
      <summary>How many units? (error-rate review)</summary>
      <div className="audit-form-grid">
        <label>Expected error rate (%)<input type="number" min={1} max={99} value={rateText} onChange={(e) => setRateText(e.target.value)} data-field="expected-rate" aria-invalid={!ok} /></label>
        <label>Precision wanted (± points)<input type="number" min={1} max={99} value={precisionText} onChange={(e) => setPrecisionText(e.target.value)} data-field="precision" aria-invalid={!ok} /></label>
        <label>
          Confidence
          <select value={level} onChange={(e) => setLevel(Number(e.target.value))} data-field="size-confidence">
            {CONFIDENCE_LEVELS.map((l) => <option key={l} value={l}>{Math.round(100 * l)} %</option>)}
          </select>
        </label>
      </div>
      {needed && (
        <>
          <p data-testid="size-needed">
            <strong>{needed.n} units</strong> estimate a {pct(rate)} error rate to ± {pct(precision)} at {Math.round(100 * level)} % in this frame of {formatCount(frameSize)}
            {' '}(n₀ = z²p(1−p)/d² = {needed.n0.toFixed(1)}, finite-population corrected).{' '}
            <button type="button" className="link" onClick={() => onUse(needed.n)} data-testid="use-size">Use {needed.n}</button>
          </p>
          <table className="numbers strata" data-testid="size-support">
            <thead><tr><th className="num">Units</th><th className="num">± at {pct(rate)}</th><th className="num">If {pct(rate)} are errors: exact interval</th><th className="num">If none: the rate is below</th></tr></thead>
            <tbody>
              {[10, 15, 20].filter((n) => n <= frameSize).map((n) => {
                const s = attributeSupport(n, rate, level, frameSize);
                return (
                  <tr key={n}>
                    <td className="num">{n}</td>
                    <td className="num">± {pct(s.halfWidth)}</td>
                    <td className="num">{s.expectedErrors} of {n}: {pct(s.exact.lower)} – {pct(s.exact.upper)}</td>
                    <td className="num">{pct(s.upperIfNoErrors)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}
