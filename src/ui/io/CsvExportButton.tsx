// The inventory toolbar's CSV download. Its name avoids the word "Export": the button named "Export" is the
// event log download (.json), and a script looking for it must not find this one.
// The CSV writer loads on the first click (or earlier: preloadCsv), keeping src/io out of the initial bundle.
import type { InventoryState, Item } from '../../domain/inventory';
import { inventory } from '../../state/app';
import { toast } from '../shell/toasts';

export interface CsvExportButtonProps {
  /** The rows as the table shows them (filtered, sorted); every listed item when absent. */
  items?: readonly Item[];
  /** The state shown: a past one while time travelling (default: the current inventory). */
  state?: InventoryState;
  /** The RFC 3339 time of a past view, for the file name. */
  at?: string;
}

let csvModule: Promise<typeof import('../../io/csv')> | undefined;
const loadCsv = () =>
  (csvModule ??= import('../../io/csv').catch((err: unknown) => {
    csvModule = undefined; // a later click tries again
    throw err;
  }));

/** Fetches the CSV writer ahead of the first click. */
export const preloadCsv = (): Promise<void> => loadCsv().then(
  () => undefined,
  () => undefined,
);

async function download({ items, state, at }: CsvExportButtonProps): Promise<void> {
  const shown = state ?? inventory.value; // what was on screen at the click, even if the load takes a moment
  try {
    const { downloadInventoryCsv } = await loadCsv();
    // Costs are today's averages: a file of a past moment leaves them out rather than mix two times.
    const costs = at ? undefined : await (await import('../inventory/value')).costsWhenReady();
    downloadInventoryCsv(shown, { items, at, costs });
  } catch (err) {
    toast({ tone: 'error', message: `Could not create the CSV file: ${err instanceof Error ? err.message : String(err)}. Check the connection and try again, or reload the page.` });
  }
}

export function CsvExportButton(props: CsvExportButtonProps) {
  return (
    <button type="button" class="btn btn-secondary" title="A spreadsheet file (CSV) of the items shown" onClick={() => void download(props)}>
      Download inventory as CSV
    </button>
  );
}
