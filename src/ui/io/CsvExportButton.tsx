// The inventory toolbar's CSV download. Its name avoids the word "Export": spec §6 reserves a button named
// "Export" for the event log download (.json), and a script looking for it must not find this one.
import type { InventoryState, Item } from '../../domain/inventory';
import { downloadInventoryCsv } from '../../io/csv';
import { inventory } from '../../state/app';

export interface CsvExportButtonProps {
  /** The rows as the table shows them (filtered, sorted); every listed item when absent. */
  items?: readonly Item[];
  /** The state shown: a past one while time travelling (default: the current inventory). */
  state?: InventoryState;
  /** The RFC 3339 time of a past view, for the file name. */
  at?: string;
}

export function CsvExportButton({ items, state, at }: CsvExportButtonProps) {
  return (
    <button
      type="button"
      class="btn btn-secondary"
      title="A spreadsheet file (CSV) of the items shown"
      onClick={() => downloadInventoryCsv(state ?? inventory.value, { items, at })}
    >
      Download inventory as CSV
    </button>
  );
}
