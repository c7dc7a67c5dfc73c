import { useMemo } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { ACTION_KIND_LABELS, type PatternIdentity } from '../../engine/actions/actions.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { ActionForm } from './ActionForm.tsx';
import { OutcomeSummary } from './ActionOutcome.tsx';
import { useActions } from './action-store.ts';

/** Under an opened pattern: the actions recorded on it with what happened after each, and the form to record one. */
export function PatternActions({ pattern, filters }: { pattern: PatternIdentity; filters: Filters }) {
  const { actions: all } = useActions();
  const actions = useMemo(() => all.filter((a) => a.pattern_key === pattern.pattern_key), [all, pattern.pattern_key]);
  const month = filters.month!;
  const basis = filters.basis ?? 'service';
  const outcomes = useEngineQuery(() => engine.call('actionOutcomes', actions, month, basis), [actions, month, basis]);
  return (
    <div className="pattern-actions" data-testid="pattern-actions">
      {actions.length > 0 && (
        <>
          <h3>Actions taken</h3>
          <QueryState query={outcomes} name="What happened after the actions" inline>
            {(found) => (
              <ul className="action-list">
                {actions.map((a) => {
                  const o = found.find((x) => x.action_id === a.id);
                  return (
                    <li key={a.id} data-testid="pattern-action">
                      <strong>{a.date}</strong> · {ACTION_KIND_LABELS[a.kind]} · {a.what} · owner {a.owner}
                      {o && <OutcomeSummary outcome={o} />}
                    </li>
                  );
                })}
              </ul>
            )}
          </QueryState>
        </>
      )}
      <ActionForm pattern={pattern} />
    </div>
  );
}
