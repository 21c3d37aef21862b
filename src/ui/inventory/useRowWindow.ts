// The DOM side of the windowed inventory table: where the view is (the page scrolls, not the table), how tall
// the shown rows are (a ResizeObserver, whose callbacks come after layout and so never force one), which row
// holds keyboard focus (kept rendered, so Tab and screen readers do not lose their place), and printing (every
// row). Rendering every row would make each append re-render and lay out the whole table; the window renders
// about a screenful and a half, whatever the inventory's size.
import { createContext } from 'preact';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { whenIdle } from '../lazy';
import { recordRowHeight, rowHeight } from './rowHeights';
import { nextRange, offsetsOf, sameRange, type Range } from './windowing';

/** Below this many rows every row is rendered: find-in-page then sees the whole table, at little layout cost. */
export const WINDOW_FROM = 80;
const OVERSCAN_PX = 700;
const MARGIN_PX = 250;

/** Given to rows, so each registers its <tr> to be measured while it is shown. */
export interface RowSizes {
  observe(el: Element, id: string): void;
  unobserve(el: Element): void;
}
export const RowSizesContext = createContext<RowSizes | undefined>(undefined);

export interface RowWindow {
  range: Range;
  /** Heights of the spacer rows standing for the rows above and below the range. */
  padTop: number;
  padBottom: number;
  bodyRef: { current: HTMLTableSectionElement | null };
  sizes: RowSizes;
}

export function useRowWindow(ids: readonly string[]): RowWindow {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [measured, remeasure] = useReducer((n: number) => n + 1, 0);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [printing, setPrinting] = useState(false);
  // The view in body coordinates; before the first measurement, the body is assumed to start at the top.
  const view = useRef({ top: 0, bottom: typeof window === 'undefined' ? 1000 : window.innerHeight });
  const rangeRef = useRef<Range>({ start: 0, end: 0 });
  const focusedId = useRef<string | undefined>(undefined);
  const idsRef = useRef(ids);
  idsRef.current = ids;

  // The first render holds the rows in view only, and the rows around them follow once the browser is idle: the
  // first render of the inventory is the longest task of a start on a phone.
  const warm = useRef(false);
  useEffect(
    () =>
      whenIdle(() => {
        warm.current = true;
        rerender(undefined);
      }),
    [],
  );

  const count = ids.length;
  const windowed = count >= WINDOW_FROM && !printing;
  // `measured` changes when a row's height does: the offsets are recomputed from the new figures.
  const offsets = useMemo(() => offsetsOf(count, (i) => rowHeight(ids[i]!)), [ids, measured]);
  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;

  const rangeFor = (): Range => {
    const keep = focusedId.current === undefined ? -1 : idsRef.current.indexOf(focusedId.current);
    return nextRange(rangeRef.current, offsetsRef.current, view.current.top, view.current.bottom, { overscan: warm.current ? OVERSCAN_PX : 0, margin: warm.current ? MARGIN_PX : 0, keep });
  };
  const range = windowed ? rangeFor() : { start: 0, end: count };
  rangeRef.current = range;

  const sizes = useMemo<RowSizes>(() => {
    const idOf = new WeakMap<Element, string>();
    const ro = new ResizeObserver((entries) => {
      let changed = false;
      let gap: number | undefined;
      for (const e of entries) {
        const id = idOf.get(e.target);
        const box = e.borderBoxSize?.[0];
        if (id === undefined || !box || box.inlineSize === 0) continue;
        // Cards on narrow screens are spaced by margins, which belong to the row's share of the height.
        if (gap === undefined) {
          const s = getComputedStyle(e.target);
          gap = (parseFloat(s.marginTop) || 0) + (parseFloat(s.marginBottom) || 0);
        }
        if (recordRowHeight(id, box.inlineSize, box.blockSize + gap)) changed = true;
      }
      if (changed) remeasure(undefined);
    });
    return {
      observe: (el, id) => (idOf.set(el, id), ro.observe(el)),
      unobserve: (el) => ro.unobserve(el),
    };
  }, []);

  // Where the view is: read on scroll and resize, once per frame at most, and after the heights change.
  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const body = bodyRef.current;
      if (!body) return;
      const top = -body.getBoundingClientRect().top;
      view.current = { top, bottom: top + window.innerHeight };
      if (!sameRange(rangeFor(), rangeRef.current)) rerender(undefined);
    };
    const schedule = () => (frame ||= requestAnimationFrame(measure));
    schedule();
    document.addEventListener('scroll', schedule, { passive: true, capture: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
    };
  }, [windowed, count, measured]);

  // The row holding focus stays rendered (found by id: a re-sort moves it).
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const onIn = (e: FocusEvent) => {
      const row = (e.target as Element).closest('tr[data-id]');
      focusedId.current = row?.getAttribute('data-id') ?? undefined;
    };
    const onOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node && body.contains(e.relatedTarget))) focusedId.current = undefined;
    };
    body.addEventListener('focusin', onIn);
    body.addEventListener('focusout', onOut);
    return () => (body.removeEventListener('focusin', onIn), body.removeEventListener('focusout', onOut));
  }, []);

  // Printing shows every row: `beforeprint` handlers run before the page is laid out for paper.
  useEffect(() => {
    const on = () => setPrinting(true);
    const off = () => setPrinting(false);
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    return () => (window.removeEventListener('beforeprint', on), window.removeEventListener('afterprint', off));
  }, []);

  return {
    range,
    padTop: offsets[range.start]!,
    padBottom: offsets[count]! - offsets[range.end]!,
    bodyRef,
    sizes,
  };
}
