import { useState } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { ACTION_KIND_LABELS } from '../../engine/actions/actions.ts';
import { CATEGORY_LABELS } from '../../engine/classify/categories.ts';
import { messageOf } from '../../engine/message-of.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { downloadText } from '../download.ts';
import { formatMonth } from '../format.ts';
import { patternTitle } from '../review/pattern-labels.ts';
import { OutcomeSummary } from './ActionOutcome.tsx';
import { deleteAction, putActions, useActions } from './action-store.ts';

/** Every action recorded on a pattern, with what happened after it as of the reviewed month; CSV out and in. */
export function ActionsPanel({ filters }: { filters: Filters }) {
  const { actions, error } = useActions();
  const month = filters.month!;
  const basis = filters.basis ?? 'service';
  const outcomes = useEngineQuery(() => engine.call('actionOutcomes', actions, month, basis), [actions, month, basis]);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'problem'; text: string; details?: string[] } | null>(null);

  const exportCsv = () =>
    engine.call('actionsCsv', actions, outcomes.data ?? []).then(
      (csv) => downloadText(`denial-pattern-actions-${month}.csv`, csv),
      (e: unknown) => setNotice({ kind: 'problem', text: `The CSV could not be written: ${messageOf(e)}` }),
    );
  const importCsv = async (file: File) => {
    try {
      const read = await engine.call('readActionsCsv', new Uint8Array(await file.arrayBuffer()));
      if (read.errors.length) {
        setNotice({ kind: 'problem', text: `${file.name}: nothing was imported; fix these rows and import it again.`, details: read.errors.map((e) => `row ${e.row}: ${e.message}`) });
        return;
      }
      const known = new Set(actions.map((a) => a.id));
      await putActions(read.actions);
      const replaced = read.actions.filter((a) => known.has(a.id)).length;
      setNotice({ kind: 'ok', text: `${file.name}: ${read.actions.length} action${read.actions.length === 1 ? '' : 's'} imported (${replaced} replaced one with the same id).` });
    } catch (e) {
      setNotice({ kind: 'problem', text: `${file.name}: ${messageOf(e)}` });
    }
  };

  return (
    <section className={`panel actions-panel${actions.length === 0 ? ' print-hide' : ''}`} aria-labelledby="actions-title" data-testid="actions-panel">
      <div className="panel-title">
        <h2 id="actions-title">Actions on patterns, as of {formatMonth(month)}</h2>
        <span className="panel-actions print-hide">
          <button type="button" className="link" onClick={exportCsv} disabled={actions.length === 0} data-testid="export-actions">Export CSV</button>
          <label className="file-button">
            Import CSV
            <input
              type="file"
              accept=".csv,.txt"
              data-testid="import-actions"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importCsv(file);
              }}
            />
          </label>
        </span>
      </div>
      <p className="hint">
        Record an action by opening a pattern above. For each action: denied lines and dollars of its pattern in the 3 months
        before the action’s month and in the months after it up to {formatMonth(month)}, counting only months in which the
        payer (and procedure) had any adjudicated line, and where the pattern stands in {formatMonth(month)} by the review’s rule.
      </p>
      {error && <p className="error" role="alert">The actions could not be read from this browser’s storage: {error}</p>}
      {notice && (
        <div className={`notice ${notice.kind}`} role="status" data-testid="actions-notice">
          <p>{notice.text}</p>
          {notice.details && <ul>{notice.details.map((d) => <li key={d}>{d}</li>)}</ul>}
        </div>
      )}
      {actions.length === 0 ? (
        <p className="empty-note">No action recorded yet.</p>
      ) : (
        <QueryState query={outcomes} name="What happened after the actions" inline>
          {(found) => (
            <table className="actions-table">
              <thead>
                <tr><th>Date</th><th>Action</th><th>Pattern</th><th>What happened</th><th><span className="sr-only">Delete</span></th></tr>
              </thead>
              <tbody>
                {actions.map((a) => {
                  const o = found.find((x) => x.action_id === a.id);
                  return (
                    <tr key={a.id} data-testid="action-row">
                      <td>{a.date}</td>
                      <td>
                        <strong>{ACTION_KIND_LABELS[a.kind]}</strong>: {a.what}
                        <div className="muted">owner {a.owner}</div>
                      </td>
                      <td>{CATEGORY_LABELS[a.category]} — {patternTitle(a)}</td>
                      <td>{o ? <OutcomeSummary outcome={o} /> : '—'}</td>
                      <td className="print-hide">
                        <button type="button" className="link" onClick={() => { if (confirm(`Delete the action of ${a.date} (${a.what})?`)) void deleteAction(a.id); }}>Delete</button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </QueryState>
      )}
    </section>
  );
}
