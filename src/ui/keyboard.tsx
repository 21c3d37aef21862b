// What the keyboard shortcuts do (the keys: src/ui/shell/shortcutKeys.ts). Loaded on the first shortcut.
import { Fragment, render } from 'preact';
import { inPast } from '../state/timeTravel';
import { reverseLast } from './actions';
import { openDialog } from './forms/dialogs';
import { Modal } from './forms/Modal';
import { location, navigate } from './router';
import { toast } from './shell/toasts';

export const SHORTCUTS: [keys: string[], what: string][] = [
  [['n'], 'New item'],
  [['/'], 'Search the inventory'],
  [['S'], 'Scan a code'],
  [['Ctrl', 'Z'], 'Undo your last change (⌘ Z on a Mac)'],
  [['Shift', 'Ctrl', 'Z'], 'Redo what you undid (⇧ ⌘ Z on a Mac)'],
  [['?'], 'Show these shortcuts'],
];

/** Waits (a few frames at most) for an element that a page about to render will have. */
async function soon<T extends Element>(find: () => T | null): Promise<T | null> {
  for (let i = 0; i < 60; i++) {
    const el = find();
    if (el) return el;
    await new Promise((r) => requestAnimationFrame(r));
  }
  return null;
}

function toInventory(): void {
  if (location.value.path !== '/') navigate(location.value.params.has('at') ? `/?at=${encodeURIComponent(location.value.params.get('at')!)}` : '/');
}

/** What a key press asks for (src/ui/shell/shortcutKeys.ts tells which key is which). */
export type Shortcut = 'new' | 'search' | 'scan' | 'help' | 'undo' | 'redo';

export async function runShortcut(s: Shortcut): Promise<void> {
  switch (s) {
    case 'new':
      if (inPast.value) return void toast({ tone: 'error', message: 'Changes are made in the present: choose “Back to now” first.' });
      return openDialog({ kind: 'newItem' });
    case 'search': {
      toInventory();
      (await soon(() => document.querySelector<HTMLInputElement>('input[aria-label="Search items"]')))?.focus();
      return;
    }
    case 'scan': {
      if (!location.value.path.startsWith('/scan')) navigate('/scan');
      (await soon(() => document.querySelector<HTMLInputElement>('#scan-input')))?.focus();
      return;
    }
    case 'undo':
    case 'redo':
      return reverseLast(s === 'redo');
    case 'help':
      return showHelp();
    default: {
      const never: never = s;
      throw new Error(`Unknown shortcut ${String(never)}`);
    }
  }
}

function showHelp(): void {
  const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const host = document.body.appendChild(document.createElement('div'));
  const close = () => {
    render(null, host);
    host.remove();
    back?.focus();
  };
  render(
    <Modal title="Keyboard shortcuts" onClose={close}>
      <p class="muted">They work anywhere except while typing in a field.</p>
      <dl class="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 && ' + '}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div class="form-buttons">
        <button type="button" class="btn btn-primary" data-autofocus onClick={close}>
          Close
        </button>
      </div>
    </Modal>,
    host,
  );
}
