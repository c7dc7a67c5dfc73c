import { useMemo, useRef, useState } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { PatternRow } from '../../engine/analytics/patterns.ts';
import { deniedThisMonth } from '../../engine/analytics/pattern-status.ts';
import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatMonth } from '../format.ts';
import { MonthlyChart } from '../components/MonthlyChart.tsx';
import { DeniedLinesTable } from '../components/DeniedLinesTable.tsx';
import { FilterBar } from '../review/FilterBar.tsx';
import { ReviewKpis } from '../review/ReviewKpis.tsx';
import { PatternList } from '../review/PatternList.tsx';
import { patternTitle } from '../review/pattern-labels.ts';
import { ActionsPanel } from '../actions/ActionsPanel.tsx';
import { ReferenceGaps } from '../components/ReferenceGaps.tsx';
import { PayerRateChart } from '../review/PayerRateChart.tsx';
import { PayerCategoryHeatmap } from '../review/PayerCategoryHeatmap.tsx';
import { ProviderChart } from '../review/ProviderChart.tsx';
import { PrintHeader, PrintPatternsAndDefinitions } from '../review/PrintReport.tsx';
import { describeFilters, useReviewFilters } from '../review/review-filters.ts';
import { useDrill, type Drill } from '../review/drill.ts';
import '../review/review.css';

const categoryLabel = (c: string) => CATEGORY_LABELS[c as Category] ?? c;

/**
 * The billing manager's monthly review: how bad was the month (KPIs), what is new
 * and what keeps coming back (patterns), who and what is behind it (payers,
 * categories, providers), down to the lines and claims — printable for the staff meeting.
 */
export function ReviewPage() {
  const optionsQuery = useEngineQuery(() => engine.call('filterOptions'), []);
  const monthsQuery = useEngineQuery(() => engine.call('reviewMonths'), []);
  const options = optionsQuery.data;
  const state = useReviewFilters(monthsQuery.data);
  const { filters } = state;
  const [drill, setDrill] = useDrill();
  const [metric, setMetric] = useState<'lines' | 'amount'>('amount');
  const lines = useRef<HTMLElement>(null);
  // a stable object: the lines table re-queries (and scrolls to the top) when it changes
  const lineFilters = useMemo<Filters>(() => ({ ...filters, ...drill?.filters }), [filters, drill]);

  if (optionsQuery.error || !options) return <QueryState query={optionsQuery} name="Payers and providers" />;
  if (monthsQuery.error || !filters.month) {
    return <QueryState query={monthsQuery} name="Months to review">{() => <p className="hint">No month with data to review.</p>}</QueryState>;
  }
  const month = filters.month;
  const show = (next: Drill) => {
    setDrill(next);
    requestAnimationFrame(() => lines.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const onPattern = (p: PatternRow) =>
    show({
      label: `${deniedThisMonth(p.status) ? formatMonth(month) : 'all months'} · pattern: ${categoryLabel(p.category)} — ${patternTitle(p)}`,
      filters: { pattern: p.pattern_key, month: deniedThisMonth(p.status) ? month : undefined },
    });
  const description = describeFilters(filters, { category: categoryLabel });

  return (
    <div className="review-page">
      <PrintHeader filters={filters} description={description} />
      <FilterBar state={state} payers={options.payers} providers={options.providers} onPrint={() => print()} />
      <p className="print-hide hint">Showing {description}.</p>
      <ReferenceGaps />
      <ReviewKpis filters={filters} reviewed={state.reviewed} />
      <PatternList filters={filters} onDrill={onPattern} />
      <ActionsPanel filters={filters} />
      <section className="panel chart-panel" aria-labelledby="by-category-title" data-testid="chart-by-category">
        <div className="panel-title">
          <h2 id="by-category-title">Denials by category, month by month</h2>
          <span className="panel-actions rate-switch">
            Stack{' '}
            <button type="button" className="link" aria-pressed={metric === 'amount'} onClick={() => setMetric('amount')}>denied dollars</button>{' / '}
            <button type="button" className="link" aria-pressed={metric === 'lines'} onClick={() => setMetric('lines')}>denied lines</button>
          </span>
        </div>
        <p className="hint">
          Every loaded month by {filters.basis === 'remit' ? 'remittance date' : 'date of service'}; {formatMonth(month)} in full colour.
          Each category has its own colour, listed bottom to top under the chart.{state.partial.size > 0 && ' * partial month: outlined, its figures still growing.'} <span className="click-hint">Click a segment to list its lines.</span>
        </p>
        <MonthlyChart
          filters={filters}
          highlight={month}
          partial={state.partial}
          metric={metric}
          onSelect={(m, category) =>
            show({ label: `${formatMonth(m)}${category ? ` · ${categoryLabel(category)}` : ''}`, filters: { month: m, categories: category ? [category] : filters.categories } })
          }
        />
      </section>
      <PayerRateChart filters={filters} partial={state.partial} onDrill={(d) => show({ label: `${formatMonth(d.month)} · ${d.payer}`, filters: { month: d.month, payers: [d.payer] } })} />
      <PayerCategoryHeatmap
        filters={filters}
        partial={state.partial.has(month)}
        onDrill={(d) =>
          show({
            label: `${formatMonth(month)} · ${d.payer}${d.category ? ` · ${categoryLabel(d.category)}` : ''}`,
            filters: { payers: [d.payer], ...(d.category ? { categories: [d.category] } : {}) },
          })
        }
      />
      <ProviderChart filters={filters} partial={state.partial.has(month)} onDrill={(d) => show({ label: `${formatMonth(month)} · ${d.provider}`, filters: { providers: [d.provider] } })} />
      <section className="panel lines-panel" ref={lines} aria-labelledby="lines-title">
        <div className="panel-title">
          <h2 id="lines-title">Denied lines</h2>
          <span className="active-filter" data-testid="drill">
            {drill ? drill.label : formatMonth(month)}
            {drill && <button type="button" onClick={() => setDrill(null)} aria-label="clear the drill-down: back to all denied lines of the month">✕ clear</button>}
          </span>
        </div>
        <p className="hint">Click a line for its evidence and fix, and from there the whole claim.</p>
        <DeniedLinesTable filters={lineFilters} />
      </section>
      <PrintPatternsAndDefinitions filters={filters} />
    </div>
  );
}
