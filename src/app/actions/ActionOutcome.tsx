import type { ActionOutcome, OutcomeWindow } from '../../engine/actions/outcome.ts';
import { STATUS_LABELS } from '../review/pattern-labels.ts';
import { formatCountOf, formatMoney, formatMonth } from '../format.ts';

const span = (w: OutcomeWindow) => (w.from === w.to ? formatMonth(w.from!) : `${formatMonth(w.from!)}–${formatMonth(w.to!)}`);

function windowText(w: OutcomeWindow, months: number): string {
  if (!w.from) return 'none yet';
  if (w.months_with_data === 0) return `${span(w)}: no data for this payer and procedure`;
  return `${span(w)}: ${formatCountOf(w.denied_lines, 'denied line')}, ${formatMoney(w.denied_amount)} (${w.months_with_data} of ${months} month${months === 1 ? '' : 's'} with data)`;
}

const monthsIn = (w: OutcomeWindow) => (w.from ? 1 + (Number(w.to!.slice(0, 4)) * 12 + Number(w.to!.slice(5))) - (Number(w.from.slice(0, 4)) * 12 + Number(w.from.slice(5))) : 0);

/** Before, during and after an action, and where its pattern stands in the reviewed month. */
export function OutcomeSummary({ outcome: o }: { outcome: ActionOutcome }) {
  return (
    <dl className="action-outcome" data-testid="action-outcome">
      <dt>Before</dt>
      <dd data-testid="outcome-before">{windowText(o.before, monthsIn(o.before))}</dd>
      <dt>{formatMonth(o.action_month)} (the action’s month)</dt>
      <dd data-testid="outcome-during">
        {o.during.has_data ? `${formatCountOf(o.during.denied_lines, 'denied line')}, ${formatMoney(o.during.denied_amount)}` : 'no data'}
      </dd>
      <dt>After</dt>
      <dd data-testid="outcome-after">{windowText(o.after, monthsIn(o.after))}</dd>
      <dt>{formatMonth(o.month)}</dt>
      <dd>
        <span className={`status-chip status-${o.status}`} title={STATUS_LABELS[o.status].help} data-testid="outcome-status">
          {outcomeLabel(o)}
        </span>
      </dd>
    </dl>
  );
}

/** Still recurring, resolved or no data, in the words of the review's status. */
export function outcomeLabel(o: ActionOutcome): string {
  if (o.status === 'resolved') return 'Resolved';
  if (o.status === 'no_data') return 'No data';
  return `Still denied (${STATUS_LABELS[o.status].label.toLowerCase()})`;
}
