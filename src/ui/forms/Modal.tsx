// A native modal <dialog>: the browser traps focus and makes the page behind inert; Escape closes it.
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

const FIELD = 'input:not([type=hidden]), select, textarea, [data-autofocus]';

/**
 * Puts focus on the first field of the open modal. `late` is for a form that arrived after the modal opened
 * (it loads on demand): it only takes focus while the browser's default (the Close button) still has it.
 */
export function focusFirstField(dialog: HTMLDialogElement | null, late = false): void {
  if (!dialog) return;
  const active = document.activeElement;
  if (late && active !== dialog && active !== document.body && !dialog.querySelector('.modal-header')?.contains(active)) return;
  dialog.querySelector<HTMLElement>(FIELD)?.focus();
}

export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const d = ref.current!;
    if (!d.open) d.showModal();
    focusFirstField(d);
  }, []);

  return (
    <dialog
      ref={ref}
      class="modal"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (e.target === ref.current) onClose();
      }}
    >
      <div class="modal-inner">
        <header class="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" class="btn-icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
