import { CATEGORY_PRECEDENCE, type Category } from '../engine/classify/categories.ts';
import { dimmedColor } from './review/palette.ts';

/**
 * One colour per category, each at least 3:1 against the white panels (WCAG 1.4.11,
 * non-text contrast) and at least 13 CIEDE2000 units from every other
 * (test/unit/app/category-colours.test.ts checks both from these hex values; before,
 * eligibility and authorization were 1.4:1 apart and five colours under 3:1).
 * The coding categories keep Okabe–Ito hues (vermilion, blue, a darker orange and
 * reddish purple), which stay apart under the common colour-vision deficiencies; the
 * other buckets are darker or muted, grey for "no specific reason", near-black for
 * "unmapped". Stacked segments are also separated by a white line.
 */
export const CATEGORY_COLORS: Record<Category, string> = {
  outdated: '#D55E00',
  missing_modifier: '#0072B2',
  unspecified: '#A86B00',
  mismatch: '#B8559A',
  eligibility: '#1F4E79',
  authorization: '#3399AA',
  duplicate: '#6A4C93',
  timely_filing: '#8C2D19',
  cob: '#4F7A28',
  bundling: '#00876A',
  non_covered: '#7A5C3E',
  missing_info: '#7D6FE0',
  other_coding: '#DA1E4F',
  unknown: '#767676',
  unmapped: '#333333',
};

export const CATEGORIES = CATEGORY_PRECEDENCE;

/** Each category's tint for the months not under review (palette.ts dimmedColor: still 3:1 against the panel). */
export const DIMMED_CATEGORY_COLORS = Object.fromEntries(
  Object.entries(CATEGORY_COLORS).map(([category, hex]) => [category, dimmedColor(hex)]),
) as Record<Category, string>;
