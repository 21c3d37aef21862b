// Which rows of a long table to render: the ones in view plus some overscan, from row heights that are measured
// once a row has been shown and estimated before. Pure, so the arithmetic is tested without a browser; the DOM
// side (scroll, measuring) is useRowWindow.ts.

export interface Range {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

/** offsets[i] is the top of row i within the table body, offsets[count] its full height. */
export function offsetsOf(count: number, heightOf: (i: number) => number): Float64Array {
  const out = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) out[i + 1] = out[i]! + heightOf(i);
  return out;
}

/** The row at height `y` of the body (clamped to the rows there are). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  // Largest i with offsets[i] <= y.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows that intersect [top, bottom) of the body. */
export function rowsBetween(offsets: Float64Array, top: number, bottom: number): Range {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  return { start: rowAt(offsets, top), end: Math.min(count, rowAt(offsets, Math.max(top, bottom - 0.5)) + 1) };
}

export interface WindowOptions {
  /** Pixels rendered beyond each edge of the view when the range moves. */
  overscan: number;
  /** The range moves once fewer than this many pixels of rendered rows are left beyond an edge of the view. */
  margin: number;
  /** A row that stays rendered wherever the view is (the one holding keyboard focus). */
  keep?: number;
}

/**
 * The rows to render for a view of the body from `top` to `bottom` (pixels, body coordinates). The current
 * range is kept while it still covers the view with `margin` to spare, so slow scrolling re-renders the table
 * once every (overscan − margin) pixels rather than on every frame.
 */
export function nextRange(current: Range, offsets: Float64Array, top: number, bottom: number, o: WindowOptions): Range {
  const count = offsets.length - 1;
  const fresh = rowsBetween(offsets, top - o.overscan, bottom + o.overscan);
  const start = Math.min(current.start, count);
  const end = Math.min(current.end, count);
  const coversTop = start === 0 || offsets[start]! <= top - o.margin;
  const coversBottom = end === count || offsets[end]! >= bottom + o.margin;
  // A range grown far beyond the view (all rows for printing, a kept row far away) shrinks back; one only a
  // little larger (the first render, from estimated heights) stays, so rows do not vanish without a scroll.
  const small = end - start <= 3 * (fresh.end - fresh.start) + 8;
  const base = end > start && coversTop && coversBottom && small ? { start, end } : fresh;
  const keep = o.keep;
  if (keep === undefined || keep < 0 || keep >= count) return base;
  return { start: Math.min(base.start, keep), end: Math.max(base.end, keep + 1) };
}

export const sameRange = (a: Range, b: Range): boolean => a.start === b.start && a.end === b.end;
