import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { ProviderMonthRow } from '../../engine/analytics/review.sql.ts';
import { monthsEnding } from '../../engine/analytics/months.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatCount, formatMoney, formatMoneyShort, formatMonth } from '../format.ts';
import { ChartPanel, type TableColumn } from './ChartPanel.tsx';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { EVERY_TICK } from '../components/axis-ticks.ts';
import { chartMark } from '../components/chart-keys.ts';
import { formatRate, monthLabel } from './review-format.ts';
import { CODING_COLOR, NOT_CODING_COLOR } from './palette.ts';
import { Sparkline } from './Sparkline.tsx';

interface ProviderRow extends ProviderMonthRow {
  /** denial rate (lines) in each of the 12 months ending with the reviewed one */
  trend: (number | null)[];
}

interface Props {
  filters: Filters;
  /** the reviewed month is partial (partial-months.ts) */
  partial: boolean;
  onDrill: (drill: { provider: string }) => void;
}

/** The reviewed month's denied dollars by rendering provider, coding apart, with each provider's 12-month rate. */
export function ProviderChart({ filters, partial, onDrill }: Props) {
  const query = useEngineQuery(() => engine.call('providerTrend', filters), [filters]);
  const rows = query.data;
  if (query.error || !rows || !filters.month) return <QueryState query={query} name="Denied dollars by rendering provider" />;
  const axis = monthsEnding(filters.month, 12);
  const rate = new Map(rows.map((r) => [`${r.month}|${r.provider}`, r.rate_lines]));
  const month = rows
    .filter((r) => r.month === filters.month)
    .sort((a, b) => b.denied_amount - a.denied_amount || a.provider.localeCompare(b.provider))
    .map((r): ProviderRow => ({
      ...r,
      trend: axis.map((m) => rate.get(`${m}|${r.provider}`) ?? null),
    }));
  const columns: TableColumn<ProviderRow>[] = [
    { header: 'Rendering provider', value: (r) => r.provider },
    { header: 'Lines', value: (r) => r.lines, show: (r) => formatCount(r.lines), numeric: true },
    { header: 'Denied lines', value: (r) => r.denied_lines, show: (r) => formatCount(r.denied_lines), numeric: true },
    { header: 'Denial rate, lines (%)', value: (r) => Math.round(10000 * r.rate_lines) / 100, show: (r) => formatRate(r.rate_lines), numeric: true },
    { header: 'Denied ($)', value: (r) => r.denied_amount, show: (r) => formatMoney(r.denied_amount), numeric: true },
    { header: 'Coding ($)', value: (r) => r.coding_denied_amount, show: (r) => formatMoney(r.coding_denied_amount), numeric: true },
    { header: 'Other ($)', value: (r) => r.other_denied_amount, show: (r) => formatMoney(r.other_denied_amount), numeric: true },
    {
      header: `Denial rate, lines, ${formatMonth(axis[0])}–${formatMonth(axis[11])} (%)`,
      value: (r) => r.trend.map((t) => (t === null ? '' : (100 * t).toFixed(1))).join(' '),
      show: (r) => <Sparkline values={r.trend.map((t) => 100 * (t ?? 0))} label={`${r.provider}: denial rate by month, last ${formatRate(r.rate_lines)}`} />,
    },
  ];
  return (
    <ChartPanel
      id="provider"
      title={`Denied dollars by rendering provider, ${monthLabel(filters.month, partial)}`}
      csvName={`denials-by-provider-${filters.month}.csv`}
      columns={columns}
      rows={month}
      note={<>Coding = the four coding categories; other = every other bucket. The numbers view has each provider’s denial rate over 12 months. <span className="click-hint">Click a bar to list its lines.</span></>}
    >
      <ChartFrame height={Math.max(160, 34 * month.length + 60)}>
        <BarChart data={month} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" interval={EVERY_TICK} tickFormatter={(v: number) => formatMoneyShort(v)} label={{ value: 'Denied dollars ($)', position: 'insideBottom', offset: -4 }} height={40} />
          <YAxis type="category" dataKey="provider" width={190} interval={EVERY_TICK} />
          <Tooltip formatter={(value, name) => [formatMoney(Number(value)), name]} />
          <Legend verticalAlign="top" formatter={(value) => <span className="legend-label">{value}</span>} />
          {(
            [
              ['coding_denied_amount', 'Coding denials ($)', CODING_COLOR],
              ['other_denied_amount', 'Other denials ($)', NOT_CODING_COLOR],
            ] as const
          ).map(([key, name, color]) => (
            <Bar
              key={key}
              dataKey={key}
              name={name}
              stackId="provider"
              fill={color}
              cursor="pointer"
              isAnimationActive={false}
              shape={(bar: { x?: number; y?: number; width?: number; height?: number; index?: number; payload?: ProviderRow }) =>
                bar.payload && (bar.width ?? 0) > 0 ? (
                  <rect
                    x={bar.x}
                    y={bar.y}
                    width={bar.width}
                    height={bar.height}
                    fill={color}
                    aria-label={`${bar.payload.provider}, ${name.replace(' ($)', '')}: ${formatMoney(bar.payload[key])}`}
                    {...chartMark(key === 'coding_denied_amount' && bar.index === 0, () => onDrill({ provider: bar.payload!.provider }))}
                  />
                ) : (
                  <g />
                )
              }
            />
          ))}
        </BarChart>
      </ChartFrame>
    </ChartPanel>
  );
}
