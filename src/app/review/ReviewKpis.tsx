import type { Filters } from '../../engine/analytics/filters.sql.ts';
import type { Kpi, KpiId, ReviewKpis as Kpis } from '../../engine/analytics/review-kpis.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from '../components/QueryState.tsx';
import { formatCount, formatMoneyShort, formatMonth } from '../format.ts';
import type { ReviewMonth } from '../../engine/analytics/partial-months.ts';
import { formatPoints, formatRate, formatRelative, formatSignedCount, formatSignedMoney, monthLabel } from './review-format.ts';
import { KPI_DEFINITIONS } from './kpi-definitions.ts';
import { KpiDefinition } from './KpiDefinition.tsx';

const TILES: KpiId[] = ['lines', 'claims', 'denial_rate_lines', 'denial_rate_claims', 'denial_rate_dollars', 'denied_amount', 'coding_share_dollars', 'recovered_amount', 'post_payment_denied_amount'];
/** Which direction is good news (for the arrow's colour; the sign is always written out). */
const GOOD_WHEN: Partial<Record<KpiId, 'up' | 'down'>> = {
  denial_rate_lines: 'down',
  denial_rate_claims: 'down',
  denial_rate_dollars: 'down',
  denied_amount: 'down',
  recovered_amount: 'up',
  post_payment_denied_amount: 'down',
};

function value(kpi: Kpi): string {
  if (kpi.unit === 'rate') return formatRate(kpi.value);
  if (kpi.unit === 'dollars') return formatMoneyShort(kpi.value);
  return formatCount(kpi.value);
}

function change(kpi: Kpi, which: 'previous' | 'average'): string {
  const delta = which === 'previous' ? kpi.change_previous : kpi.change_average;
  if (delta === null) return '—';
  if (kpi.unit === 'rate') return formatPoints(delta);
  const relative = formatRelative(which === 'previous' ? kpi.relative_previous : kpi.relative_average);
  return `${kpi.unit === 'dollars' ? formatSignedMoney(delta) : formatSignedCount(delta)}${relative ? ` (${relative})` : ''}`;
}

/** A partial month's changes are never coloured: fewer denials may only mean fewer remittances so far. */
function tone(id: KpiId, delta: number | null, partial: boolean): string {
  const good = GOOD_WHEN[id];
  if (partial || !good || delta === null || Math.abs(delta) < 1e-9) return 'neutral';
  return (delta < 0) === (good === 'down') ? 'better' : 'worse';
}

/**
 * The month's KPIs with their change vs the month before and vs the average of the three before;
 * `reviewed` says whether the engine marks the month partial, and why.
 */
export function ReviewKpis({ filters, reviewed }: { filters: Filters; reviewed: ReviewMonth | undefined }) {
  const query = useEngineQuery(() => engine.call('reviewKpis', filters), [filters]);
  const k = query.data;
  if (query.error || !k || k.month !== filters.month) return <QueryState query={query} name="Key figures of the month" current={(d) => d.month === filters.month} />;
  const previous = k.previous ? formatMonth(k.previous.month) : null;
  const average = averageLabel(k);
  const partial = reviewed?.month === k.month && reviewed.partial !== null;
  /** what a KPI the loaded files cannot measure says in place of its note */
  const unmeasured = (id: KpiId) => (k.unmeasurable.includes(id) ? `Cannot be measured from the loaded files: ${KPI_DEFINITIONS[id].needs}` : null);
  return (
    <section className={`review-kpis-block${partial ? ' partial' : ''}`} aria-label="Key figures of the month">
      <h2>Key figures, {monthLabel(k.month, partial)}</h2>
      {partial && (
        <p className="partial-note" data-testid="kpi-partial">
          Partial month — {reviewed.reason}. Its figures will change as remittances arrive; changes are not coloured as good or bad news.
        </p>
      )}
      <div className="kpis review-kpis">
        {TILES.map((id) => {
          const kpi = k.kpis[id];
          const def = KPI_DEFINITIONS[id];
          return (
            <div key={id} className="kpi" title={def.definition} data-testid={`review-kpi-${id}`}>
              <div className="kpi-label">
                {def.label} <KpiDefinition id={id} />
              </div>
              <div className="kpi-value" data-testid="kpi-value">{value(kpi)}</div>
              {!unmeasured(id) && (
                <>
                  <div className={`kpi-change ${tone(id, kpi.change_previous, partial)}`} data-testid="kpi-vs-previous">
                    {previous ? `${change(kpi, 'previous')} vs ${previous}` : 'no month before loaded'}
                  </div>
                  <div className={`kpi-change ${tone(id, kpi.change_average, partial)}`} data-testid="kpi-vs-average">
                    {average ? `${change(kpi, 'average')} vs ${average}` : 'no earlier months loaded'}
                  </div>
                </>
              )}
              {id === 'denial_rate_claims' && k.hfma_claim_rate !== null && (
                <div className="kpi-note" title="Denied claims this month ÷ average claims of the three months before (HFMA Claim Integrity Task Force denominator)">
                  HFMA form: {formatRate(k.hfma_claim_rate)}
                </div>
              )}
              {id === 'coding_share_dollars' && (
                <div className="kpi-note">
                  {formatMoneyShort(k.current.coding_denied_amount)} coding · {formatMoneyShort(k.current.denied_amount - k.current.coding_denied_amount)} other
                </div>
              )}
              {id === 'denial_rate_lines' && (
                <div className="kpi-note">{formatCount(k.current.denied_lines)} of {formatCount(k.current.lines)} lines</div>
              )}
              {id === 'recovered_amount' && (
                <div className="kpi-note" data-testid="kpi-recovered-note">
                  {unmeasured(id) ?? `${formatCount(k.current.recovered_lines)} initially denied lines paid later`}
                </div>
              )}
              {id === 'denied_amount' && k.current.unexplained_amount > 0 && (
                <div className="kpi-note" data-testid="kpi-unexplained" title="Denied dollars whose reason code is not in the CARC table, or that came with no reason code: map the codes on the Reference page">
                  {formatMoneyShort(k.current.unexplained_amount)} unexplained (unmapped or no reason code)
                </div>
              )}
              {id === 'post_payment_denied_amount' && (
                <div className="kpi-note" data-testid="kpi-post-payment-note">
                  {unmeasured(id) ?? `${formatCount(k.current.post_payment_denied_lines)} paid lines recouped (reversal month)`}
                </div>
              )}
              {id === 'denial_rate_dollars' && (
                <div className="kpi-note">{formatMoneyShort(k.current.denied_amount)} of {formatMoneyShort(k.current.billed)} billed</div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function averageLabel(k: Kpis): string | null {
  const n = k.average_months.length;
  if (n === 0) return null;
  const span = n === 1 ? formatMonth(k.average_months[0]) : `${formatMonth(k.average_months[0])}–${formatMonth(k.average_months[n - 1])}`;
  return n === 3 ? `3-month avg (${span})` : `${n}-month avg (${span}; fewer loaded)`;
}
