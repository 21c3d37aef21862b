// Notifications after actions. One polite live region holds them; each toast is role="status" (errors
// role="alert"). Toasts with an action (Undo/Redo) stay longer, and no toast expires while the pointer or the
// keyboard focus is inside the region, so nobody loses an Undo while reaching for it. One is shown at a time
// (a stack covered the page), at the bottom, or at the top while the bottom one would cover the control that
// has the focus or the pointer (a +1 on the last row of the screen).
import { signal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

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
let paused = false;
let timer: ReturnType<typeof setInterval> | undefined;
/**
 * Milliseconds left per toast that goes away by itself. Kept out of the signal: the list re-renders when a toast
 * comes or goes, not four times a second while a command's table update wants the frame.
 */
const left = new Map<number, number>();

const TICK = 250;

function tick() {
  if (paused) return;
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

let hovered: Element | null = null;

const overlaps = (a: DOMRect, el: Element | null): boolean => {
  if (!el || el === document.body) return false;
  const b = el.getBoundingClientRect();
  return b.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
};

/** Puts the region at the bottom, or at the top while at the bottom it would cover the control in use. */
function place(region: HTMLElement | null): void {
  if (!region || !region.firstElementChild) return;
  const inUse = [document.activeElement, hovered].filter((el) => el && !region.contains(el));
  region.classList.remove('toasts-top');
  if (inUse.some((el) => overlaps(region.getBoundingClientRect(), el))) region.classList.add('toasts-top');
}

export function Toasts() {
  const region = useRef<HTMLDivElement>(null);
  const shown = toasts.value;
  useLayoutEffect(() => place(region.current), [shown]);
  useEffect(() => {
    const again = () => place(region.current);
    const over = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse' || region.current?.contains(e.target as Node)) return;
      hovered = e.target as Element;
      again();
    };
    addEventListener('focusin', again);
    addEventListener('pointerover', over, { passive: true });
    return () => {
      removeEventListener('focusin', again);
      removeEventListener('pointerover', over);
    };
  }, []);

  const runAction = async (t: Toast) => {
    const hadFocus = region.current?.contains(document.activeElement) ?? false;
    dismiss(t.id);
    await t.action!.run();
    // The button that had focus is gone; keep keyboard users in the region, on the newest toast.
    if (hadFocus) {
      requestAnimationFrame(() => {
        const buttons = region.current?.querySelectorAll<HTMLButtonElement>('.toast:last-child button');
        buttons?.[0]?.focus();
      });
    }
  };

  return (
    <div
      ref={region}
      class="toasts"
      aria-live="polite"
      aria-label="Notifications"
      role="region"
      // Mouse only: a tap on a phone fires "enter" without a matching "leave", which would pin toasts forever.
      onPointerEnter={(e) => e.pointerType === 'mouse' && (paused = true)}
      onPointerLeave={(e) => e.pointerType === 'mouse' && (paused = false)}
      onFocusIn={() => (paused = true)}
      onFocusOut={(e) => (paused = region.current?.contains(e.relatedTarget as Node | null) ?? false)}
    >
      {shown.map((t) => (
        <div key={t.id} class={`toast toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
          <div class="toast-body">
            <p class="toast-message">{t.message}</p>
            {t.details && t.details.length > 0 && (
              <ul class="toast-details">
                {t.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </div>
          <div class="toast-actions">
            {t.action && (
              <button type="button" class="btn btn-small" aria-label={t.action.ariaLabel} onClick={() => void runAction(t)}>
                {t.action.label}
              </button>
            )}
            <button type="button" class="btn-icon" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
