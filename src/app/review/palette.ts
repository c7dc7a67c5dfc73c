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

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of a colour against white. */
export const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** `hex` mixed with white: t = 0 the colour itself, 1 white. */
function towardWhite(hex: string, t: number): string {
  return `#${[1, 3, 5]
    .map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) + (255 - parseInt(hex.slice(i, i + 2), 16)) * t).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Non-text contrast a chart mark keeps against the white panel (WCAG 1.4.11), with a little room for rounding. */
const MIN_CONTRAST = 3.05;

/**
 * A lighter tint of a series colour for the months not under review: its contrast against
 * the white panel cut to about half (so dark colours stay apart from light ones), never
 * below 3:1 (an opacity of 0.5 took most colours to about 1.7:1) and never past half-way
 * to white. Colours that barely reach 3:1 stay nearly as they are; the month under review
 * is outlined, so it stands out either way.
 */
export function dimmedColor(hex: string): string {
  const target = Math.max(MIN_CONTRAST, contrastOnWhite(hex) * 0.55);
  let lo = 0;
  let hi = 0.5;
  if (contrastOnWhite(towardWhite(hex, hi)) >= target) return towardWhite(hex, hi);
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (contrastOnWhite(towardWhite(hex, mid)) >= target) lo = mid;
    else hi = mid;
  }
  return towardWhite(hex, lo);
}
