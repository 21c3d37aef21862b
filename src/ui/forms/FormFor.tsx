// The form of an open dialog. Its own module so the forms (and their validation) load on first use, not with
// the inventory: DialogHost preloads it once the app is idle.
import { useLayoutEffect } from 'preact/hooks';
import type { Item } from '../../domain/inventory';
import { AddStockForm } from './AddStockForm';
import { ArchiveForm } from './ArchiveForm';
import { CountStockForm } from './CountStockForm';
import type { DialogSpec } from './dialogs';
import { ItemForm } from './ItemForm';
import { closeDialog } from './dialogs';
import { focusFirstField, Modal } from './Modal';
import { MoveStockForm } from './MoveStockForm';
import { RemoveStockForm } from './RemoveStockForm';

/** `item` is the live item of `spec` (absent for a new item). */
export function FormFor({ spec, item }: { spec: DialogSpec; item?: Item | undefined }) {
  // When the form was already loaded the Modal focused its first field; when it arrived late, do it now.
  useLayoutEffect(() => focusFirstField(document.querySelector<HTMLDialogElement>('dialog.modal[open]'), true), []);
  if (spec.kind === 'newItem') return <ItemForm codes={spec.codes} />;
  if (!item) return <p role="alert">This item no longer exists.</p>;
  switch (spec.kind) {
    case 'editItem':
      return <ItemForm item={item} />;
    case 'addStock':
      return <AddStockForm item={item} />;
    case 'removeStock':
      return <RemoveStockForm item={item} />;
    case 'moveStock':
      return <MoveStockForm item={item} />;
    case 'countStock':
      return <CountStockForm item={item} />;
    case 'archiveItem':
      return <ArchiveForm item={item} />;
  }
}

const TITLES: Record<DialogSpec['kind'], string> = {
  newItem: 'New item',
  editItem: 'Edit',
  addStock: 'Add stock',
  removeStock: 'Remove stock',
  moveStock: 'Move stock',
  countStock: 'Count stock',
  archiveItem: 'Archive',
};

/** The open dialog: the modal with the form of `spec`, titled with what it does and to which item. */
export function FormDialog({ spec, item }: { spec: DialogSpec; item?: Item | undefined }) {
  return (
    <Modal title={`${TITLES[spec.kind]}${item ? ` “${item.name}”` : ''}`} onClose={closeDialog}>
      <FormFor spec={spec} item={item} />
    </Modal>
  );
}
