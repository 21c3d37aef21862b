// Renders the open command form. The item is read from the live inventory on every render, so a change made in
// another tab (or an archive) is reflected while the form is open. The forms themselves load on demand
// with their modal (FormFor); `preloadForms` fetches them when the app is idle so opening one does not wait.
import { inventory } from '../../state/app';
import { lazyComponent } from '../lazy';
import { openDialogState } from './dialogs';

// The modal comes with its form: neither is needed before the first command.
const LazyDialog = lazyComponent(() => import('./FormFor').then((m) => m.FormDialog), 'form');

export const preloadForms = (): Promise<void> => LazyDialog.preload();

export function DialogHost() {
  const open = openDialogState.value;
  if (!open) return null;
  const { spec } = open;
  const item = spec.kind === 'newItem' ? undefined : inventory.value.items.get(spec.itemId);
  // Keyed by kind and item so switching dialogs starts a fresh form.
  const key = spec.kind === 'newItem' ? spec.kind : `${spec.kind}:${spec.itemId}`;
  return <LazyDialog key={key} spec={spec} item={item} />;
}
