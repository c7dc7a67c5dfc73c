/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies),
 * black last; series also differ by dash pattern, so colour is never the only cue.
 */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
export const SERIES_DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3', '10 4'];
export const OTHER_COLOR = '#8E8E8E';

/** Coding vs the other buckets (blue vs grey, as in categories-style.ts). */
export const CODING_COLOR = '#0072B2';
export const NOT_CODING_COLOR = '#A9A9A9';

/** Sequential single-hue scale for the heatmap (ColorBrewer "Blues"): lightness carries the value. */
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
export function heatColor(share: number): { background: string; color: string } {
  const i = Math.min(BLUES.length - 1, Math.max(0, Math.round(share * (BLUES.length - 1))));
  return { background: BLUES[i], color: i >= 5 ? '#fff' : '#1d2a33' };
}
