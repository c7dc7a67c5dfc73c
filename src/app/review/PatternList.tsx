import { Fragment, useEffect, useState } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { PatternReview, PatternRow } from '../../engine/analytics/patterns.ts';
import { PATTERN_STATUSES, deniedThisMonth, type PatternStatus } from '../../engine/analytics/pattern-status.ts';
import { CATEGORY_LABELS } from '../../engine/classify/categories.ts';
import { CATEGORY_COLORS } from '../categories-style.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { messageOf } from '../../engine/message-of.ts';
import { formatCount, formatCountOf, formatMoney, formatMoneyShort, formatMonth } from '../format.ts';
import { downloadText } from '../download.ts';
import { Sparkline } from './Sparkline.tsx';
import { STATUS_LABELS, patternTitle } from './pattern-labels.ts';
import { identityOf } from '../../engine/actions/actions.ts';
import { PatternActions } from '../actions/PatternActions.tsx';
import { useActions } from '../actions/action-store.ts';


/** Patterns shown at first and added by "Show more" (the printed report asks for the same first page). */
export const PATTERN_PAGE = 15;

interface Props {
  filters: Filters;
  onDrill: (pattern: PatternRow) => void;
}

/** Root causes of the month's denials, new / recurring / returning / resolved / no data, by dollars at risk. */
export function PatternList({ filters, onDrill }: Props) {
  const [status, setStatus] = useState<PatternStatus | undefined>();
  const [limit, setLimit] = useState(PATTERN_PAGE);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => setLimit(PATTERN_PAGE), [filters, status]);
  const [exportError, setExportError] = useState('');
  const query = useEngineQuery(() => engine.call('reviewPatterns', filters, { status, limit }), [filters, status, limit]);
  const review = query.data;
  if (query.error || !review || !filters.month || review.month !== filters.month) {
    return <QueryState query={query} name="Denial patterns" current={(r) => r.month === filters.month} />;
  }
  const all = PATTERN_STATUSES.reduce((n, s) => n + review.counts[s].patterns, 0);
  return (
    <section className="panel patterns" aria-labelledby="patterns-title" data-testid="patterns">
      <div className="panel-title">
        <h2 id="patterns-title">Denial patterns, {formatMonth(review.month)}</h2>
        <span className="panel-actions">
          <button
            type="button"
            className="link"
            onClick={() => {
              setExportError('');
              engine.call('patternsCsv', filters).then(
                (csv) => downloadText(`denial-patterns-${review.month}.csv`, csv),
                (error: unknown) => setExportError(`The CSV could not be written: ${messageOf(error)}`),
              );
            }}
          >
            Export CSV
          </button>
          {exportError && <span className="error" role="alert">{exportError}</span>}
        </span>
      </div>
      <p className="hint">
        A pattern is one root cause: category, payer, rendering provider, billed CPT/HCPCS (not for claim-level causes such as
        eligibility) and what in the codes caused it (the code, diagnosis, modifiers billed, or the payer’s reason). Ranked by
        dollars at risk this month: denied dollars not recovered by a later payment. Click a pattern for its evidence and fix.
      </p>
      <div className="status-tabs" role="tablist" aria-label="Pattern status">
        <button type="button" role="tab" aria-selected={!status} onClick={() => setStatus(undefined)}>
          All <span className="count">{formatCount(all)}</span>
        </button>
        {PATTERN_STATUSES.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={status === s} title={STATUS_LABELS[s].help} onClick={() => setStatus(s)} data-testid={`status-tab-${s}`}>
            <span className={`status-chip status-${s}`}>{STATUS_LABELS[s].label}</span> <span className="count">{formatCount(review.counts[s].patterns)}</span>
            {deniedThisMonth(s) && <span className="tab-amount"> · {formatMoney(review.counts[s].at_risk)} at risk</span>}
          </button>
        ))}
      </div>
      <PatternTable review={review} filters={filters} open={open} setOpen={setOpen} onDrill={onDrill} />
      {review.rows.length < review.total && (
        <button type="button" onClick={() => setLimit((l) => l + PATTERN_PAGE)}>
          Show more ({formatCount(review.total - review.rows.length)} not shown)
        </button>
      )}
    </section>
  );
}

function PatternTable({ review, filters, open, setOpen, onDrill }: { review: PatternReview; filters: Filters; open: string | null; setOpen: (key: string | null) => void; onDrill: (p: PatternRow) => void }) {
  const { actions } = useActions();
  if (review.rows.length === 0) return <p className="empty-note">No denial patterns for this month and these filters.</p>;
  const span = `${formatMonth(review.axis[0])}–${formatMonth(review.axis.at(-1)!)}`;
  return (
    <table className="pattern-table">
      <thead>
        <tr>
          <th>Status</th>
          <th>Pattern</th>
          <th className="num">Denied lines</th>
          <th className="num">Denied ($)</th>
          <th className="num">At risk ($)</th>
          <th>Denied $ by month, {span}</th>
          <th>Suggested fix</th>
          <th><span className="sr-only">Denied lines</span></th>
        </tr>
      </thead>
      <tbody>
        {review.rows.map((p) => (
          <Fragment key={p.pattern_key}>
            <tr
              className={`pattern-row${open === p.pattern_key ? ' open' : ''}`}
              data-testid="pattern-row"
              data-status={p.status}
              data-pattern={p.pattern_key}
              onClick={() => setOpen(open === p.pattern_key ? null : p.pattern_key)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && open === p.pattern_key) setOpen(null);
              }}
            >
              <td><span className={`status-chip status-${p.status}`} title={STATUS_LABELS[p.status].help}>{STATUS_LABELS[p.status].label}</span></td>
              <td className="pattern-name">
                {/* the row is clickable; this button is its keyboard and screen-reader handle */}
                <button
                  type="button"
                  className="pattern-toggle"
                  aria-expanded={open === p.pattern_key}
                  data-testid="pattern-toggle"
                  onClick={(e) => {
                    e.stopPropagation();
                    setOpen(open === p.pattern_key ? null : p.pattern_key);
                  }}
                >
                  <span className="category-chip"><i style={{ background: CATEGORY_COLORS[p.category] }} />{CATEGORY_LABELS[p.category]}</span>
                  <span className="pattern-what">{patternTitle(p)}</span>
                  {actions.some((a) => a.pattern_key === p.pattern_key) && (
                    <span className="action-badge" data-testid="pattern-action-badge">
                      {formatCountOf(actions.filter((a) => a.pattern_key === p.pattern_key).length, 'action')}
                    </span>
                  )}
                </button>
              </td>
              <td className="num">{deniedThisMonth(p.status) ? formatCount(p.lines) : '—'}</td>
              <td className="num">{deniedThisMonth(p.status) ? formatMoney(p.denied_amount) : <span className="muted">last seen {formatMonth(p.last_seen)}</span>}</td>
              <td className="num">{deniedThisMonth(p.status) ? formatMoney(p.at_risk) : '—'}</td>
              <td>
                <Sparkline values={p.sparkline} label={`Denied dollars by month, ${span}: ${p.sparkline.map((v) => formatMoney(v)).join(', ')}`} />
                <span className="spark-peak">peak {formatMoneyShort(Math.max(...p.sparkline))}/month</span>
              </td>
              <td className="fix-cell">{p.fix}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  data-testid="pattern-lines"
                  aria-label={`Lines of the pattern ${CATEGORY_LABELS[p.category]}: ${patternTitle(p)}`}
                  onClick={(e) => { e.stopPropagation(); onDrill(p); }}
                >
                  Lines →
                </button>
              </td>
            </tr>
            {open === p.pattern_key && (
              <tr className="pattern-detail">
                <td colSpan={8}>
                  <PatternEvidence pattern={p} />
                  <PatternActions pattern={identityOf(p)} filters={filters} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}


const SOURCE_LABEL = { payer: 'Payer said', reference: 'Code data', history: 'Your history', rule: 'Billing rule' };

export function PatternEvidence({ pattern }: { pattern: PatternRow }) {
  return (
    <div className="pattern-evidence">
      <p>
        First seen {formatMonth(pattern.first_seen)}, last seen {formatMonth(pattern.last_seen)}; {formatMoney(pattern.denied_prior3)} denied in the three months before.
        {deniedThisMonth(pattern.status) && ` This month: ${formatCountOf(pattern.lines, 'line')} on ${formatCountOf(pattern.claims, 'claim')}.`}
      </p>
      <h3>Evidence (latest line)</h3>
      <ul className="evidence">
        {pattern.evidence.map((e, i) => (
          <li key={i}><span className="evidence-source">{SOURCE_LABEL[e.source]}</span> {e.text}</li>
        ))}
      </ul>
      <h3>Suggested fix</h3>
      <p className="fix">{pattern.fix}</p>
    </div>
  );
}
