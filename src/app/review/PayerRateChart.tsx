import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { PayerMonthRow } from '../../engine/analytics/review.sql.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatCount, formatMoney } from '../format.ts';
import { ChartPanel, type TableColumn } from './ChartPanel.tsx';
import { ChartFrame } from '../components/ChartFrame.tsx';
import { EVERY_TICK, monthTickInterval } from '../components/axis-ticks.ts';
import { chartMark } from '../components/chart-keys.ts';
import { formatRate, monthLabel, monthTick } from './review-format.ts';
import { OTHER_COLOR, SERIES_COLORS, SERIES_DASHES } from './palette.ts';

const OTHER = '(other payers)';

const columns = (partial: ReadonlySet<string>): TableColumn<PayerMonthRow>[] => [
  { header: 'Month', value: (r) => r.month, show: (r) => monthLabel(r.month, partial.has(r.month)) },
  { header: 'Partial month', value: (r) => (partial.has(r.month) ? 'yes' : 'no') },
  { header: 'Payer', value: (r) => r.payer },
  { header: 'Lines', value: (r) => r.lines, show: (r) => formatCount(r.lines), numeric: true },
  { header: 'Denied lines', value: (r) => r.denied_lines, show: (r) => formatCount(r.denied_lines), numeric: true },
  { header: 'Denial rate, lines (%)', value: (r) => round(100 * r.rate_lines), show: (r) => formatRate(r.rate_lines), numeric: true },
  { header: 'Billed ($)', value: (r) => r.billed, show: (r) => formatMoney(r.billed), numeric: true },
  { header: 'Denied ($)', value: (r) => r.denied_amount, show: (r) => formatMoney(r.denied_amount), numeric: true },
  { header: 'Denial rate, dollars (%)', value: (r) => (r.rate_dollars === null ? null : round(100 * r.rate_dollars)), show: (r) => formatRate(r.rate_dollars), numeric: true },
];
const round = (n: number) => Math.round(n * 100) / 100;

interface Datum {
  month: string;
  label: string;
  rates: Record<string, number>;
}

interface Props {
  filters: Filters;
  /** months the engine marks partial (partial-months.ts): an asterisk on the axis, hollow points */
  partial: ReadonlySet<string>;
  onDrill: (drill: { month: string; payer: string }) => void;
}

/** Initial denial rate per payer over the loaded months, against the 5 % and 10 % lines. */
export function PayerRateChart({ filters, partial, onDrill }: Props) {
  const [metric, setMetric] = useState<'lines' | 'dollars'>('lines');
  const query = useEngineQuery(() => engine.call('payerTrend', filters), [filters]);
  const rows = query.data;
  if (query.error || !rows) return <QueryState query={query} name="Initial denial rate by payer" />;
  const payers = [...new Map(rows.map((r) => [r.payer, r.payer_rank])).entries()].sort((a, b) => a[1] - b[1]).map(([p]) => p);
  const months = [...new Set(rows.map((r) => r.month))];
  // payer names go into a map, not into keys Recharts would read as paths ("Acme Inc." …)
  const data: Datum[] = months.map((month) => ({
    month,
    label: monthTick(month, partial),
    rates: Object.fromEntries(
      rows.filter((r) => r.month === month).map((r) => [r.payer, 100 * ((metric === 'lines' ? r.rate_lines : r.rate_dollars) ?? 0)]),
    ),
  }));
  return (
    <ChartPanel
      id="payer-rate"
      title="Initial denial rate by payer"
      csvName="denial-rate-by-payer.csv"
      columns={columns(partial)}
      rows={rows}
      note={
        <>
          {metric === 'lines' ? 'Denied lines ÷ lines' : 'Denied dollars ÷ billed dollars'} per month, first adjudications.{' '}
          <span className="rate-switch">
            Rate by{' '}
            <button type="button" className="link" aria-pressed={metric === 'lines'} onClick={() => setMetric('lines')}>count</button>{' / '}
            <button type="button" className="link" aria-pressed={metric === 'dollars'} onClick={() => setMetric('dollars')}>dollars</button>.
          </span>{' '}
          Dashed lines: 5 % (a target often quoted for practices) and 10 % (often called the danger zone) — rules of thumb
          common in revenue-cycle practice, not a payer or regulatory standard.{' '}
          {months.some((m) => partial.has(m)) && <>* Partial month (hollow points): its rate may still move as remittances arrive. </>}
          <span className="click-hint">Click a point to list its denied lines.</span>
        </>
      }
    >
      <ChartFrame height={320}>
        <LineChart data={data} margin={{ top: 8, right: 130, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={monthTickInterval(data.length)} />
          <YAxis interval={EVERY_TICK} tickFormatter={(v: number) => `${v} %`} label={{ value: 'Denial rate (%)', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(value, name) => [`${Number(value).toFixed(1)} %`, name]} />
          <Legend wrapperStyle={{ paddingTop: 8 }} formatter={(value) => <span className="legend-label">{value}</span>} />
          <ReferenceLine y={5} stroke="#355c2e" strokeDasharray="4 4" label={{ value: '5 % target', position: 'right', fill: '#355c2e', fontSize: 12 }} />
          <ReferenceLine y={10} stroke="#a1260d" strokeDasharray="4 4" label={{ value: '10 % danger zone', position: 'right', fill: '#a1260d', fontSize: 12 }} />
          {payers.map((payer, i) => {
            const color = payer === OTHER ? OTHER_COLOR : SERIES_COLORS[i % SERIES_COLORS.length];
            return (
              <Line
                key={payer}
                dataKey={(d: Datum) => d.rates[payer]}
                name={payer}
                stroke={color}
                strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]}
                strokeWidth={2}
                legendType="plainline"
                isAnimationActive={false}
                dot={(props: { cx?: number; cy?: number; index?: number; payload?: Datum }) => {
                  const point = props.payload;
                  const drillable = payer !== OTHER && point && point.rates[payer] !== undefined;
                  const hollow = point !== undefined && partial.has(point.month);
                  return (
                    <circle
                      key={`${payer}-${props.index}`}
                      cx={props.cx}
                      cy={props.cy}
                      r={4}
                      fill={hollow ? '#fff' : color}
                      stroke={hollow ? color : '#fff'}
                      strokeWidth={2}
                      cursor={drillable ? 'pointer' : undefined}
                      {...(drillable
                        ? {
                            'aria-label': `${payer}, ${point.label}: ${point.rates[payer].toFixed(1)} %${hollow ? ' (partial month)' : ''}`,
                            ...chartMark(i === 0 && props.index === 0, () => onDrill({ month: point.month, payer })),
                          }
                        : {})}
                    />
                  );
                }}
              />
            );
          })}
        </LineChart>
      </ChartFrame>
    </ChartPanel>
  );
}
