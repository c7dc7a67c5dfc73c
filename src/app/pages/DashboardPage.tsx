import { useState } from 'react';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { KpiTiles } from '../components/KpiTiles.tsx';
import { MonthlyChart } from '../components/MonthlyChart.tsx';
import { DeniedLinesTable } from '../components/DeniedLinesTable.tsx';
import { formatMonth } from '../format.ts';

/** All loaded months at a glance: KPIs, denials by month and category, and the denied lines behind them. */
export function DashboardPage() {
  const [filters, setFilters] = useState<Filters>({});
  return (
    <>
      <KpiTiles filters={filters} />
      <section className="panel">
        <h2>Denied lines by month and category</h2>
        <p className="hint">Month of the date of service. Click a bar to list its lines below.</p>
        <MonthlyChart
          onSelect={(month, category) => setFilters((f) => ({ ...f, month, categories: category ? [category] : undefined }))}
        />
      </section>
      <section className="panel">
        <div className="panel-title">
          <h2>Denied lines</h2>
          {(filters.month || filters.categories) && (
            <span className="active-filter" data-testid="active-filter">
              {filters.month && formatMonth(filters.month)}
              {filters.categories && ` · ${CATEGORY_LABELS[filters.categories[0] as Category]}`}
              <button type="button" onClick={() => setFilters({})} aria-label="Clear filter">✕ clear</button>
            </span>
          )}
        </div>
        <DeniedLinesTable filters={filters} />
      </section>
    </>
  );
}
