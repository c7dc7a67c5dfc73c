import { cloneElement, useSyncExternalStore, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { ResponsiveContainer } from 'recharts';

/**
 * Width of a chart on paper: A4 landscape (297 mm) less 2 × 12 mm margins is about
 * 1030 CSS px. A chart measured on screen would overflow the page, and scaling
 * its SVG breaks Recharts' HTML legend, so the chart is drawn again at this width.
 */
const PRINT_WIDTH = 1000;

let printing = false;
const listeners = new Set<() => void>();
function setPrinting(next: boolean) {
  if (next === printing) return;
  printing = next;
  // synchronously, so the print layout that follows `beforeprint` sees the redrawn charts
  flushSync(() => listeners.forEach((l) => l()));
}
const printMedia = typeof matchMedia === 'function' ? matchMedia('print') : null;
addEventListener('beforeprint', () => setPrinting(true));
addEventListener('afterprint', () => setPrinting(false));
printMedia?.addEventListener('change', (e) => setPrinting(e.matches));

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A Recharts chart (without width/height) sized to its container on screen and to the page when printed. */
export function ChartFrame({ height, children }: { height: number; children: ReactElement<{ width?: number; height?: number }> }) {
  const isPrinting = useSyncExternalStore(subscribe, () => printing);
  if (isPrinting) return cloneElement(children, { width: PRINT_WIDTH, height });
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
