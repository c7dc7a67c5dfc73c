/**
 * Axis tick spacing chosen here rather than by Recharts: its default ("preserveEnd")
 * measures every tick label in the DOM to avoid overlaps, forcing a layout of the
 * whole page per chart while it mounts (a third of a chart's first draw, profiled).
 */

/** Month labels ("Oct 2025") fit about 18 to a chart; beyond that every n-th is shown. */
const MAX_MONTH_LABELS = 18;

/** Recharts' `interval`: how many month ticks to skip between two labels. */
export function monthTickInterval(months: number): number {
  return Math.max(0, Math.ceil(months / MAX_MONTH_LABELS) - 1);
}

/** Every tick of a value axis (Recharts already keeps those to about five) and every category of a category axis. */
export const EVERY_TICK = 0;
