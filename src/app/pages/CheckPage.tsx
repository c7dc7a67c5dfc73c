import { useState, type DragEvent } from 'react';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryError, QueryState } from '../components/QueryState.tsx';
import { LineDetail } from '../components/LineDetail.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { formatCount, formatCountOf, formatMoney, formatMonth } from '../format.ts';
import { downloadText } from '../download.ts';
import { loadSampleFiles } from '../sample-data.ts';
import { rememberMapping, rememberedMappings } from '../mapping-memory.ts';
import { MappingDialog } from '../components/MappingDialog.tsx';
import type { MappingProposal } from '../../engine/ingest/csv/header-mapping.ts';
import { messageOf } from '../../engine/message-of.ts';
import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import type { CheckClaim, CheckFlag } from '../../engine/check/check.ts';
import { backtestRates, backtestTotals, type BacktestRow } from '../../engine/check/backtest-rates.ts';
import './check.css';

const SOURCE_LABELS: Record<string, string> = {
  reference: 'Code data',
  rule: 'Billing rule',
  history: 'Your history',
  pattern: 'Denied before',
  crosswalk: 'Never paid with this diagnosis',
};
const categoryLabel = (c: string | null) => (c === null ? 'Note' : (CATEGORY_LABELS[c as Category] ?? c));
const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

/**
 * Check claims before sending (issue #15): an outgoing 837P batch or claims CSV, checked against
 * the loaded history without becoming part of it. The file is only read, never changed.
 */
export function CheckPage() {
  const [checked, setChecked] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [openLine, setOpenLine] = useState<number | null>(null);
  const [runBacktest, setRunBacktest] = useState(false);
  const [needsMapping, setNeedsMapping] = useState<{ file: File; proposal: MappingProposal; reason: string } | null>(null);
  const result = useEngineQuery(() => engine.call('checkResult'), [checked]);
  const backtest = useEngineQuery(() => (runBacktest ? engine.call('backtest') : Promise.resolve(null)), [runBacktest]);

  const check = async (file: File) => {
    setBusy(`Checking ${file.name}…`);
    setMessage(null);
    try {
      const loaded = await engine.call('checkBatch', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, rememberedMappings());
      if (loaded.status === 'needs-mapping' && loaded.proposal) setNeedsMapping({ file, proposal: loaded.proposal, reason: loaded.message });
      else if (loaded.status !== 'loaded') setMessage(`${file.name}: ${loaded.message}`);
      setChecked((n) => n + 1);
    } catch (error) {
      setMessage(`${file.name} could not be checked: ${messageOf(error)}`);
    } finally {
      setBusy(null);
    }
  };
  const trySample = async () => {
    try {
      const [file] = await loadSampleFiles('batch');
      if (!file) throw new Error('the sample batch is not in this build');
      await check(file);
    } catch (error) {
      setMessage(messageOf(error));
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void check(file);
  };
  const exportCsv = async () => {
    try {
      const name = result.data?.batch?.name.replace(/\.[^.]*$/, '') ?? 'batch';
      downloadText(`check-worklist-${name}.csv`, await engine.call('checkWorklistCsv'));
    } catch (error) {
      setMessage(messageOf(error));
    }
  };
  const clear = async () => {
    try {
      await engine.call('clearCheck');
      setChecked((n) => n + 1);
    } catch (error) {
      setMessage(messageOf(error));
    }
  };

  const r = result.error ? undefined : result.data;
  const flagged = r?.claims.filter((c) => c.lines.some((l) => l.flags.length > 0)) ?? [];
  const clean = r?.claims.filter((c) => c.lines.every((l) => l.flags.length === 0)) ?? [];
  return (
    <div className="check-page">
      <section className="panel print-hide" data-testid="check-drop" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <h2>Check claims before sending</h2>
        <p className="hint">
          Drop an outgoing 837P batch or a claims CSV (any layout the app reads) here. Each line is checked against the code data on its
          date of service, the modifier rules, and this practice&apos;s own denials in the loaded history. The batch is kept apart: it is not
          added to the history and the review&apos;s figures do not change. The file itself is only read.
        </p>
        <p className="sample-buttons">
          <label>
            Choose a batch…{' '}
            <input
              type="file"
              accept=".837,.x12,.txt,.edi,.csv,.tsv"
              disabled={busy !== null}
              data-testid="check-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void check(file);
              }}
            />
          </label>{' '}
          <button type="button" disabled={busy !== null} onClick={() => void trySample()}>Try with the sample batch</button>
        </p>
        {busy && <p role="status">{busy}</p>}
        {message && <p className="error" role="alert" data-testid="check-message">{message}</p>}
      </section>

      {!r && <QueryState query={result} name="The checked batch" />}
      {r?.batch && (
        <section className="panel" data-testid="check-result" aria-busy={result.loading || undefined}>
          <header className="print-only">
            <h1>Claims to check before sending — {r.batch.name}</h1>
            <p>Printed {new Date().toISOString().slice(0, 10)} by Denial Lens (all data processed in this browser).</p>
          </header>
          <h2>
            {r.batch.name}: {formatCountOf(r.batch.claims, 'claim')}, {formatCountOf(r.batch.lines, 'line')}
          </h2>
          <p data-testid="check-summary">
            <strong>{formatCountOf(flagged.length, 'claim')}</strong> flagged ({formatCountOf(r.flagged_lines, 'line')}),{' '}
            <strong>{formatMoney(r.at_risk)}</strong> at risk. {formatCountOf(clean.length, 'claim')} with nothing flagged.
            {r.batch.rows_rejected > 0 && ` ${formatCountOf(r.batch.rows_rejected, 'row')} of the file could not be read (below).`}
          </p>
          <p className="hint">
            Dollars at risk = the charge of each line with a flag: a coding denial refuses the whole line. Claims are ranked by it. A note
            (a code the loaded reference does not know) is shown but puts nothing at risk.
          </p>
          <p className="panel-actions print-hide">
            <button type="button" onClick={() => void exportCsv()}>Export worklist CSV</button>{' '}
            <button type="button" onClick={() => window.print()}>Print checklist</button>{' '}
            <button type="button" onClick={() => void clear()}>Clear the batch</button>
          </p>
          <ol className="check-claims" data-testid="check-claims">
            {flagged.map((c) => (
              <ClaimFlags key={c.claim_id} claim={c} onOpenLine={setOpenLine} />
            ))}
          </ol>
          {clean.length > 0 && (
            <p className="hint" data-testid="check-clean">
              Nothing flagged: {clean.map((c) => c.claim_id).join(', ')}.
            </p>
          )}
          {r.rejects.length > 0 && (
            <ul className="check-rejects">
              {r.rejects.map((x, i) => (
                <li key={i}>
                  line {x.line ?? '?'}: {x.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {r && !r.batch && (
        <section className="panel print-hide">
          <p className="hint">No batch checked yet.</p>
        </section>
      )}

      <section className="panel print-hide" data-testid="backtest">
        <h2>How good is the check: the backtest</h2>
        <p className="hint">
          For each month of the loaded history, its lines are checked as if they had not been sent, with only what was known before the month
          (remittances dated earlier; an export without remittance dates: earlier dates of service), and compared with what the payers did.
          Recall = the month&apos;s denied lines in the category that a flag of that category would have stopped (overall: the four coding
          categories&apos; denials, any flag), by lines and by dollars. Precision = flagged lines that the payer then denied, for any
          reason. The same numbers as <code>npm run -s analyze -- --backtest</code>.
        </p>
        {!runBacktest && (
          <button type="button" onClick={() => setRunBacktest(true)}>Run the backtest</button>
        )}
        {runBacktest && backtest.error && <QueryError error={backtest.error} name="The backtest" onRetry={backtest.retry} />}
        {runBacktest && !backtest.error && !backtest.data && <p role="status">Checking each month against the months before it…</p>}
        {backtest.data && <BacktestTable rows={backtest.data} />}
      </section>
      {openLine !== null && <LineDetail lineId={openLine} onClose={() => setOpenLine(null)} />}
      {needsMapping && (
        <MappingDialog
          file={needsMapping.file}
          mapping={needsMapping.proposal.mapping}
          reason={needsMapping.proposal.missing.length ? undefined : needsMapping.reason}
          purpose="load"
          onCancel={() => setNeedsMapping(null)}
          onConfirm={(mapping, headers) => {
            rememberMapping(needsMapping.proposal.signature, mapping, headers);
            setNeedsMapping(null);
            void check(needsMapping.file);
          }}
        />
      )}
    </div>
  );
}

function ClaimFlags({ claim, onOpenLine }: { claim: CheckClaim; onOpenLine: (lineId: number) => void }) {
  return (
    <li className="check-claim" data-testid="check-claim" data-claim={claim.claim_id}>
      <h3>
        Claim {claim.claim_id} · {claim.payer ?? '(no payer)'} · {claim.provider ?? '(no provider)'} · {claim.service_date ?? ''} ·{' '}
        <span data-testid="claim-at-risk">{formatMoney(claim.at_risk)}</span> at risk of {formatMoney(claim.billed)}
      </h3>
      {claim.lines
        .filter((l) => l.flags.length > 0)
        .map((l) => (
          <div key={l.line_id} className="check-line">
            <p>
              <input type="checkbox" className="print-only-inline" aria-label={`checked line ${l.line_number ?? ''}`} /> Line {l.line_number ?? '?'}:{' '}
              <strong>{l.procedure}</strong>
              {l.modifiers.length > 0 && `:${l.modifiers.join(':')}`} · diagnoses {l.diagnoses.join(', ') || 'none'} · {formatMoney(l.billed)}
            </p>
            <ul>
              {l.flags.map((f, i) => (
                <Flag key={i} flag={f} onOpenLine={onOpenLine} />
              ))}
            </ul>
          </div>
        ))}
    </li>
  );
}

function Flag({ flag, onOpenLine }: { flag: CheckFlag; onOpenLine: (lineId: number) => void }) {
  return (
    <li className={`check-flag${flag.category === null ? ' note' : ''}`} data-testid="check-flag" data-category={flag.category ?? 'note'} data-source={flag.source}>
      <span className="check-flag-kind">
        {categoryLabel(flag.category)} · {SOURCE_LABELS[flag.source] ?? flag.source}
      </span>{' '}
      {flag.text}
      {flag.fix && (
        <span className="check-fix">
          {' '}
          <strong>Fix:</strong> {flag.fix}
        </span>
      )}
      {flag.past.length > 0 && (
        <span className="check-past">
          {' '}
          Past denials:{' '}
          {flag.past.map((p) => (
            <button key={p.line_id} type="button" className="link" data-testid="past-denial" onClick={() => onOpenLine(p.line_id)}>
              {p.service_date} claim {p.claim_id} {formatMoney(Number(p.denied_amount))}
            </button>
          ))}
        </span>
      )}
    </li>
  );
}

function BacktestTable({ rows }: { rows: BacktestRow[] }) {
  if (rows.length === 0) return <p className="hint">No month with dates of service is loaded.</p>;
  const all = [...rows, ...backtestTotals(rows)];
  return (
    <ScrollBox label="Backtest by month and category">
      <table className="numbers" data-testid="backtest-table">
        <thead>
          <tr>
            <th>Month</th><th>Category</th><th className="num">Denied (lines)</th><th className="num">Denied ($)</th>
            <th className="num">Flagged of those</th><th className="num">Recall</th><th className="num">Recall ($)</th>
            <th className="num">Flagged lines</th><th className="num">Of which denied</th><th className="num">Precision</th>
          </tr>
        </thead>
        <tbody>
          {all.map((r) => {
            const rates = backtestRates(r);
            return (
              <tr key={`${r.month}-${r.category}`} className={r.category === 'overall' ? 'total' : ''} data-testid="backtest-row" data-month={r.month.slice(0, 7)} data-category={r.category}>
                <td>{r.month === 'all' ? 'All months' : formatMonth(r.month.slice(0, 7))}</td>
                <td>{r.category === 'overall' ? 'Overall (coding)' : categoryLabel(r.category)}</td>
                <td className="num">{formatCount(r.denied)}</td>
                <td className="num">{formatMoney(r.denied_dollars)}</td>
                <td className="num">{formatCount(r.caught)}</td>
                <td className="num" data-testid="recall">{rate(rates.recall)}</td>
                <td className="num">{rate(rates.dollarRecall)}</td>
                <td className="num">{formatCount(r.flagged)}</td>
                <td className="num">{formatCount(r.flagged_denied)}</td>
                <td className="num" data-testid="precision">{rate(rates.precision)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
