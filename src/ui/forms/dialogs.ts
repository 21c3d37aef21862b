// Which command form is open. One at a time; the element that opened it gets focus back when it closes.
import { signal } from '@preact/signals';

export type DialogSpec =
  /** `codes`: prefilled ("Create item with this code" after a scan of an unknown code). */
  | { kind: 'newItem'; codes?: string }
  | { kind: 'editItem'; itemId: string }
  | { kind: 'addStock'; itemId: string }
  | { kind: 'removeStock'; itemId: string }
  | { kind: 'moveStock'; itemId: string }
  | { kind: 'countStock'; itemId: string }
  | { kind: 'archiveItem'; itemId: string };

export const openDialogState = signal<{ spec: DialogSpec; trigger: HTMLElement | null } | null>(null);

export function openDialog(spec: DialogSpec, trigger?: EventTarget | null): void {
  const el = trigger instanceof HTMLElement ? trigger : document.activeElement instanceof HTMLElement ? document.activeElement : null;
  openDialogState.value = { spec, trigger: el };
}

export function closeDialog(): void {
  const current = openDialogState.value;
  openDialogState.value = null;
  const back = current?.trigger;
  // The trigger may be gone (e.g. the row of an item just archived): fall back to the page heading.
  requestAnimationFrame(() => {
    if (back && back.isConnected) back.focus();
    else document.querySelector<HTMLElement>('main h1')?.focus();
  });
}
