import { useState } from 'react';
import { CHANGE_LABELS, dotted, type BilledCodeChange, type CodeSetReport } from '../../engine/reference/code-set-changes.ts';
import { messageOf } from '../../engine/message-of.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { GapList } from '../components/ReferenceGaps.tsx';
import type { ReferenceGap } from '../../engine/reference/code-set-changes.ts';
import { downloadText } from '../download.ts';
import { formatCount, formatMoney } from '../format.ts';

/** "pre-October" for a release taking effect on October 1 (ICD-10-CM), "pre-January" for January 1 (CPT/HCPCS). */
function checklistName(report: CodeSetReport): string {
  const months = new Set([...report.icd10cm_releases, ...report.pfs_releases].map((r) => r.effective_from.slice(5, 7)));
  const names = [...months].sort().reverse().map((m) => (m === '10' ? 'pre-October' : m === '01' ? 'pre-January' : `pre-${m}/01`));
  return names.length ? `${names.join(' and ')} checklist` : 'checklist';
}

const codeOf = (c: BilledCodeChange, code: string) => (c.code_system === 'ICD-10-CM' ? dotted(code) : code);

/**
 * Before the code sets change: the codes this practice billed in its last 12 months of data
 * that a loaded release taking effect after it deletes, expands or gives new codes beside,
 * printable as the pre-October / pre-January checklist and exported as CSV.
 */
export function CodeSetChecklist({ gaps }: { gaps: readonly ReferenceGap[] }) {
  const [open, setOpen] = useState(false);
  if (open) return <Checklist gaps={gaps} />;
  return (
    <section className="panel" data-testid="code-set-checklist" aria-labelledby="code-set-title">
      <h2 id="code-set-title">Before the code sets change</h2>
      <GapList gaps={gaps} />
      <p className="hint">
        The codes billed in the last 12 months of the loaded data that a loaded release taking effect after it deletes, expands or gives new
        codes beside (ICD-10-CM every October 1, CPT/HCPCS every January 1), with volume, dollars, providers and payers: the pre-October /
        pre-January checklist, printable and as CSV.
      </p>
      <button type="button" onClick={() => setOpen(true)} data-testid="show-code-set">Build the checklist</button>
    </section>
  );
}

/** The checklist itself: asked for only once opened (it compares whole releases), again when the data changes. */
function Checklist({ gaps }: { gaps: readonly ReferenceGap[] }) {
  const query = useEngineQuery(() => engine.call('codeSetChanges'), []);
  const [error, setError] = useState('');
  return (
    <QueryState query={query} name="Before the code sets change" loadingText="Comparing the releases with the codes billed …">
      {(report) => (
        <section className="panel code-set-print" data-testid="code-set-checklist" aria-labelledby="code-set-title">
          <div className="panel-title">
            <h2 id="code-set-title">Before the code sets change: {checklistName(report)}</h2>
            <span className="panel-actions no-print">
              <button
                type="button"
                className="link"
                data-testid="export-code-set"
                onClick={() => {
                  setError('');
                  engine.call('codeSetChangesCsv').then(
                    (csv) => downloadText(`code-set-checklist-${report.last_date ?? 'no-data'}.csv`, csv),
                    (e: unknown) => setError(`The CSV could not be written: ${messageOf(e)}`),
                  );
                }}
              >
                Export CSV
              </button>{' '}
              <button type="button" className="link" data-testid="print-code-set" onClick={() => printChecklist()}>Print checklist</button>
              {error && <span className="error" role="alert">{error}</span>}
            </span>
          </div>
          <GapList gaps={gaps} />
          {!report.last_date ? (
            <p className="hint">No dated line is loaded: load remittances or a claims export to see which of its codes the next releases change.</p>
          ) : (
            <>
              <p className="hint">
                Codes billed from {report.from_date} to {report.last_date} (the last 12 months of the loaded data) that a loaded release taking effect
                after {report.last_date} deletes, expands (a billable code becoming a heading over new codes) or gives new codes beside.{' '}
                {report.icd10cm_releases.length
                  ? `ICD-10-CM: ${report.icd10cm_releases.map((r) => `${r.release}, effective ${r.effective_from} (${r.origin})`).join('; ')}.`
                  : `ICD-10-CM: no loaded release takes effect after ${report.last_date}; import the next one on this page when CDC/CMS publish it.`}
              </p>
              {report.changes.length === 0 ? (
                <p className="callout ok" data-testid="code-set-empty">None of the codes billed in those 12 months is changed by the loaded newer releases.</p>
              ) : (
                <table className="numbers code-set-table">
                  <thead>
                    <tr>
                      <th>Code</th><th>Change</th><th>Takes effect</th><th>Use instead / new codes</th>
                      <th className="num">Lines</th><th className="num">Claims</th><th className="num">Billed</th><th>Providers</th><th>Payers</th><th className="code-set-done">Done</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.changes.map((c) => (
                      <tr key={`${c.code_system}-${c.code}-${c.release}`} data-testid="code-set-row">
                        <td>
                          <strong>{codeOf(c, c.code)}</strong> <span className="muted">{c.code_system}</span>
                          {c.short_desc && <div>{c.short_desc}</div>}
                        </td>
                        <td>{CHANGE_LABELS[c.change]}</td>
                        <td>{c.effective} ({c.release})</td>
                        <td>
                          {c.replacements.length === 0
                            ? c.change === 'deleted' && c.code_system === 'ICD-10-CM'
                              ? 'none named in the loaded files: the CDC conversion table of this release names them (import it above)'
                              : '—'
                            : c.replacements.map((r) => (
                                <div key={r.code}>{codeOf(c, r.code)} {r.short_desc}</div>
                              ))}
                        </td>
                        <td className="num">{formatCount(c.lines)}</td>
                        <td className="num">{formatCount(c.claims)}</td>
                        <td className="num">{formatMoney(c.billed)}</td>
                        <td>{c.providers.join('; ')}</td>
                        <td>{c.payers.join('; ')}</td>
                        <td className="code-set-done">☐</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
          <p className="hint" data-testid="procedure-note">{report.procedure_note}</p>
        </section>
      )}
    </QueryState>
  );
}

/** Prints the checklist alone (reference.css hides the rest of the page while this class is on). */
function printChecklist() {
  document.body.classList.add('print-code-set');
  try {
    window.print();
  } finally {
    document.body.classList.remove('print-code-set');
  }
}
