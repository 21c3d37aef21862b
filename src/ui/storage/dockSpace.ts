// The notices docked at the bottom (update, backup) cover the end of the page: while they are there, the page
// gets that much more room at its end (--dock, used by src/ui/styles.css), so every row can be scrolled clear.
import { useMemo } from 'preact/hooks';

const GAP_PX = 8;
const heights = new Map<Element, number>();

function apply(): void {
  let total = 0;
  for (const h of heights.values()) total += h + GAP_PX;
  document.documentElement.style.setProperty('--dock', `${total}px`);
}

/** A ref for a docked notice: --dock counts its height while it is on the page. */
export function useDockSpace(): (el: HTMLElement | null) => void {
  return useMemo(() => {
    let shown: HTMLElement | null = null;
    const observer = new ResizeObserver(() => {
      if (shown) heights.set(shown, shown.offsetHeight);
      apply();
    });
    return (el) => {
      if (shown) {
        observer.unobserve(shown);
        heights.delete(shown);
        apply();
      }
      shown = el;
      if (el) observer.observe(el);
    };
  }, []);
}
