import type { Filters } from '../../engine/analytics/filters.sql.ts';
import { engine } from '../engine-instance.ts';
import { useEngineQuery } from '../use-engine-query.ts';
import { QueryState } from './QueryState.tsx';
import type { Kpis } from '../../engine/analytics/dashboard.sql.ts';
import { formatCount, formatCountOf, formatMoney, formatPercent } from '../format.ts';

/** Headline numbers for the current filters. Definitions in each tile's tooltip. */
export function KpiTiles({ filters }: { filters: Filters }) {
  const query = useEngineQuery(() => engine.call('kpis', filters), [filters]);
  return <QueryState query={query} name="Key figures">{(k) => <Tiles k={k} />}</QueryState>;
}

function Tiles({ k }: { k: Kpis }) {
  const tiles = [
    { id: 'lines', label: 'Service lines', value: formatCount(k.lines), note: `${formatCount(k.claims)} claims`, help: 'Service lines on their first adjudication (reversals and re-adjudications are not counted again).' },
    { id: 'denied-lines', label: 'Denied lines', value: formatCount(k.denied_lines), note: `${formatCount(k.denied_claims)} claims`, help: 'Lines with nothing paid for a reason other than the patient’s share (deductible, coinsurance, copay), or paid less because of a non-contractual reason.' },
    { id: 'denial-rate-count', label: 'Denial rate (lines)', value: formatPercent(k.denied_lines, k.lines), note: 'denied lines ÷ lines', help: 'Initial denial rate by count at claim-line level: initially denied lines ÷ lines adjudicated (HFMA Claim Integrity Task Force recommends line level).' },
    { id: 'denial-rate-dollars', label: 'Denial rate ($)', value: formatPercent(k.denied_amount, k.billed), note: `${formatMoney(k.denied_amount)} of ${formatMoney(k.billed)} billed`, help: 'Initial denial rate by dollars: denied dollars ÷ billed charges of the same lines.' },
    { id: 'coding-share', label: 'Coding denials', value: formatPercent(k.coding_denied_lines, k.denied_lines), note: `${formatCountOf(k.coding_denied_lines, 'line')}, ${formatMoney(k.coding_denied_amount)}`, help: 'Share of denied lines whose primary category is one of the four coding categories (outdated, missing modifier, unspecified, mismatch).' },
  ];
  return (
    <section className="kpis" aria-label="Key figures">
      {tiles.map((t) => (
        <div key={t.id} className="kpi" title={t.help} data-testid={`kpi-${t.id}`}>
          <div className="kpi-label">{t.label}</div>
          <div className="kpi-value">{t.value}</div>
          <div className="kpi-note">{t.note}</div>
        </div>
      ))}
    </section>
  );
}
