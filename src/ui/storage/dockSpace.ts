// The notices docked at the bottom (update, backup) cover the end of the page: while they are there, the page
// gets that much more room at its end (--dock, used by src/ui/styles.css), so every row can be scrolled clear.
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

const GAP_PX = 8;
const heights = new Map<Element, number>();

function apply(): void {
  let total = 0;
  for (const h of heights.values()) total += h + GAP_PX;
  document.documentElement.style.setProperty('--dock', `${total}px`);
}

/** Keeps --dock counting the notice `ref` points to (none while it renders nothing). */
export function useDockSpace(ref: RefObject<HTMLElement>): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      heights.set(el, el.offsetHeight);
      apply();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      heights.delete(el);
      apply();
    };
  });
}
