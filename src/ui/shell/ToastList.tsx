// What fills the notifications region (toasts.tsx), loaded with the first toast: the toasts, their actions, and
// where the region goes so that it never covers the control in use.
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import { dismiss, pause, type Toast } from './toastStore';

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

export function ToastList({ shown, region }: { shown: Toast[]; region: RefObject<HTMLDivElement> }) {
  useLayoutEffect(() => place(region.current), [shown]);
  useEffect(() => {
    const again = () => place(region.current);
    const over = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse' || region.current?.contains(e.target as Node)) return;
      hovered = e.target as Element;
      again();
    };
    // Mouse only: a tap on a phone fires "enter" without a matching "leave", which would pin toasts forever.
    const enter = (e: PointerEvent) => e.pointerType === 'mouse' && (pause.on = true);
    const leave = (e: PointerEvent) => e.pointerType === 'mouse' && (pause.on = false);
    const focusIn = () => (pause.on = true);
    const focusOut = (e: FocusEvent) => (pause.on = region.current?.contains(e.relatedTarget as Node | null) ?? false);
    const el = region.current!;
    el.addEventListener('pointerenter', enter);
    el.addEventListener('pointerleave', leave);
    el.addEventListener('focusin', focusIn);
    el.addEventListener('focusout', focusOut);
    addEventListener('focusin', again);
    addEventListener('pointerover', over, { passive: true });
    return () => {
      el.removeEventListener('pointerenter', enter);
      el.removeEventListener('pointerleave', leave);
      el.removeEventListener('focusin', focusIn);
      el.removeEventListener('focusout', focusOut);
      removeEventListener('focusin', again);
      removeEventListener('pointerover', over);
      // The last toast went away with the pointer or focus in it: the next one must expire again.
      pause.on = false;
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
    <>
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
    </>
  );
}
