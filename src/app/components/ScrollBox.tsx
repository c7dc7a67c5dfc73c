import type { ReactNode } from 'react';
import { SideScroll } from './SideScroll.tsx';

/**
 * A table that scrolls in its own box (max 420 px high, and sideways when wider than the
 * window, saying so above it). Focusable and named, so a keyboard user can scroll it with
 * the arrow keys (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SideScroll label={label} tall>
      {children}
    </SideScroll>
  );
}
