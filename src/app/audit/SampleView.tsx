import { Fragment, useState } from 'react';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatCount } from '../format.ts';
import type { AuditorReview } from '../../engine/audit/review.ts';
import type { WorksheetImport } from '../../engine/audit/worksheet-csv.ts';
import type { SavedSample } from './audit-store.ts';
import { keepingData } from '../storage/retention.ts';
import { AuditResults } from './AuditResults.tsx';
import { Worksheet } from './Worksheet.tsx';
import { downloadText } from '../download.ts';
import { categoryLabel } from './labels.ts';
import { sampleIdentity } from '../../engine/audit/identity.ts';
import { CONSERVATIVE_LEVEL } from '../../engine/audit/estimators.ts';
import { EMPTY_REVIEW, FINDING_LABELS, type Reviews } from '../../engine/audit/review.ts';
import type { AuditSample } from '../../engine/audit/sample.ts';
import { formatMoney } from '../format.ts';
import { messageOf } from '../../engine/message-of.ts';

interface Props {
  saved: SavedSample;
  saving: boolean;
  saveError: string;
  onChange: (next: SavedSample) => void;
  onDelete: () => void;
}

type Notice = { kind: 'ok' | 'problem'; text: string; details?: string[] };

/** One saved sample: how it was drawn, its results and its worksheet, with export, import, print and a re-draw check. */
export function SampleView({ saved, saving, saveError, onChange, onDelete }: Props) {
  const { sample, reviews } = saved;
  const [notice, setNotice] = useState<Notice | null>(null);
  const level = saved.confidence ?? CONSERVATIVE_LEVEL;
  const resultsQuery = useEngineQuery(() => engine.call('auditResults', sample, reviews, level), [sample, reviews, level]);
  const results = resultsQuery.error ? undefined : resultsQuery.data;

  const setReview = (draw: number, review: AuditorReview) =>
    onChange({ ...saved, reviews: { ...reviews, [draw]: review }, updatedAt: new Date().toISOString() });

  const exportCsv = async () => {
    const csv = await engine.call('worksheetCsv', sample, reviews);
    downloadText(`audit-worksheet-${sample.drawnAt.slice(0, 10)}-seed${sample.spec.seed}.csv`, csv, 'text/csv;charset=utf-8');
  };

  const exportFrame = async () => {
    const csv = await engine.call('frameCsv', sample.spec);
    downloadText(`audit-frame-seed${sample.spec.seed}.csv`, csv, 'text/csv;charset=utf-8');
  };

  const importCsv = async (file: File) => {
    try {
      const result: WorksheetImport = await engine.call('readWorksheetCsv', sample, reviews, new Uint8Array(await file.arrayBuffer()));
      onChange({ ...saved, reviews: result.reviews, updatedAt: new Date().toISOString() });
      const details = [
        ...result.unmatched.map((u) => `row ${u.row}: ${u.reason}`),
        ...result.problems.map((p) => `row ${p.row}, ${p.column}: '${p.value}' — ${p.reason} (left as it was)`),
      ];
      setNotice({
        kind: details.length ? 'problem' : 'ok',
        text: `${file.name}: ${result.matched} row${result.matched === 1 ? '' : 's'} taken; ${result.unmatched.length} not matched; ${result.notInFile} sample row${result.notInFile === 1 ? '' : 's'} not in the file (unchanged).`,
        details,
      });
    } catch (e) {
      setNotice({ kind: 'problem', text: `${file.name}: ${messageOf(e)}` });
    }
  };

  const verify = async () => {
    const again = await engine.call('drawSample', sample.spec);
    const key = (r: { claimId: string; lineNumber: number | null }) => `${r.claimId}#${r.lineNumber ?? ''}`;
    const sameFrame = again.frame.fingerprint === sample.frame.fingerprint;
    const sameUnits = again.rows.map(key).join('\n') === sample.rows.map(key).join('\n');
    setNotice(
      sameFrame && sameUnits
        ? { kind: 'ok', text: `Reproduced: the loaded data gives the same frame (${formatCount(again.frame.count)} units, same fingerprint) and the same ${again.rows.length} units in the same order.` }
        : {
            kind: 'problem',
            text: sameFrame
              ? 'The frame is the same but the units differ: this should not happen — report it.'
              : `The loaded data gives another frame (${formatCount(again.frame.count)} units instead of ${formatCount(sample.frame.count)}, fingerprint differs): load the same files to reproduce this sample.`,
          },
    );
  };

  return (
    <div className="audit-print" data-testid="sample-view">
      <section className="panel sample-header">
        <div className="panel-title">
          <h2>{saved.name}</h2>
          <span className="save-state no-print" data-testid="save-state" role="status">
            {saveError ? <span className="error">Not saved: {saveError}</span> : saving ? 'Saving…' : 'Saved in this browser'}
          </span>
        </div>
        <dl className="sample-facts" data-testid="sample-identity">
          {sampleIdentity(sample).map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd className={label.startsWith('Frame fingerprint') ? 'fingerprint' : undefined} data-testid={IDENTITY_TEST_IDS[label]}>
                {label === 'Seed' ? `${value} (mulberry32)` : label === 'Drawn at' ? `${new Date(value).toLocaleString()} (${value})` : value}
              </dd>
            </Fragment>
          ))}
        </dl>
        <div className="sample-actions no-print">
          <button type="button" onClick={exportCsv} data-testid="export-worksheet">Export CSV</button>
          <label className="file-button">
            Import filled-in CSV
            <input
              type="file"
              accept=".csv,.txt"
              data-testid="import-worksheet"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) importCsv(file);
              }}
            />
          </label>
          <button type="button" onClick={exportFrame} title="Every unit of the frame with its order fields and key, and the fingerprint" data-testid="export-frame">Export frame CSV</button>
          <button type="button" onClick={() => printWith('print-summary')} title="Identity, results with their intervals, findings and the units reviewed, without the worksheet" data-testid="print-summary">
            Print audit summary
          </button>
          <button type="button" onClick={() => window.print()}>Print with worksheet</button>
          <button type="button" onClick={verify} title="Draw again with the same seed and frame on the data loaded now" data-testid="verify-sample">Check the draw</button>
          <button type="button" onClick={onDelete}>Delete sample</button>
        </div>
        {notice && (
          <div className={`notice no-print ${notice.kind}`} role="status" data-testid="audit-notice">
            <p>{notice.text}</p>
            {notice.details && notice.details.length > 0 && <ul>{notice.details.map((d, i) => <li key={i}>{d}</li>)}</ul>}
          </div>
        )}
      </section>
      {!results && <QueryState query={resultsQuery} name="Audit results" />}
      {results && (
        <AuditResults report={results} spec={sample.spec} onLevel={(confidence) => onChange({ ...saved, confidence, updatedAt: new Date().toISOString() })} />
      )}
      {results && <FindingsList sample={sample} reviews={reviews} />}
      <section className="panel audit-worksheet">
        <h2>Worksheet</h2>
        <p className="hint no-print">
          Answers are saved in this browser as you type ({keepingData() ? 'kept on this computer until erased' : 'in this tab until it is closed, unless “Keep data on this computer” is on'}). Pull each chart and record whether the documentation supports the codes billed.
        </p>
        <Worksheet sample={sample} reviews={reviews} onChange={setReview} />
      </section>
    </div>
  );
}

const IDENTITY_TEST_IDS: Record<string, string> = { Seed: 'sample-seed', Frame: 'sample-frame', 'Blind review': 'sample-blind' };

/** The units with the auditor's answers, for the printed summary. */
function FindingsList({ sample, reviews }: { sample: AuditSample; reviews: Reviews }) {
  const answered = sample.rows.filter((r) => (reviews[r.draw] ?? EMPTY_REVIEW).supports || (reviews[r.draw] ?? EMPTY_REVIEW).finding);
  return (
    <section className="panel" aria-label="Units reviewed">
      <h2>Units reviewed</h2>
      {answered.length === 0 ? (
        <p className="hint">No unit reviewed yet.</p>
      ) : (
        <table className="numbers" data-testid="units-reviewed">
          <thead>
            <tr>
              <th className="num">#</th><th>Claim</th><th>Our category</th><th>Documentation supports codes</th><th>Finding</th><th>Correct codes</th>
              <th className="num">Billed</th><th className="num">Dollars in error</th>
            </tr>
          </thead>
          <tbody>
            {answered.map((r) => {
              const v = reviews[r.draw] ?? EMPTY_REVIEW;
              return (
                <tr key={r.draw}>
                  <td className="num">{r.draw}</td>
                  <td>{r.claimId}{r.lineNumber != null ? ` / ${r.lineNumber}` : ''}</td>
                  <td>{sample.spec.blind && !v.finding ? '(hidden)' : categoryLabel(r.category)}</td>
                  <td>{v.supports ?? '—'}</td>
                  <td>{v.finding ? FINDING_LABELS[v.finding] : '—'}</td>
                  <td>{v.correctCodes || '—'}</td>
                  <td className="num">{formatMoney(r.billed)}</td>
                  <td className="num">{formatMoney(v.dollarsInError)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Prints with a class on <body> that the print style sheet reads (window.print() returns once the dialog closes). */
function printWith(className: string) {
  document.body.classList.add(className);
  try {
    window.print();
  } finally {
    document.body.classList.remove(className);
  }
}
