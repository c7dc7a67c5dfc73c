import type { KeyboardEvent } from 'react';

/**
 * Keyboard access to a chart's clickable marks (bar segments, points): the chart is one
 * tab stop; the arrow keys move between its marks in drawing order (→ and ↑ on, ← and ↓
 * back: up a stack, along a line; Home / End to the ends), Enter or Space does what a click does. Each mark is an SVG element with
 * role="button", an aria-label saying what it is and its value, and `chartMark(first)`.
 */
export function chartMark(first: boolean, select: () => void) {
  return {
    role: 'button',
    tabIndex: first ? 0 : -1,
    'data-chart-mark': '',
    onClick: select,
    onKeyDown: (e: KeyboardEvent<SVGElement>) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select();
        return;
      }
      const marks = [...(e.currentTarget.ownerSVGElement?.querySelectorAll<SVGElement>('[data-chart-mark]') ?? [])];
      const at = marks.indexOf(e.currentTarget);
      const next = { ArrowRight: at + 1, ArrowUp: at + 1, ArrowLeft: at - 1, ArrowDown: at - 1, Home: 0, End: marks.length - 1 }[e.key];
      if (next === undefined || !marks[next]) return;
      e.preventDefault();
      // roving tab stop: Tab leaves the chart and comes back to the mark last visited
      for (const m of marks) m.tabIndex = -1;
      marks[next].tabIndex = 0;
      marks[next].focus();
    },
  } as const;
}
