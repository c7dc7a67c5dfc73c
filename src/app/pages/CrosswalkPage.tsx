import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryError, QueryState } from '../components/QueryState.tsx';
import { DETAIL_PARAMS, useUrlList, useUrlParam } from '../url-state.ts';
import { formatCount, formatMoney, formatPercent } from '../format.ts';
import { CATEGORY_LABELS } from '../../engine/classify/categories.ts';
import type { CrosswalkSummary } from '../../engine/analytics/crosswalk.ts';
import { LineDetail } from '../components/LineDetail.tsx';
import { useOpenLine } from '../components/open-line.ts';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { ScopeNote } from '../components/ScopeNote.tsx';
import '../reference/reference.css';

const lines = (n: number) => `${formatCount(n)} ${n === 1 ? 'line' : 'lines'}`;

/**
 * The practice's own crosswalk for one procedure (issue #4, "History crosswalk"): the diagnoses
 * it was paid and denied with in the loaded data, and the mismatch evidence the classifier
 * draws from it. The procedure is in the URL (?page=crosswalk&procedure=71046). Code numbers only.
 */
export function CrosswalkPage() {
  const [fromUrl, setProcedure] = useUrlParam('procedure', '', { clears: DETAIL_PARAMS });
  // the payer filter every page shares (the review's, in the URL); one payer, several or all
  const [payerList, setPayers] = useUrlList('payer', { clears: DETAIL_PARAMS });
  const proceduresQuery = useEngineQuery(() => engine.call('crosswalkProcedures'), []);
  const procedures = proceduresQuery.data;
  const procedure = fromUrl || procedures?.[0]?.procedure || '';
  const payersQuery = useEngineQuery(() => (procedure ? engine.call('crosswalkPayers', procedure) : Promise.resolve([])), [procedure]);
  const payers = payersQuery.data;
  const payerKey = JSON.stringify(payerList);
  const rowsQuery = useEngineQuery(() => (procedure ? engine.call('crosswalk', procedure, payerList) : Promise.resolve([])), [procedure, payerKey]);
  const payerText = payerList.join(', ');
  const rows = rowsQuery.error ? undefined : rowsQuery.data;
  const summaryQuery = useEngineQuery(() => (procedure ? engine.call('crosswalkSummary', procedure) : Promise.resolve(null)), [procedure]);
  const summary = summaryQuery.error ? undefined : summaryQuery.data;
  const [openLine, setOpenLine] = useOpenLine();
  if (proceduresQuery.error || !procedures) return <QueryState query={proceduresQuery} name="Crosswalk: the procedures billed" />;
  const known = procedures.some((p) => p.procedure === procedure);
  return (
    <>
      <section className="panel" data-testid="crosswalk">
        <h2>Crosswalk: the diagnoses a procedure was paid and denied with</h2>
        <p className="hint">
          Learned from the loaded data. Lines are first adjudications (as on the dashboard); a line billed with several diagnoses
          counts once under each of them. Paid = paid above $0 and not denied.
        </p>
        <ScopeNote scope="every loaded month, provider and category; the payer filter narrows the table of diagnoses" applies={['payer', 'procedure']} />
        <label className="crosswalk-picker">
          CPT/HCPCS{' '}
          <select value={procedure} onChange={(e) => setProcedure(e.target.value)} data-testid="crosswalk-procedure">
            {!known && procedure && <option value={procedure}>{procedure} (not in the loaded data)</option>}
            {procedures.map((p) => (
              <option key={p.procedure} value={p.procedure}>
                {p.procedure}: {lines(p.lines)} ({formatCount(p.paid_lines)} paid, {formatCount(p.denied_lines)} denied)
              </option>
            ))}
          </select>
        </label>
        <label className="crosswalk-picker">
          Payer{' '}
          <select value={payerList.length > 1 ? payerKey : (payerList[0] ?? '')} onChange={(e) => setPayers(e.target.value === payerKey ? payerList : e.target.value ? [e.target.value] : [])} data-testid="crosswalk-payer">
            <option value="">all payers</option>
            {payerList.length > 1 && <option value={payerKey}>{payerText}</option>}
            {payerList.length === 1 && !payers?.some((p) => p.payer === payerList[0]) && <option value={payerList[0]}>{payerList[0]} (did not bill {procedure})</option>}
            {payers?.map((p) => (
              <option key={p.payer} value={p.payer}>{p.payer}: {lines(p.lines)}</option>
            ))}
          </select>
        </label>
        {payersQuery.error && <QueryError error={payersQuery.error} name="The payers that billed it" onRetry={payersQuery.retry} />}
        {!known && procedure && <p className="error">{procedure} is not billed on any loaded line.</p>}
        {known && (summary ? <Summary s={summary} /> : <QueryState query={summaryQuery} name={`What ${procedure} was paid and denied with`} inline />)}
      </section>

      {known && summary && !rows && <QueryState query={rowsQuery} name={`Diagnoses billed with ${procedure}`} />}
      {known && summary && rows && (
        <section className="panel" data-testid="crosswalk-table" aria-busy={rowsQuery.loading || undefined}>
          <h2>
            Diagnoses billed with {procedure}{payerText && ` at ${payerText}`} <span className="count">({formatCount(rows.length)} diagnosis codes)</span>
          </h2>
          <p className="hint">
            Denial rate = denied lines ÷ lines billed with the diagnosis. Descriptions: CDC ICD-10-CM (public domain).
            {payerText && ' The summary above and the mismatch evidence count every payer, as the classifier does.'}
          </p>
          <ScrollBox label={`Diagnoses billed with ${procedure}`}>
            <table className="numbers">
              <thead>
                <tr>
                  <th>Diagnosis (ICD-10-CM)</th><th>Description</th><th className="num">Paid (lines)</th><th className="num">Denied (lines)</th>
                  <th className="num">Denial rate</th><th className="num">Lines</th><th>Category ever paid with {procedure}?</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const never = summary.never_paid_with.includes(r.dx);
                  return (
                    <tr key={r.dx} className={never ? 'never-paid' : ''} data-testid="crosswalk-row">
                      <td>{r.dx}</td>
                      <td>{r.description ?? <span className="muted">not in the loaded ICD-10-CM releases</span>}</td>
                      <td className="num">{formatCount(r.paid_lines)}</td>
                      <td className="num">{formatCount(r.denied_lines)}</td>
                      <td className="num">{formatPercent(r.denied_lines, r.lines)}</td>
                      <td className="num">{formatCount(r.lines)}</td>
                      <td>{r.dx_category}: {never ? 'never — mismatch evidence' : 'yes'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      )}

      {known && summary && (
        <section className="panel" data-testid="crosswalk-lines">
          <h2>
            Denied {procedure} lines classified as a mismatch or citing this history <span className="count">({lines(summary.evidence_line_count)})</span>
          </h2>
          {summary.evidence_line_count === 0 ? (
            <p className="hint">None.</p>
          ) : (
            <>
              <p className="hint">Click a line for its evidence and suggested fix.</p>
              <ScrollBox label={`Denied ${procedure} lines`}>
                <table className="numbers clickable">
                  <thead>
                    <tr><th>Claim</th><th className="num">Line</th><th>Date of service</th><th>Payer</th><th>Diagnoses</th><th>Category</th><th className="num">Denied ($)</th><th>History evidence</th></tr>
                  </thead>
                  <tbody>
                    {summary.evidence_lines.map((l) => (
                      <tr
                        key={l.line_id}
                        tabIndex={0}
                        onClick={() => setOpenLine(l.line_id)}
                        onKeyDown={(e) => e.key === 'Enter' && setOpenLine(l.line_id)}
                        aria-selected={openLine === l.line_id}
                        data-testid="crosswalk-line"
                      >
                        <td>{l.claim_id}</td>
                        <td className="num">{l.line_number ?? ''}</td>
                        <td>{l.service_date}</td>
                        <td>{l.payer}</td>
                        <td>{l.diagnoses.join(', ')}</td>
                        <td>{CATEGORY_LABELS[l.category]}</td>
                        <td className="num">{formatMoney(l.denied_amount)}</td>
                        <td>{l.history_text ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              {summary.evidence_line_count > summary.evidence_lines.length && (
                <p className="hint">First {lines(summary.evidence_lines.length)} of {lines(summary.evidence_line_count)} shown.</p>
              )}
              {openLine !== null && <LineDetail lineId={openLine} onClose={() => setOpenLine(null)} />}
            </>
          )}
        </section>
      )}
    </>
  );
}

function Summary({ s }: { s: CrosswalkSummary }) {
  const top = s.paid_with.slice(0, 3).join(', ') + (s.paid_with.length > 3 ? ' and others' : '');
  return (
    <>
      <dl className="facts" data-testid="crosswalk-summary">
        <dt>Lines billed</dt><dd data-testid="crosswalk-lines-billed">{lines(s.lines)}</dd>
        <dt>Paid</dt><dd data-testid="crosswalk-paid">{lines(s.paid_lines)}</dd>
        <dt>Denied</dt><dd data-testid="crosswalk-denied">{lines(s.denied_lines)}</dd>
        <dt>Paid $0, not a denial</dt><dd>{lines(s.unpaid_not_denied_lines)} (e.g. applied to the patient's deductible)</dd>
        {s.lines_without_diagnosis > 0 && (<><dt>Without a diagnosis</dt><dd>{lines(s.lines_without_diagnosis)} (not in the crosswalk)</dd></>)}
      </dl>
      <p className="evidence-sentence" data-testid="crosswalk-evidence">
        {s.paid_lines_with_diagnosis === 0 ? (
          <>{s.procedure} was never paid in the loaded data: there is no history to compare its denials with.</>
        ) : (
          <>
            {s.procedure} was paid {formatCount(s.paid_lines_with_diagnosis)} times (lines with a diagnosis) in the loaded data, with {top}
            {s.never_paid_with.length > 0 ? (
              <>; never with <strong>{s.never_paid_with.join(', ')}</strong>.</>
            ) : (
              <>. Every diagnosis category it was denied with was also paid with it at least once, so the history is no mismatch evidence here.</>
            )}
          </>
        )}
      </p>
      <p className="hint">
        The classifier cites this history on a denied line when the procedure was paid on at least {lines(s.min_paid_lines)} and none of the
        line's diagnosis categories (first three characters) was ever paid with it
        {s.paid_lines_with_diagnosis > 0 && s.paid_lines_with_diagnosis < s.min_paid_lines
          ? ` (${s.procedure} was paid on ${lines(s.paid_lines_with_diagnosis)} with a diagnosis: too few)`
          : ''}
        .{' '}
        {formatCount(s.history_evidence_lines)} denied {s.history_evidence_lines === 1 ? 'line cites' : 'lines cite'} it;{' '}
        {lines(s.mismatch_lines)} denied as a Dx–procedure mismatch in all.
      </p>
    </>
  );
}
