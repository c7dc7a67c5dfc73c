import { useState } from 'react';
import type { KpiId } from '../../engine/analytics/review-kpis.ts';
import { KPI_DEFINITIONS } from './kpi-definitions.ts';

/**
 * The (i) of a KPI tile: a button that shows and hides the KPI's definition in the tile,
 * so it is reachable by keyboard and touch, not only by hovering over the tile's tooltip.
 */
export function KpiDefinition({ id }: { id: KpiId }) {
  const [open, setOpen] = useState(false);
  const { label, definition } = KPI_DEFINITIONS[id];
  return (
    <>
      <button
        type="button"
        className="info"
        aria-expanded={open}
        aria-controls={`kpi-definition-${id}`}
        aria-label={`Definition of ${label}`}
        data-testid="kpi-info"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        i
      </button>
      <span id={`kpi-definition-${id}`} className="kpi-definition" hidden={!open} data-testid="kpi-definition">
        {definition}
      </span>
    </>
  );
}
