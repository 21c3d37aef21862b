// A small menu of links and buttons: a button that opens a popover (the browser's top layer: it closes on Escape,
// on a click outside, and gives focus back to its button). Placed under its button, or above it when there is
// no room below (a button in the phone's bottom bar). Choosing an entry closes the menu.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

interface Props {
  id: string;
  label: ComponentChildren;
  /** Accessible name of the button when its label is not enough. */
  ariaLabel?: string;
  buttonClass?: string;
  children: ComponentChildren;
}

export function Menu({ id, label, ariaLabel, buttonClass = 'btn btn-secondary', children }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  const onToggle = (e: Event) => {
    const p = pop.current;
    const b = button.current;
    if (!p || !b || (e as ToggleEvent).newState !== 'open') return;
    const r = b.getBoundingClientRect();
    const below = r.bottom < innerHeight / 2;
    p.style.top = below ? `${r.bottom + 4}px` : 'auto';
    p.style.bottom = below ? 'auto' : `${innerHeight - r.top + 4}px`;
    p.style.right = `${Math.max(8, document.documentElement.clientWidth - r.right)}px`;
    p.querySelector<HTMLElement>('a, button')?.focus();
  };
  return (
    <>
      <button ref={button} type="button" class={buttonClass} popovertarget={id} aria-label={ariaLabel}>
        {label}
      </button>
      <div
        ref={pop}
        id={id}
        popover="auto"
        class="menu"
        onToggle={onToggle}
        onClick={(e) => (e.target as Element).closest('a, button') && pop.current?.hidePopover()}
      >
        {children}
      </div>
    </>
  );
}
