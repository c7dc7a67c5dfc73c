import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { PayerCategoryRow } from '../../engine/analytics/review.sql.ts';
import { CATEGORY_LABELS, CATEGORY_PRECEDENCE, isCodingCategory, type Category } from '../../engine/classify/categories.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatCount, formatCountOf, formatMoney, formatMoneyShort } from '../format.ts';
import { ChartPanel, type TableColumn } from './ChartPanel.tsx';
import { formatRate, monthLabel } from './review-format.ts';
import { heatColor } from './palette.ts';
import { SideScroll } from '../components/SideScroll.tsx';

type Cell = PayerCategoryRow['cells'][number] & { payer: string };

const COLUMNS: TableColumn<Cell>[] = [
  { header: 'Payer', value: (c) => c.payer },
  { header: 'Category', value: (c) => CATEGORY_LABELS[c.category] },
  { header: 'Denied lines', value: (c) => c.lines, show: (c) => formatCount(c.lines), numeric: true },
  { header: 'Denied ($)', value: (c) => c.amount, show: (c) => formatMoney(c.amount), numeric: true },
];

interface Props {
  filters: Filters;
  /** the reviewed month is partial (partial-months.ts) */
  partial: boolean;
  onDrill: (drill: { payer: string; category?: string }) => void;
}

/** Where the month's denied dollars sit: payers down, categories across, darker = more dollars. */
export function PayerCategoryHeatmap({ filters, partial, onDrill }: Props) {
  const query = useEngineQuery(() => engine.call('payerCategories', filters), [filters]);
  const rows = query.data;
  if (query.error || !rows || !filters.month) return <QueryState query={query} name="Denied dollars by payer and category" />;
  const present = CATEGORY_PRECEDENCE.filter((c) => rows.some((r) => r.cells.some((x) => x.category === c)));
  const max = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.amount)));
  const cells: Cell[] = rows.flatMap((r) => r.cells.map((c) => ({ payer: r.payer, ...c })));
  const cellOf = (r: PayerCategoryRow, c: Category) => r.cells.find((x) => x.category === c);
  return (
    <ChartPanel
      id="payer-category"
      title={`Denied dollars by payer and category, ${monthLabel(filters.month, partial)}`}
      csvName={`denials-by-payer-and-category-${filters.month}.csv`}
      columns={COLUMNS}
      rows={cells}
      note={<>The payer’s total first; then each cell: denied dollars (and lines) of the month, darker is more. Coding categories first (underlined). <span className="click-hint">Click a cell to list its lines.</span></>}
    >
      <SideScroll label="Denied dollars by payer and category">
        <table className="heatmap" data-testid="heatmap">
          <thead>
            <tr>
              <th>Payer</th>
              <th className="num">Denied ($)</th>
              <th className="num">Rate ($)</th>
              {present.map((c) => (
                <th key={c} className={isCodingCategory(c) ? 'coding' : ''}>{CATEGORY_LABELS[c]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.payer}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onDrill({ payer: r.payer })}>{r.payer}</button>
                </th>
                <td className="num">{formatMoney(r.denied_amount)}</td>
                <td className="num">{formatRate(r.rate_dollars)}</td>
                {present.map((c) => {
                  const cell = cellOf(r, c);
                  if (!cell) return <td key={c} className="empty" />;
                  return (
                    <td key={c} style={heatColor(cell.amount / max)} title={`${r.payer} · ${CATEGORY_LABELS[c]}: ${formatCountOf(cell.lines, 'line')}, ${formatMoney(cell.amount)}`}>
                      <button type="button" onClick={() => onDrill({ payer: r.payer, category: c })} data-testid="heat-cell">
                        {formatMoneyShort(cell.amount)}
                        <small>{formatCountOf(cell.lines, 'line')}</small>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
    </ChartPanel>
  );
}
