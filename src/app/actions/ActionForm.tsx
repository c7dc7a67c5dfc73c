import { useState } from 'react';
import { ACTION_KINDS, ACTION_KIND_LABELS, actionProblems, newActionId, type ActionKind, type PatternAction, type PatternIdentity } from '../../engine/actions/actions.ts';
import { messageOf } from '../../engine/message-of.ts';
import { putActions } from './action-store.ts';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Records what was done about one pattern: the change, its kind, the owner and the date it took effect. */
export function ActionForm({ pattern }: { pattern: PatternIdentity }) {
  const [kind, setKind] = useState<ActionKind>('coder_education');
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [date, setDate] = useState(today);
  const [problems, setProblems] = useState<string[]>([]);
  const id = `action-${pattern.pattern_key}`;
  return (
    <form
      className="action-form"
      data-testid="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        const action: PatternAction = { ...pattern, id: newActionId(), kind, what: what.trim(), owner: owner.trim(), date };
        const found = actionProblems(action);
        setProblems(found);
        if (found.length) return;
        putActions([action]).then(
          () => { setWhat(''); },
          (error: unknown) => setProblems([`The action could not be saved: ${messageOf(error)}`]),
        );
      }}
    >
      <h3>Record an action</h3>
      <label htmlFor={`${id}-kind`}>Action</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ActionKind)} data-testid="action-kind">
        {ACTION_KINDS.map((k) => <option key={k} value={k}>{ACTION_KIND_LABELS[k]}</option>)}
      </select>
      <label htmlFor={`${id}-what`}>What was changed</label>
      <input id={`${id}-what`} type="text" value={what} onChange={(e) => setWhat(e.target.value)} data-testid="action-what" />
      <label htmlFor={`${id}-owner`}>Owner</label>
      <input id={`${id}-owner`} type="text" value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="action-owner" />
      <label htmlFor={`${id}-date`}>Date it took effect</label>
      <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="action-date" />
      <button type="submit" data-testid="action-save">Save action</button>
      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
    </form>
  );
}
