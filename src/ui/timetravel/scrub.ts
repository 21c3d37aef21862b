// The scrubber's arithmetic, pure so that it is tested without a browser: a slider of SLIDER_STEPS positions
// spread over the history's span, and the same moment read back.
export const SLIDER_STEPS = 1000;

export interface Span {
  first: number;
  last: number;
}

/** Slider position of a moment, clamped to the span. */
export function positionOf(ms: number, span: Span): number {
  if (span.last <= span.first) return SLIDER_STEPS;
  const p = Math.round(((ms - span.first) / (span.last - span.first)) * SLIDER_STEPS);
  return Math.min(SLIDER_STEPS, Math.max(0, p));
}

/**
 * The moment at a slider position, rounded to the second (a URL people share should read cleanly). The ends
 * are the first and last event exactly, so both extremes of history are reachable.
 */
export function momentAt(position: number, span: Span): number {
  if (position <= 0) return span.first;
  if (position >= SLIDER_STEPS) return span.last;
  const ms = span.first + ((span.last - span.first) * position) / SLIDER_STEPS;
  return Math.round(ms / 1000) * 1000;
}

/** Runs `fn` with the latest argument at most once per animation frame (drag events come faster than frames). */
export function latestPerFrame<T>(fn: (v: T) => void, raf: (cb: () => void) => unknown = requestAnimationFrame): (v: T) => void {
  let pending = false;
  let latest: T;
  return (v: T) => {
    latest = v;
    if (pending) return;
    pending = true;
    raf(() => {
      pending = false;
      fn(latest);
    });
  };
}
