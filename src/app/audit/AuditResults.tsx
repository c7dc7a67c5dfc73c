import { FINDING_LABELS, type ResultTally } from '../../engine/audit/review.ts';
import { CONFIDENCE_LEVELS, CONSERVATIVE_LEVEL, type Projection } from '../../engine/audit/estimators.ts';
import { DOLLAR_ASSUMPTIONS, type AuditReport } from '../../engine/audit/results.ts';
import type { Interval } from '../../engine/audit/statistics.ts';
import type { SampleSpec } from '../../engine/audit/spec.ts';
import { formatCount, formatMoney } from '../format.ts';
import { categoryLabel, stratumLabel } from './labels.ts';

const percent = (rate: number | null) => (rate == null ? '—' : `${(100 * rate).toFixed(1)} %`);
const level = (l: number) => `${Math.round(100 * l)} %`;
const rateInterval = (i: Interval | null) => (i ? `${percent(i.lower)} – ${percent(i.upper)}` : 'no interval');
const moneyInterval = (i: Interval | null) => (i ? `${formatMoney(i.lower)} – ${formatMoney(i.upper)}` : 'no interval');

const ERROR_RATE = 'Error rate: reviewed units whose documentation does not (fully) support the codes billed (answered "no" or "partly") ÷ reviewed units.';
const AGREEMENT = 'Agreement: units whose finding category equals our category (a unit we did not classify as denied agrees with "No error found") ÷ units with a finding.';

const METHOD: Record<Projection['method'], string> = {
  mean_per_unit: 'Mean per unit',
  ratio: 'Ratio to billed',
};
const METHOD_NOTE: Record<Projection['method'], string> = {
  mean_per_unit: 'frame units × mean dollars in error per reviewed unit (per stratum, summed)',
  ratio: "frame billed × (dollars in error ÷ billed of the reviewed units); combined ratio over strata",
};

/** Error rate, agreement and dollars in error projected to the frame, each with its interval; then counts by our category. */
export function AuditResults({ report, spec, onLevel }: { report: AuditReport; spec: SampleSpec; onLevel: (level: number) => void }) {
  const r = report.tallies;
  const e = report.errorRate;
  const a = report.agreement;
  const d = report.dollars;
  const stratified = spec.strata != null;
  // blind review: ours is not summarised while a unit still waits for its finding
  const blindOpen = Boolean(spec.blind) && r.compared < r.units;
  return (
    <section className="panel audit-results" aria-label="Results" data-testid="audit-results">
      <div className="panel-title">
        <h2>Results</h2>
        <label className="no-print">
          Confidence{' '}
          <select value={report.level} onChange={(ev) => onLevel(Number(ev.target.value))} data-field="confidence">
            {CONFIDENCE_LEVELS.map((l) => <option key={l} value={l}>{level(l)}</option>)}
          </select>
        </label>
      </div>
      <p className="hint">Intervals are two-sided at {level(report.level)} confidence{spec.blind ? '; blind review: our category was hidden until the auditor recorded a finding' : ''}.</p>
      <div className="kpis">
        <Tile label="Reviewed" value={`${r.reviewed} of ${r.units}`} note="documentation question answered" />
        <Tile
          label={stratified ? 'Error rate (frame, weighted by stratum)' : 'Error rate'}
          value={percent(e.rate)}
          note={`${e.errors} of ${e.n} reviewed · ${level(report.level)}: ${rateInterval(e.interval)}`}
          title={`${ERROR_RATE} Interval: ${e.method}.`}
          testId="error-rate"
        />
        <Tile
          label="Agreement with our category"
          value={percent(a.rate)}
          note={`${a.agreed} of ${a.compared} findings · ${level(report.level)}: ${rateInterval(a.interval)}`}
          title={`${AGREEMENT} Interval: exact binomial (Clopper–Pearson).`}
          testId="agreement"
        />
        <Tile
          label="Dollars in error (sample)"
          value={formatMoney(d.sampleTotal)}
          note={`${d.units} units with an amount; ${percent(r.dollarErrorRate)} of ${formatMoney(r.billedReviewed)} billed (reviewed)`}
          testId="dollars-in-error"
        />
      </div>
      {d.withoutAmount.length > 0 && (
        <p className="error" data-testid="without-amount">
          {d.withoutAmount.length} unit{d.withoutAmount.length === 1 ? '' : 's'} answered “no” or “partly” without dollars in error (draw {d.withoutAmount.map((n) => `#${n}`).join(', ')}): left out of the projection until an amount is entered.
        </p>
      )}

      <h3>Error rate by stratum</h3>
      <table className="numbers" data-testid="error-rate-strata">
        <thead>
          <tr>
            <th>Stratum</th><th className="num">Frame units</th><th className="num">Drawn</th><th className="num">Reviewed</th><th className="num">Errors</th>
            <th className="num">Error rate</th><th className="num">{level(report.level)} interval (exact)</th>
          </tr>
        </thead>
        <tbody>
          {report.strata.map((s) => (
            <tr key={s.name}>
              <td>{stratified ? (blindOpen && spec.strata?.by === 'category' ? '(hidden until every unit has a finding)' : stratumLabel(spec, s.name)) : 'Whole frame (simple random sample)'}</td>
              <td className="num">{formatCount(s.frameCount)}</td>
              <td className="num">{s.sampleSize}</td>
              <td className="num">{s.reviewed}</td>
              <td className="num">{s.errors}</td>
              <td className="num">{percent(s.rate)}</td>
              <td className="num">{rateInterval(s.interval)}</td>
            </tr>
          ))}
          {stratified && (
            <tr className="total">
              <td>Frame (weighted by stratum size)</td>
              <td className="num">{formatCount(report.strata.reduce((n, s) => n + s.frameCount, 0))}</td>
              <td className="num">{r.units}</td>
              <td className="num">{e.n}</td>
              <td className="num">{e.errors}</td>
              <td className="num">{percent(e.rate)}</td>
              <td className="num">{rateInterval(e.interval)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="hint">Interval: {e.method}.</p>

      <h3>Dollars in error projected to the frame</h3>
      <table className="numbers" data-testid="dollar-projection">
        <thead>
          <tr>
            <th>Estimator</th><th className="num">Estimate</th><th className="num">{level(report.level)} interval</th>
            <th className="num">Lower bound, two-sided 90 %</th><th className="num">Std. error</th><th className="num">df</th><th>How</th>
          </tr>
        </thead>
        <tbody>
          {[d.meanPerUnit, d.ratio].map((p, i) =>
            p ? (
              <tr key={p.method} data-method={p.method}>
                <td>{METHOD[p.method]}{p.ratio != null && ` (${(100 * p.ratio).toFixed(2)} % of billed)`}</td>
                <td className="num">{formatMoney(p.estimate)}</td>
                <td className="num">{moneyInterval(p.interval)}</td>
                <td className="num conservative">{formatMoney(p.lower90)}</td>
                <td className="num">{formatMoney(p.standardError)}</td>
                <td className="num">{p.df.toFixed(1)}</td>
                <td>{METHOD_NOTE[p.method]}; {p.sampleSize} units, {formatCount(p.frameCovered)} frame units{p.notes.length ? `. ${p.notes.join('; ')}` : ''}</td>
              </tr>
            ) : (
              <tr key={i}>
                <td>{i === 0 ? METHOD.mean_per_unit : METHOD.ratio}</td>
                <td colSpan={6}>{d.units === 0 ? 'no reviewed unit with an amount yet' : "not available: the frame's billed dollars were not recorded with this sample, or the reviewed units billed nothing"}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <p className="hint">
        The lower bound of the two-sided {level(CONSERVATIVE_LEVEL)} interval is the conservative figure overpayment reviews use. Assumptions: {DOLLAR_ASSUMPTIONS.join('; ')}.
      </p>

      <h3>The auditor's findings</h3>
      <table className="numbers" data-testid="findings-by-category">
        <thead><tr><th>Finding</th><th className="num">Units</th><th className="num">Dollars in error</th></tr></thead>
        <tbody>
          {report.findings.length === 0 && <tr><td colSpan={3}>No finding recorded yet.</td></tr>}
          {report.findings.map((f) => (
            <tr key={f.finding}><td>{FINDING_LABELS[f.finding]}</td><td className="num">{f.units}</td><td className="num">{formatMoney(f.dollarsInError)}</td></tr>
          ))}
        </tbody>
      </table>

      <h3>By our category</h3>
      {blindOpen ? (
        <p className="hint" data-testid="by-category-hidden">Blind review: shown once every unit has a finding ({r.compared} of {r.units} so far).</p>
      ) : (
        <table className="numbers">
          <thead>
            <tr>
              <th>Our category</th><th className="num">Units</th><th className="num">Reviewed</th><th className="num">Errors</th><th className="num">Error rate</th>
              <th className="num">Findings</th><th className="num">Agree</th><th className="num">Agreement</th><th className="num">Dollars in error</th>
            </tr>
          </thead>
          <tbody>
            {r.byCategory.map((c) => (
              <tr key={c.category ?? 'none'}>
                <td>{categoryLabel(c.category)}</td>
                <Cells t={c} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Cells({ t }: { t: ResultTally }) {
  return (
    <>
      <td className="num">{t.units}</td>
      <td className="num">{t.reviewed}</td>
      <td className="num">{t.errors}</td>
      <td className="num">{percent(t.errorRate)}</td>
      <td className="num">{t.compared}</td>
      <td className="num">{t.agreed}</td>
      <td className="num">{percent(t.agreementRate)}</td>
      <td className="num">{formatMoney(t.dollarsInError)}</td>
    </>
  );
}

function Tile({ label, value, note, title, testId }: { label: string; value: string; note: string; title?: string; testId?: string }) {
  return (
    <div className="kpi" title={title} data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      <div className="kpi-note">{note}</div>
    </div>
  );
}
