// The start page: the inventory table, searchable and sortable, with the view in the query string.
// `?at=<RFC 3339>` shows the inventory as it was then, read-only (moment and past state: src/state/timeTravel,
// bound to the URL by src/ui/timetravel).
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { InventoryState, Item } from '../../domain/inventory';
import { computed } from '@preact/signals';
import { inventory, savingChange } from '../../state/app';
import { inPast, pastState, pastStateAt, viewAt } from '../../state/timeTravel';
import { openDialog } from '../forms/dialogs';
import { when } from '../format';
import { location, setQuery } from '../router';
import { Menu } from '../shell/Menu';
import { TimeTravelBar } from '../timetravel/TimeTravelBar';
import { lazyComponent } from '../lazy';
import { InventoryFilters } from './InventoryFilters';
import { InventoryTable } from './InventoryTable';
import { listItems, optionsFromParams, paramsFromOptions, type ListOptions, type SortKey } from './listing';

// Shown only on an empty log (or before the first item of a past moment): not part of the usual first render.
const EmptyInventory = lazyComponent(() => import('./EmptyInventory').then((m) => m.EmptyInventory), 'start page');

// The entries of the "More" menu, fetched once the inventory is shown (the menu is not needed before).
const InventoryMenu = lazyComponent(() => import('./InventoryMenu').then((m) => m.InventoryMenu), 'menu', { quiet: true });
export const preloadInventoryMenu = (): Promise<void> => InventoryMenu.preload();

// The value column and total: loaded when "Show value" is first ticked (it folds the whole log once).
let valueModule: Promise<typeof import('./value')> | undefined;
const LazyValueTotal = lazyComponent(() => (valueModule ??= import('./value')).then((m) => m.ValueTotal), 'value');

// Codes a merge left on two listed items: looked for only once some item has a code.
const CodeConflicts = lazyComponent(() => import('./CodeConflicts').then((m) => m.CodeConflicts), 'code conflicts', { quiet: true });

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
  const { query, location: where, category, belowMin, inStockOnly, showArchived, sort, dir } = opts;
  // Kept while the state and the options are: a seek changes the address (and renders "Rebuilding") before
  // its state arrives, and need not sort the list it already shows again.
  // The items as a list once per state: the conflicts of codes (CodeConflicts) are kept while only the filters change.
  const { all, coded } = useMemo(() => {
    const items = state ? [...state.items.values()] : [];
    return { all: items, coded: items.some((i) => i.codes) };
  }, [state]);
  const { listed, total } = useMemo(() => {
    const o = { query, location: where, category, belowMin, inStockOnly, showArchived, sort, dir };
    return { listed: listItems(all, o), total: all.filter((i) => !i.archived || showArchived).length };
  }, [all, query, where, category, belowMin, inStockOnly, showArchived, sort, dir]);
  // Not just "Inventory": the page's region has that name, and two landmarks must not share one.
  const caption = past && shownAt ? `Items as of ${when(shownAt, true)}` : 'Items in the inventory';
  const [travelOpen, setTravelOpen] = useState(false);
  // The value column's module once loaded (a render after that reads the costs' signal).
  const [value, setValue] = useState<typeof import('./value')>();
  const showValue = Boolean(opts.showValue) && !past;
  useEffect(() => {
    if (showValue && !value) void (valueModule ??= import('./value')).then(setValue, () => undefined);
  }, [showValue]);
  const costs = showValue ? value?.averageCosts() : undefined;
  const code = showValue ? value?.currencyCode() : undefined;
  const valueText = useMemo(() => (showValue && value ? (i: Item) => value.valueOf(i, costs?.get(i.id), code) : undefined), [showValue, value, costs, code]);

  return (
    <section class="page" aria-labelledby="inventory-title">
      <div class="page-head">
        <h1 id="inventory-title" tabIndex={-1}>
          Inventory
        </h1>
        {state && all.length > 0 && (
          <div class="page-actions">
            {!past && (
              <button type="button" class="btn btn-primary" onClick={(e) => openDialog({ kind: 'newItem' }, e.currentTarget)}>
                New item
              </button>
            )}
            <Menu id="inventory-more" label="More" ariaLabel="More actions">
              <InventoryMenu items={listed} state={state} past={past} onTimeTravel={() => setTravelOpen(true)} />
            </Menu>
          </div>
        )}
      </div>
      <TimeTravelBar open={travelOpen} onClose={() => setTravelOpen(false)} />
      {state && all.length === 0 ? (
        <EmptyInventory past={past} />
      ) : (
        state && (
          <>
            <InventoryFilters opts={opts} update={update} all={all} listed={listed.length} total={total} />
            {coded && <CodeConflicts items={all} at={past ? shownAt : undefined} />}
            {showValue && <LazyValueTotal items={listed} />}
            {listed.length > 0 ? (
              <InventoryTable items={listed} sort={opts.sort} dir={opts.dir} onSort={onSort} editable={!past} until={past ? shownAt : undefined} caption={caption} busy={past ? undefined : tableBusy} valueText={valueText} />
            ) : (
              <div class="empty-small">
                <p>No items match these filters.</p>
                <button type="button" class="btn btn-secondary" onClick={() => update({ query: '', inStockOnly: false, belowMin: false, location: undefined, category: undefined })}>
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
