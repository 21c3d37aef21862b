// The start page: the inventory table, searchable and sortable, with the view in the query string.
// `?at=<RFC 3339>` shows the inventory as it was then, read-only (moment and past state: src/state/timeTravel,
// bound to the URL by src/ui/timetravel).
import { useMemo } from 'preact/hooks';
import type { InventoryState } from '../../domain/inventory';
import { computed } from '@preact/signals';
import { inventory, savingChange } from '../../state/app';
import { inPast, pastState, pastStateAt, viewAt } from '../../state/timeTravel';
import { openDialog } from '../forms/dialogs';
import { plural, when } from '../format';
import { CsvExportButton } from '../io/CsvExportButton';
import { location, setQuery } from '../router';
import { TimeTravelBar } from '../timetravel/TimeTravelBar';
import { EmptyInventory } from './EmptyInventory';
import { InventoryTable } from './InventoryTable';
import { listItems, optionsFromParams, paramsFromOptions, type ListOptions, type SortKey } from './listing';

// The attribute is absent rather than "false" while nothing is being written.
const tableBusy = computed(() => savingChange.value || undefined);

export function InventoryPage() {
  const params = location.value.params;
  const opts = optionsFromParams(params);
  // Filters and sorting keep the moment in the address (`at` as the URL has it; the scrubber may be ahead).
  const update = (patch: Partial<ListOptions>) => setQuery(paramsFromOptions({ ...opts, ...patch }, { at: params.get('at') ?? undefined }));
  const onSort = (key: SortKey) => update({ sort: key, dir: opts.sort === key && opts.dir === 'asc' ? 'desc' : 'asc' });

  const past = inPast.value;
  const shownAt = pastStateAt.value;
  const state: InventoryState | undefined = past ? pastState.value : inventory.value;
  const { query, inStockOnly, showArchived, sort, dir } = opts;
  // Kept while the state and the options are: a seek changes the address (and renders "Rebuilding") before
  // its state arrives, and need not sort the list it already shows again.
  const { all, listed, total } = useMemo(() => {
    const items = state ? [...state.items.values()] : [];
    const o = { query, inStockOnly, showArchived, sort, dir };
    return { all: items, listed: listItems(items, o), total: items.filter((i) => !i.archived || showArchived).length };
  }, [state, query, inStockOnly, showArchived, sort, dir]);
  const caption = past && shownAt ? `Inventory as of ${when(shownAt, true)}` : 'Inventory';

  return (
    <section class="page" aria-labelledby="inventory-title">
      <div class="page-head">
        <h1 id="inventory-title" tabIndex={-1}>
          Inventory
        </h1>
        {state && all.length > 0 && (
          <div class="page-actions">
            <CsvExportButton items={listed} state={state} at={past ? viewAt.value : undefined} />
            {!past && (
              <button type="button" class="btn btn-primary" onClick={(e) => openDialog({ kind: 'newItem' }, e.currentTarget)}>
                New item
              </button>
            )}
          </div>
        )}
      </div>
      {/* Hidden on a brand-new, empty log (nothing to travel through) but kept while viewing the past. */}
      {(past || all.length > 0 || params.has('at')) && <TimeTravelBar />}
      {state && all.length === 0 ? (
        <EmptyInventory past={past} />
      ) : (
        state && (
          <>
            <div class="toolbar" role="search" aria-label="Filter the inventory">
              <input
                type="search"
                class="search"
                aria-label="Search items"
                placeholder="Search name, SKU, category, notes"
                value={opts.query}
                onInput={(e) => update({ query: e.currentTarget.value })}
              />
              <label class="check">
                <input type="checkbox" checked={opts.inStockOnly} onChange={(e) => update({ inStockOnly: e.currentTarget.checked })} />
                In stock only
              </label>
              <label class="check">
                <input type="checkbox" checked={opts.showArchived} onChange={(e) => update({ showArchived: e.currentTarget.checked })} />
                Show archived
              </label>
              <p class="count" role="status">
                {listed.length === total ? plural(listed.length, 'item') : `Showing ${listed.length.toLocaleString()} of ${plural(total, 'item')}`}
              </p>
            </div>
            {listed.length > 0 ? (
              <InventoryTable items={listed} sort={opts.sort} dir={opts.dir} onSort={onSort} editable={!past} until={past ? shownAt : undefined} caption={caption} busy={past ? undefined : tableBusy} />
            ) : (
              <div class="empty-small">
                <p>No items match these filters.</p>
                <button type="button" class="btn btn-secondary" onClick={() => update({ query: '', inStockOnly: false })}>
                  Clear search and filters
                </button>
              </div>
            )}
          </>
        )
      )}
    </section>
  );
}
