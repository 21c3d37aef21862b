// The inventory's "More" menu: the inventory as CSV, time travel, compare. Loaded after the first render.
import type { InventoryState, Item } from '../../domain/inventory';
import { viewAt } from '../../state/timeTravel';
import { CsvExportButton, preloadCsv } from '../io/CsvExportButton';
import { Link, location } from '../router';

// This menu loads once the browser is idle: the CSV writer comes along, so a click on it does not wait.
void preloadCsv();

/** The inventory's search and filters as they are in the address, for /labels (which reads the same keys). */
function labelFilter(): string {
  const q = new URLSearchParams(location.value.params);
  q.delete('value');
  const s = q.toString();
  return s ? `?${s}` : '';
}

interface Props {
  items: readonly Item[];
  state: InventoryState;
  past: boolean;
  onTimeTravel: () => void;
}

export function InventoryMenu({ items, state, past, onTimeTravel }: Props) {
  const at = past ? viewAt.value : undefined;
  return (
    <>
      <CsvExportButton items={items} state={state} at={at} />
      {!past && (
        <button type="button" onClick={onTimeTravel}>
          Time travel
        </button>
      )}
      {!past && <Link to={`/labels${labelFilter()}`}>Print labels for these items</Link>}
      <Link to={at ? `/compare?from=${encodeURIComponent(at)}` : '/compare'}>Compare two moments</Link>
    </>
  );
}
