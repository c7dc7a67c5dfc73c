import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table in a box that scrolls sideways, and says so: scroll bars can be hidden
 * (overlay scroll bars, touch screens), so when columns are out of view a line above
 * the table names the direction. Focusable while it overflows, so the arrow keys scroll it.
 * `tall`: the box also scrolls down past 420 px (ScrollBox), and is always focusable.
 */
export function SideScroll({ label, tall = false, children }: { label: string; tall?: boolean; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
    };
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', update, { passive: true });
    update();
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);
  const overflowing = more.left || more.right;
  return (
    <>
      {overflowing && (
        <p className="scroll-hint" data-testid="scroll-hint" aria-hidden="true">
          {more.left && '← '}More columns {more.left && more.right ? 'on both sides' : more.right ? 'to the right' : 'to the left'}: scroll sideways{more.right && ' →'}
        </p>
      )}
      <div
        ref={box}
        className={`side-scroll${tall ? ' scroll' : ''}${more.right ? ' more-right' : ''}${more.left ? ' more-left' : ''}`}
        tabIndex={overflowing || tall ? 0 : -1}
        role="region"
        aria-label={overflowing ? `${label} (wider than the window: scroll sideways)` : label}
      >
        {children}
      </div>
    </>
  );
}
