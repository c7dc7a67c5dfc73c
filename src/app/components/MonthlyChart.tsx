import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { MonthRow } from '../../engine/engine.ts';
import { toCsv, type CsvColumn } from '../../engine/export/csv.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { CATEGORY_COLORS, CATEGORIES } from '../categories-style.ts';
import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { formatCount, formatMonth, formatMoney, formatMoneyShort } from '../format.ts';
import { downloadText } from '../download.ts';
import { ChartFrame } from './ChartFrame.tsx';

interface Props {
  version: number;
  onSelect: (month: string, category?: string) => void;
  /** month basis and filters (the month itself is ignored: every loaded month is drawn) */
  filters?: Filters;
  /** a month to emphasise (the others are drawn lighter) */
  highlight?: string;
  /** stack denied lines (default) or denied dollars */
  metric?: 'lines' | 'amount';
}

/** Stacked denials per month by category; a click on a segment filters the table to it. */
export function MonthlyChart({ version, onSelect, filters = {}, highlight, metric = 'lines' }: Props) {
  const [asTable, setAsTable] = useState(false);
  const months = useEngineQuery(() => engine.call('monthly', filters), [version, JSON.stringify(filters)]);
  if (!months) return null;
  const present = CATEGORIES.filter((c) => months.some((m) => m.by_category.some((b) => b.category === c)));
  const data = months.map((m) => ({
    month: m.month,
    label: formatMonth(m.month),
    ...Object.fromEntries(m.by_category.map((b) => [b.category, metric === 'lines' ? b.lines : b.amount])),
  }));
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
                <td>{formatMonth(m.month)}</td>
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
        <ChartFrame height={340}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis
              allowDecimals={false}
              width={metric === 'amount' ? 80 : 60}
              tickFormatter={(v: number) => (metric === 'lines' ? formatCount(v) : formatMoneyShort(v))}
              label={{ value: metric === 'lines' ? 'Denied lines' : 'Denied dollars ($)', angle: -90, position: 'insideLeft' }}
            />
            <Tooltip formatter={(value, name) => [formatValue(Number(value)), CATEGORY_LABELS[name as Category] ?? name]} />
            <Legend itemSorter={null} wrapperStyle={{ paddingTop: 12 }} formatter={(value) => <span className="legend-label">{CATEGORY_LABELS[value as Category] ?? value}</span>} />
            {present.map((c) => (
              <Bar
                key={c}
                dataKey={c}
                stackId="denials"
                fill={CATEGORY_COLORS[c]}
                cursor="pointer"
                isAnimationActive={false}
                onClick={(item) => onSelect((item.payload as { month: string }).month, c)}
                shape={(bar: { x?: number; y?: number; width?: number; height?: number; payload?: { month: string; label: string } }) => (
                  <rect
                    x={bar.x}
                    y={bar.y}
                    width={bar.width}
                    height={bar.height}
                    fill={CATEGORY_COLORS[c]}
                    fillOpacity={highlight && bar.payload?.month !== highlight ? 0.5 : 1}
                    data-month={bar.payload?.month}
                    data-category={c}
                    aria-label={`${bar.payload?.label}, ${CATEGORY_LABELS[c]}`}
                  />
                )}
              />
            ))}
          </BarChart>
        </ChartFrame>
      )}
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
