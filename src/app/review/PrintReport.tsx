import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { PATTERN_STATUSES, deniedThisMonth } from '../../engine/analytics/pattern-status.ts';
import { CATEGORY_LABELS } from '../../engine/classify/categories.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatCount, formatMoney, formatMonth } from '../format.ts';
import { KPI_DEFINITIONS } from './kpi-definitions.ts';
import { PATTERN_PAGE, PatternEvidence } from './PatternList.tsx';
import { STATUS_LABELS, patternTitle } from './pattern-labels.ts';

const TOP = 10;

/** Printed only: the title of the report. */
export function PrintHeader({ filters, description }: { filters: Filters; description: string }) {
  if (!filters.month) return null;
  return (
    <header className="print-only report-header">
      <h1>Monthly denial review — {formatMonth(filters.month)}</h1>
      <p>
        Month of the {filters.basis === 'remit' ? 'remittance date' : 'date of service'} · {description} · printed{' '}
        {new Date().toISOString().slice(0, 10)} by Denial Lens (all data processed in this browser).
      </p>
    </header>
  );
}

/** Printed only: the top patterns with their evidence and fix (the screen has the interactive list), and the definitions. */
export function PrintPatternsAndDefinitions({ filters }: { filters: Filters }) {
  // the screen's first page of patterns, already answered (and cached): no query of its own
  const query = useEngineQuery(() => engine.call('reviewPatterns', filters, { limit: PATTERN_PAGE }), [filters]);
  const review = query.error ? undefined : query.data;
  const top = review?.rows.slice(0, TOP) ?? [];
  return (
    <div className="print-only">
      {!review && <QueryState query={query} name="Top patterns and fixes" inline />}
      {review && (
        <section className="print-patterns">
          <h2>Top patterns and fixes</h2>
          <p>
            The {formatCount(top.length)} patterns with the most dollars at risk in {formatMonth(review.month)} ({PATTERN_STATUSES.filter(deniedThisMonth)
              .map((s) => `${formatCount(review.counts[s].patterns)} ${STATUS_LABELS[s].label.toLowerCase()}`)
              .join(', ')}; {formatCount(review.counts.resolved.patterns)} resolved; {formatCount(review.counts.no_data.patterns)} with no data this month).
          </p>
          <ol>
            {top.map((p) => (
              <li key={p.pattern_key}>
                <h3>
                  {STATUS_LABELS[p.status].label}: {CATEGORY_LABELS[p.category]} — {patternTitle(p)}
                </h3>
                <p>
                  {!deniedThisMonth(p.status)
                    ? `${p.status === 'no_data' ? 'No adjudicated lines of this payer (and procedure) this month' : 'Not denied this month'} (last seen ${formatMonth(p.last_seen)}).`
                    : `${formatCount(p.lines)} denied lines, ${formatMoney(p.denied_amount)} denied, ${formatMoney(p.at_risk)} at risk.`}
                </p>
                <PatternEvidence pattern={p} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="print-definitions">
        <h2>Definitions</h2>
        <dl>
          {Object.values(KPI_DEFINITIONS).map((d) => (
            <div key={d.label}>
              <dt>{d.label}</dt>
              <dd>{d.definition}</dd>
            </div>
          ))}
          {PATTERN_STATUSES.map((s) => (
            <div key={s}>
              <dt>Pattern {STATUS_LABELS[s].label.toLowerCase()}</dt>
              <dd>{STATUS_LABELS[s].help}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
