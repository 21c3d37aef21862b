// Code one click away is fetched one chunk per idle period from the start: all of it at the first idle moment
// made the start's longest tasks on a phone (src/ui/lazy.tsx preloadLater).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preloadLater } from '../../src/ui/lazy';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
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
  it('starts at the first idle moment, without waiting for input', async () => {
    const t = tasks(2);
    preloadLater(t.list);
    expect(t.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.calls).toEqual([0]);
  });

  it('loads one chunk at a time: the next starts in an idle period after the one before has loaded', async () => {
    const t = tasks(3);
    preloadLater(t.list);
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.calls).toEqual([0]);
    t.finish(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(t.calls).toEqual([0, 1]);
  });
});
