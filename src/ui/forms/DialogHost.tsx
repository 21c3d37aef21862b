// Renders the open command form. The item is read from the live inventory on every render, so a change made in
// another tab (or an archive) is reflected while the form is open.
import { inventory } from '../../state/app';
import { AddStockForm } from './AddStockForm';
import { ArchiveForm } from './ArchiveForm';
import { CountStockForm } from './CountStockForm';
import { closeDialog, openDialogState, type DialogSpec } from './dialogs';
import { ItemForm } from './ItemForm';
import { Modal } from './Modal';
import { MoveStockForm } from './MoveStockForm';
import { RemoveStockForm } from './RemoveStockForm';

const TITLES: Record<DialogSpec['kind'], string> = {
  newItem: 'New item',
  editItem: 'Edit',
  addStock: 'Add stock',
  removeStock: 'Remove stock',
  moveStock: 'Move stock',
  countStock: 'Count stock',
  archiveItem: 'Archive',
};

export function DialogHost() {
  const open = openDialogState.value;
  if (!open) return null;
  const { spec } = open;
  if (spec.kind === 'newItem') {
    return (
      <Modal title="New item" onClose={closeDialog}>
        <ItemForm />
      </Modal>
    );
  }
  const item = inventory.value.items.get(spec.itemId);
  const title = `${TITLES[spec.kind]}${item ? ` “${item.name}”` : ''}`;
  // Keyed by kind and item so switching dialogs starts a fresh form.
  const key = `${spec.kind}:${spec.itemId}`;
  return (
    <Modal key={key} title={title} onClose={closeDialog}>
      {!item ? (
        <p role="alert">This item no longer exists.</p>
      ) : spec.kind === 'editItem' ? (
        <ItemForm item={item} />
      ) : spec.kind === 'addStock' ? (
        <AddStockForm item={item} />
      ) : spec.kind === 'removeStock' ? (
        <RemoveStockForm item={item} />
      ) : spec.kind === 'moveStock' ? (
        <MoveStockForm item={item} />
      ) : spec.kind === 'countStock' ? (
        <CountStockForm item={item} />
      ) : (
        <ArchiveForm item={item} />
      )}
    </Modal>
  );
}
