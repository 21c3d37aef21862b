// The notifications' state: the toasts shown and how long each has left (toasts.tsx shows them).
import { signal } from '@preact/signals';

export interface ToastAction {
  label: string;
  /** Accessible name when the visible label alone is ambiguous. */
  ariaLabel?: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  tone: 'ok' | 'error';
  message: string;
  details?: string[];
  action?: ToastAction;
}

export const toasts = signal<Toast[]>([]);
const MAX_SHOWN = 1;
let nextId = 1;
let timer: ReturnType<typeof setInterval> | undefined;
/**
 * Milliseconds left per toast that goes away by itself. Kept out of the signal: the list re-renders when a toast
 * comes or goes, not four times a second while a command's table update wants the frame.
 */
const left = new Map<number, number>();

const TICK = 250;

/** True while the pointer or the focus is in the region: no toast expires meanwhile. */
export const pause = { on: false };

function tick() {
  if (pause.on) return;
  const expired = new Set<number>();
  for (const [id, ms] of left) {
    if (ms > TICK) left.set(id, ms - TICK);
    else expired.add(id);
  }
  if (expired.size) {
    for (const id of expired) left.delete(id);
    toasts.value = toasts.value.filter((t) => !expired.has(t.id));
  }
  if (left.size === 0 && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}

export function toast(t: Omit<Toast, 'id'> & { ttl?: number | null }): number {
  const id = nextId++;
  const ttl = t.ttl === null ? undefined : (t.ttl ?? (t.action ? 12_000 : t.tone === 'error' ? 15_000 : 6_000));
  const { ttl: _ttl, ...rest } = t;
  const shown = [...toasts.value, { ...rest, id }].slice(-MAX_SHOWN);
  toasts.value = shown;
  for (const old of left.keys()) if (!shown.some((s) => s.id === old)) left.delete(old);
  if (ttl !== undefined) {
    left.set(id, ttl);
    timer ??= setInterval(tick, TICK);
  }
  return id;
}

export function dismiss(id: number): void {
  left.delete(id);
  toasts.value = toasts.value.filter((t) => t.id !== id);
}
