import type { AuditResults as Results, ResultTally } from '../../engine/audit/review.ts';
import { formatMoney } from '../format.ts';
import { categoryLabel } from './labels.ts';

const percent = (rate: number | null) => (rate == null ? '—' : `${(100 * rate).toFixed(1)} %`);

const ERROR_RATE = 'Error rate: reviewed units whose documentation does not (fully) support the codes billed (answered "no" or "partly") ÷ reviewed units.';
const AGREEMENT = 'Agreement: units whose finding category equals our category (a unit we did not classify as denied agrees with "No error found") ÷ units with a finding.';
const DOLLARS = 'Dollars in error: the sum the auditor entered; the rate divides it by the billed amount of the reviewed units.';

/** Agreement with our classification, error rate and dollars in error: the whole sample, then by our category. */
export function AuditResults({ results }: { results: Results }) {
  const r = results;
  return (
    <section className="panel audit-results" aria-label="Results" data-testid="audit-results">
      <h2>Results</h2>
      <div className="kpis">
        <Tile label="Reviewed" value={`${r.reviewed} of ${r.units}`} note="documentation question answered" />
        <Tile label="Error rate" value={percent(r.errorRate)} note={`${r.errors} of ${r.reviewed} reviewed`} title={ERROR_RATE} testId="error-rate" />
        <Tile label="Agreement with our category" value={percent(r.agreementRate)} note={`${r.agreed} of ${r.compared} findings`} title={AGREEMENT} testId="agreement" />
        <Tile label="Dollars in error" value={formatMoney(r.dollarsInError)} note={`${percent(r.dollarErrorRate)} of ${formatMoney(r.billedReviewed)} billed (reviewed)`} title={DOLLARS} testId="dollars-in-error" />
      </div>
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
