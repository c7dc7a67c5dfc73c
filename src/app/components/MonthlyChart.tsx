import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { CATEGORY_COLORS, CATEGORIES } from '../categories-style.ts';
import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { formatCount, formatMonth, formatMoney } from '../format.ts';

interface Props {
  version: number;
  onSelect: (month: string, category?: string) => void;
}

/** Stacked denied lines per month by category; a click on a segment filters the table to it. */
export function MonthlyChart({ version, onSelect }: Props) {
  const [asTable, setAsTable] = useState(false);
  const months = useEngineQuery(() => engine.call('monthly', {}), [version]);
  if (!months) return null;
  const present = CATEGORIES.filter((c) => months.some((m) => m.by_category.some((b) => b.category === c)));
  const data = months.map((m) => ({
    month: m.month,
    label: formatMonth(m.month),
    ...Object.fromEntries(m.by_category.map((b) => [b.category, b.lines])),
  }));
  return (
    <div className="chart" data-testid="monthly-chart">
      <div className="chart-tools">
        <button type="button" className="link" onClick={() => setAsTable((t) => !t)}>
          {asTable ? 'Show chart' : 'Show the numbers as a table'}
        </button>
      </div>
      {asTable ? (
        <table className="numbers">
          <thead>
            <tr>
              <th>Month</th><th>Lines</th><th>Denied lines</th><th>Denied $</th>
              {present.map((c) => <th key={c}>{CATEGORY_LABELS[c]}</th>)}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <td>{formatMonth(m.month)}</td>
                <td className="num">{formatCount(m.lines)}</td>
                <td className="num">{formatCount(m.denied_lines)}</td>
                <td className="num">{formatMoney(m.denied_amount)}</td>
                {present.map((c) => <td key={c} className="num">{formatCount(m.by_category.find((b) => b.category === c)?.lines ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ResponsiveContainer width="100%" height={340}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} label={{ value: 'Denied lines', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(value, name) => [formatCount(Number(value)), CATEGORY_LABELS[name as Category] ?? name]} />
            <Legend itemSorter={null} formatter={(value) => <span className="legend-label">{CATEGORY_LABELS[value as Category] ?? value}</span>} />
            {present.map((c) => (
              <Bar
                key={c}
                dataKey={c}
                stackId="denials"
                fill={CATEGORY_COLORS[c]}
                cursor="pointer"
                onClick={(item) => onSelect((item.payload as { month: string }).month, c)}
                shape={(bar: { x?: number; y?: number; width?: number; height?: number; payload?: { month: string; label: string } }) => (
                  <rect
                    x={bar.x}
                    y={bar.y}
                    width={bar.width}
                    height={bar.height}
                    fill={CATEGORY_COLORS[c]}
                    data-month={bar.payload?.month}
                    data-category={c}
                    aria-label={`${bar.payload?.label}, ${CATEGORY_LABELS[c]}`}
                  />
                )}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
