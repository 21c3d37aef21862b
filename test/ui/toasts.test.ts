// Notifications go away by themselves after their time, and the list changes only when one comes or goes
// (it used to be rewritten four times a second, re-rendering the region while commands updated the table).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismiss, toast, toasts } from '../../src/ui/shell/toasts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  for (const t of toasts.value) dismiss(t.id);
  vi.useRealTimers();
});

describe('toasts', () => {
  it('a plain notification goes away after six seconds, one with an Undo after twelve', () => {
    const plain = toast({ tone: 'ok', message: 'Saved' });
    vi.advanceTimersByTime(5_900);
    expect(toasts.value.map((t) => t.id)).toEqual([plain]);
    vi.advanceTimersByTime(200);
    expect(toasts.value).toEqual([]);
    const undoable = toast({ tone: 'ok', message: 'Added 1 Sword', action: { label: 'Undo', run: () => undefined } });
    vi.advanceTimersByTime(11_900);
    expect(toasts.value.map((t) => t.id)).toEqual([undoable]);
    vi.advanceTimersByTime(200);
    expect(toasts.value).toEqual([]);
  });

  it('the list is not rewritten while no notification comes or goes', () => {
    toast({ tone: 'ok', message: 'Saved' });
    const shown = toasts.value;
    vi.advanceTimersByTime(5_000);
    expect(toasts.value).toBe(shown);
  });

  it('a notification without a time limit stays until dismissed', () => {
    const id = toast({ tone: 'error', message: 'Disk full', ttl: null });
    vi.advanceTimersByTime(60_000);
    expect(toasts.value.map((t) => t.id)).toEqual([id]);
    dismiss(id);
    expect(toasts.value).toEqual([]);
  });

  it('one is shown at a time: a new one replaces the one shown', () => {
    const ids = [1, 2, 3].map((n) => toast({ tone: 'ok', message: `n${n}` }));
    expect(toasts.value.map((t) => t.id)).toEqual([ids[2]]);
  });
});
