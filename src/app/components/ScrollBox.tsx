import type { ReactNode } from 'react';

/**
 * A table that scrolls in its own box (max 420 px high). Focusable and named, so a
 * keyboard user can scroll it with the arrow keys (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
