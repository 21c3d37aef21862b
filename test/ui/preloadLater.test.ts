// Code one click away is fetched after the user's first input or a quiet while, one chunk per idle period: at
// the first idle moment, all of it made the start's longest tasks on a phone (src/ui/lazy.tsx preloadLater).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preloadLater } from '../../src/ui/lazy';

let page: EventTarget;
beforeEach(() => {
  vi.useFakeTimers();
  page = new EventTarget();
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Tasks that record their calls and finish when `finish(i)` is called. */
function tasks(n: number) {
  const calls: number[] = [];
  const done: (() => void)[] = [];
  const list = Array.from({ length: n }, (_, i) => () => new Promise<void>((resolve) => (calls.push(i), (done[i] = resolve))));
  return { list, calls, finish: (i: number) => done[i]!() };
}

describe('preloadLater', () => {
  it('loads nothing while the user has not touched the page and the quiet time has not passed', async () => {
    const t = tasks(2);
    preloadLater(t.list);
    await vi.advanceTimersByTimeAsync(7000);
    expect(t.calls).toEqual([]);
  });

  it('starts at the first input', async () => {
    const t = tasks(2);
    preloadLater(t.list);
    page.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(500);
    expect(t.calls).toEqual([0]);
  });

  it('starts after the quiet time without any input', async () => {
    const t = tasks(2);
    preloadLater(t.list);
    await vi.advanceTimersByTimeAsync(9000);
    expect(t.calls).toEqual([0]);
  });

  it('loads one chunk at a time: the next starts in an idle period after the one before has loaded', async () => {
    const t = tasks(3);
    preloadLater(t.list);
    page.dispatchEvent(new Event('keydown'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.calls).toEqual([0]);
    t.finish(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.calls).toEqual([0, 1]);
  });
});
