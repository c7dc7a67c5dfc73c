import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS, DIMMED_CATEGORY_COLORS } from '../../../src/app/categories-style.ts';
import { CODING_COLOR, NOT_CODING_COLOR, OTHER_COLOR, SERIES_COLORS } from '../../../src/app/review/palette.ts';
import { CATEGORY_PRECEDENCE } from '../../../src/engine/classify/categories.ts';

/** WCAG 2.x relative luminance of an sRGB hex colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

type Lab = [number, number, number];

/** sRGB hex → CIE L*a*b* (D65). */
function lab(hex: string): Lab {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005, equations 1–22). */
function ciede2000([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + g) * a1, (1 + g) * a2];
  const [c1p, c2p] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360);
  const [h1p, h2p] = [hue(b1, a1p), hue(b2, a2p)];
  let dh = 0;
  if (c1p * c2p !== 0) dh = h2p - h1p > 180 ? h2p - h1p - 360 : h2p - h1p < -180 ? h2p - h1p + 360 : h2p - h1p;
  const dL = l2 - l1;
  const dC = c2p - c1p;
  const dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(rad(dh / 2));
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBar = h1p + h2p;
  if (c1p * c2p !== 0) hBar = Math.abs(h1p - h2p) <= 180 ? hBar / 2 : hBar < 360 ? (hBar + 360) / 2 : (hBar - 360) / 2;
  const t = 1 - 0.17 * Math.cos(rad(hBar - 30)) + 0.24 * Math.cos(rad(2 * hBar)) + 0.32 * Math.cos(rad(3 * hBar + 6)) - 0.2 * Math.cos(rad(4 * hBar - 63));
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sL = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -Math.sin(rad(2 * dTheta)) * rC;
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

const BACKGROUND = '#ffffff'; // the panels the charts are drawn on (styles.css .panel)
/** Two colours this far apart (CIEDE2000) are told apart at a glance; ~2.3 is a just-noticeable difference. */
const MIN_DIFFERENCE = 13;
/** The tints are lighter, so closer: still several just-noticeable differences apart. */
const MIN_DIFFERENCE_DIMMED = 8;

function closestPairs(colours: Record<string, string>): { a: string; b: string; difference: number }[] {
  const names = Object.keys(colours);
  return names
    .flatMap((a, i) => names.slice(i + 1).map((b) => ({ a, b, difference: ciede2000(lab(colours[a]), lab(colours[b])) })))
    .sort((x, y) => x.difference - y.difference);
}

describe('colour formulas', () => {
  it('WCAG contrast: #767676 passes 4.5:1 on white and #777777 does not (WebAIM’s published threshold pair)', () => {
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#000000', '#ffffff')).toBe(21);
  });

  it('CIEDE2000 reproduces Sharma, Wu & Dalal’s test data (pairs 1, 7 and 17)', () => {
    expect(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(ciede2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(ciede2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });
});

describe('chart colours', () => {
  it('every category has a colour of at least 3:1 against the background', () => {
    expect(Object.keys(CATEGORY_COLORS).sort()).toEqual([...CATEGORY_PRECEDENCE].sort());
    const low = Object.entries(CATEGORY_COLORS).filter(([, c]) => contrast(c, BACKGROUND) < 3);
    expect(low).toEqual([]);
  });

  it(`no two category colours are closer than ${MIN_DIFFERENCE} CIEDE2000 units (eligibility and authorization included)`, () => {
    const [closest] = closestPairs(CATEGORY_COLORS);
    expect(closest.difference, `${closest.a} vs ${closest.b}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
  });

  it('the payer series, the "other payers" grey and the coding / other pair reach 3:1 and stay apart', () => {
    const series = Object.fromEntries([...SERIES_COLORS, OTHER_COLOR].map((c, i) => [`series ${i + 1}`, c]));
    expect(Object.values(series).filter((c) => contrast(c, BACKGROUND) < 3)).toEqual([]);
    expect(closestPairs(series)[0].difference).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
    expect(contrast(CODING_COLOR, BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(contrast(NOT_CODING_COLOR, BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(ciede2000(lab(CODING_COLOR), lab(NOT_CODING_COLOR))).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
  });

  it('the lighter tints of the months not under review keep 3:1 against the background, are lighter and stay apart', () => {
    const low = Object.entries(DIMMED_CATEGORY_COLORS).filter(([, c]) => contrast(c, BACKGROUND) < 3);
    expect(low).toEqual([]);
    // lighter than the full colour wherever the full colour has room above 3:1 (authorization, 3.35:1, barely does)
    const notLighter = Object.keys(CATEGORY_COLORS).filter((c) => {
      const category = c as keyof typeof CATEGORY_COLORS;
      return contrast(CATEGORY_COLORS[category], BACKGROUND) > 3.3 && luminance(DIMMED_CATEGORY_COLORS[category]) <= luminance(CATEGORY_COLORS[category]);
    });
    expect(notLighter).toEqual([]);
    const [closest] = closestPairs(DIMMED_CATEGORY_COLORS);
    expect(closest.difference, `${closest.a} vs ${closest.b}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE_DIMMED);
  });
});
