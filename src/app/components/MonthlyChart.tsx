import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { MonthRow } from '../../engine/analytics/dashboard.sql.ts';
import { toCsv, type CsvColumn } from '../../engine/export/csv.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from './QueryState.tsx';
import { CATEGORY_COLORS, CATEGORIES, DIMMED_CATEGORY_COLORS } from '../categories-style.ts';
import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { formatCount, formatMonth, formatMoney, formatMoneyShort } from '../format.ts';
import { downloadText } from '../download.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { EVERY_TICK, monthTickInterval } from './axis-ticks.ts';
import { chartMark } from './chart-keys.ts';

interface Props {
  onSelect: (month: string, category?: string) => void;
  /** month basis and filters (the month itself is ignored: every loaded month is drawn) */
  filters?: Filters;
  /** a month to emphasise (the others are drawn lighter) */
  highlight?: string;
  /** stack denied lines (default) or denied dollars */
  metric?: 'lines' | 'amount';
  /** months still partial (partial-months.ts): an asterisk on the axis, outlined and lighter bars */
  partial?: ReadonlySet<string>;
}

/** One month's bar: its categories bottom to top, in precedence order. */
interface MonthBar {
  month: string;
  label: string;
  partial: boolean;
  total: number;
  segments: { category: Category; value: number }[];
}

/** What Recharts hands a bar's shape: the whole bar's box and its data row. */
interface BarGeometry {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: MonthBar;
}

/**
 * Stacked denials per month by category; a click on a segment filters the table to it.
 * The stack is one Recharts bar (the month's total) cut into its categories: a Bar
 * per category made Recharts re-render every series on each store update, the
 * longest task of the first draw (figures: README, Performance).
 */
export function MonthlyChart({ filters = NO_FILTERS, ...props }: Props) {
  const query = useEngineQuery(() => engine.call('monthly', filters), [filters]);
  return (
    <QueryState query={query} name="Denials by month and category" inline>
      {(months) => <MonthlyBars months={months} {...props} />}
    </QueryState>
  );
}

/** One object for "no filters", so the query's inputs do not change at every render. */
const NO_FILTERS: Filters = {};

function MonthlyBars({ months, onSelect, highlight, metric = 'lines', partial }: Omit<Props, 'filters'> & { months: MonthRow[] }) {
  const [asTable, setAsTable] = useState(false);
  const present = CATEGORIES.filter((c) => months.some((m) => m.by_category.some((b) => b.category === c)));
  const data = months.map((m): MonthBar => {
    const segments = present
      .map((category) => {
        const cell = m.by_category.find((b) => b.category === category);
        return { category, value: (metric === 'lines' ? cell?.lines : cell?.amount) ?? 0 };
      })
      .filter((segment) => segment.value > 0);
    const isPartial = partial?.has(m.month) ?? false;
    return { month: m.month, label: `${formatMonth(m.month)}${isPartial ? '*' : ''}`, partial: isPartial, total: segments.reduce((sum, segment) => sum + segment.value, 0), segments };
  });
  const formatValue = metric === 'lines' ? formatCount : formatMoney;
  return (
    <div className="chart" data-testid="monthly-chart">
      <div className="chart-tools">
        <button type="button" className="link" onClick={() => setAsTable((t) => !t)}>
          {asTable ? 'Show chart' : 'Show the numbers as a table'}
        </button>
        {asTable && (
          <button type="button" className="link" onClick={() => downloadText('denials-by-month-and-category.csv', toCsv(csvColumns(present), months))}>
            Export CSV
          </button>
        )}
      </div>
      {asTable ? (
        <table className="numbers">
          <thead>
            <tr>
              <th>Month</th><th>Lines</th><th>Denied lines</th><th>Denied $</th>
              {present.map((c) => <th key={c}>{CATEGORY_LABELS[c]}{metric === 'amount' ? ' ($)' : ''}</th>)}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} className={m.month === highlight ? 'highlight' : ''}>
                <td>{formatMonth(m.month)}{partial?.has(m.month) ? ' (partial)' : ''}</td>
                <td className="num">{formatCount(m.lines)}</td>
                <td className="num">{formatCount(m.denied_lines)}</td>
                <td className="num">{formatMoney(m.denied_amount)}</td>
                {present.map((c) => {
                  const cell = m.by_category.find((b) => b.category === c);
                  return <td key={c} className="num">{formatValue(metric === 'lines' ? cell?.lines ?? 0 : cell?.amount ?? 0)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <ChartFrame height={340}>
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval={monthTickInterval(data.length)} />
              <YAxis
                interval={EVERY_TICK}
                allowDecimals={false}
                width={metric === 'amount' ? 80 : 60}
                tickFormatter={(v: number) => (metric === 'lines' ? formatCount(v) : formatMoneyShort(v))}
                label={{ value: metric === 'lines' ? 'Denied lines' : 'Denied dollars ($)', angle: -90, position: 'insideLeft' }}
              />
              <Tooltip
                content={({ active, payload }) =>
                  active && payload?.[0] ? <MonthTooltip bar={payload[0].payload as MonthBar} formatValue={formatValue} /> : null
                }
              />
              <Bar
                dataKey="total"
                isAnimationActive={false}
                shape={(bar: BarGeometry) => <StackedSegments {...bar} highlight={highlight} first={bar.payload?.month === (highlight ?? data[0]?.month)} formatValue={formatValue} onSelect={onSelect} />}
              />
            </BarChart>
          </ChartFrame>
          <ul className="chart-legend" aria-label="Categories, bottom to top">
            {present.map((c) => (
              <li key={c}>
                <span className="swatch" style={{ background: CATEGORY_COLORS[c] }} />
                {CATEGORY_LABELS[c]}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The bar's box cut into its categories, bottom up; each piece a click target. Months other
 * than the one under review, and partial months, take a lighter tint that keeps 3:1 against
 * the panel; the month under review is outlined in solid black, a partial month dashed.
 */
function StackedSegments({ x = 0, y = 0, width = 0, height = 0, payload, highlight, first, formatValue, onSelect }: BarGeometry & Pick<Props, 'highlight' | 'onSelect'> & { first: boolean; formatValue: (n: number) => string }) {
  if (!payload || payload.total <= 0) return null;
  const highlighted = highlight !== undefined && payload.month === highlight;
  const dimmed = highlight !== undefined && !highlighted;
  let bottom = y + height;
  return (
    <g data-partial={payload.partial || undefined}>
      {payload.segments.map(({ category, value }, i) => {
        const h = (height * value) / payload.total;
        bottom -= h;
        return (
          <rect
            key={category}
            x={x}
            y={bottom}
            width={width}
            height={h}
            fill={dimmed || payload.partial ? DIMMED_CATEGORY_COLORS[category] : CATEGORY_COLORS[category]}
            stroke="#fff"
            strokeWidth={1}
            cursor="pointer"
            data-month={payload.month}
            data-category={category}
            aria-label={`${payload.label}, ${CATEGORY_LABELS[category]}: ${formatValue(value)}`}
            {...chartMark(first && i === 0, () => onSelect(payload.month, category))}
          />
        );
      })}
      {(payload.partial || highlighted) && (
        <rect x={x} y={y} width={width} height={height} fill="none" stroke="#1f2a30" strokeWidth={highlighted ? 2 : 1.5} strokeDasharray={payload.partial ? '4 3' : undefined} pointerEvents="none" />
      )}
    </g>
  );
}

/** The hovered month, its categories top to bottom as they are stacked. */
function MonthTooltip({ bar, formatValue }: { bar: MonthBar; formatValue: (n: number) => string }) {
  return (
    <div className="chart-tooltip">
      <strong>{formatMonth(bar.month)}{bar.partial ? ' (partial)' : ''}</strong>
      <table>
        <tbody>
          {[...bar.segments].reverse().map(({ category, value }) => (
            <tr key={category}>
              <td><span className="swatch" style={{ background: CATEGORY_COLORS[category] }} />{CATEGORY_LABELS[category]}</td>
              <td className="num">{formatValue(value)}</td>
            </tr>
          ))}
          <tr className="total"><td>Total</td><td className="num">{formatValue(bar.total)}</td></tr>
        </tbody>
      </table>
    </div>
  );
}

function csvColumns(present: Category[]): CsvColumn<MonthRow>[] {
  return [
    { header: 'Month', value: (m) => m.month },
    { header: 'Lines', value: (m) => m.lines },
    { header: 'Denied lines', value: (m) => m.denied_lines },
    { header: 'Billed ($)', value: (m) => m.billed },
    { header: 'Denied ($)', value: (m) => m.denied_amount },
    ...present.flatMap((c): CsvColumn<MonthRow>[] => [
      { header: `${CATEGORY_LABELS[c]} (lines)`, value: (m) => m.by_category.find((b) => b.category === c)?.lines ?? 0 },
      { header: `${CATEGORY_LABELS[c]} ($)`, value: (m) => m.by_category.find((b) => b.category === c)?.amount ?? 0 },
    ]),
  ];
}
