import { useMemo } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { KpiTiles } from '../components/KpiTiles.tsx';
import { MonthlyChart } from '../components/MonthlyChart.tsx';
import { DeniedLinesTable } from '../components/DeniedLinesTable.tsx';
import { FilterBar } from '../review/FilterBar.tsx';
import { describeFilters, useReviewFilters } from '../review/review-filters.ts';
import { formatMonth } from '../format.ts';
import { useDrill } from '../review/drill.ts';
import '../review/review.css';

const categoryLabel = (c: string) => CATEGORY_LABELS[c as Category] ?? c;

/**
 * All loaded months at a glance: KPIs, denials by month and category, and the denied lines
 * behind them, under the same payer, provider, category, code filters and month basis as
 * the Monthly review (the URL's); a bar clicked narrows the KPIs and lines to its month.
 */
export function DashboardPage() {
  const optionsQuery = useEngineQuery(() => engine.call('filterOptions'), []);
  // no months handed in: the Dashboard shows every loaded month, so it has no month under review
  const state = useReviewFilters(undefined);
  const { filters } = state;
  // the bar clicked, in the URL like the review's drill-downs (a filter change clears it)
  const [bar, setBar] = useDrill();
  // stable objects: the tiles and the table re-query when they change
  const barFilters = useMemo<Filters>(() => (bar ? { ...filters, ...bar.filters } : filters), [filters, bar]);
  const options = optionsQuery.data;
  if (optionsQuery.error || !options) return <QueryState query={optionsQuery} name="Payers and providers" />;
  const basis = filters.basis === 'remit' ? 'remittance date' : 'date of service';
  return (
    <>
      <FilterBar state={state} payers={options.payers} providers={options.providers} withMonth={false} />
      <p className="hint" data-testid="dashboard-scope">
        Every loaded month by {basis}; {describeFilters(filters, { category: categoryLabel })}.
      </p>
      <KpiTiles filters={barFilters} />
      <section className="panel">
        <h2>Denied lines by month and category</h2>
        <p className="hint">Month of the {basis}. Click a bar to list its lines below.</p>
        <MonthlyChart
          filters={filters}
          onSelect={(month, category) =>
            setBar({ label: `${formatMonth(month)}${category ? ` · ${categoryLabel(category)}` : ''}`, filters: { month, categories: category ? [category] : filters.categories } })
          }
        />
      </section>
      <section className="panel">
        <div className="panel-title">
          <h2>Denied lines</h2>
          {bar && (
            <span className="active-filter" data-testid="active-filter">
              {bar.label}
              <button type="button" onClick={() => setBar(null)} aria-label="Clear the bar's month and category">✕ clear</button>
            </span>
          )}
        </div>
        <DeniedLinesTable filters={barFilters} />
      </section>
    </>
  );
}
