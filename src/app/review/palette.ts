/**
 * Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), darkened
 * where needed to reach 3:1 against white (orange, bluish green, reddish purple); a purple
 * instead of sky blue, which cannot reach 3:1 and stay apart from the blue; black last.
 * Series also differ by dash pattern, so colour is never the only cue.
 */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#00876A', '#B8559A', '#A86B00', '#6A4C93', '#000000'];
export const SERIES_DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3', '10 4'];
export const OTHER_COLOR = '#767676';

/** Coding vs the other buckets (blue vs grey). */
export const CODING_COLOR = '#0072B2';
export const NOT_CODING_COLOR = '#767676';

/** Sequential single-hue scale for the heatmap (ColorBrewer "Blues"): lightness carries the value. */
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
export function heatColor(share: number): { background: string; color: string } {
  const i = Math.min(BLUES.length - 1, Math.max(0, Math.round(share * (BLUES.length - 1))));
  return { background: BLUES[i], color: i >= 5 ? '#fff' : '#1d2a33' };
}
