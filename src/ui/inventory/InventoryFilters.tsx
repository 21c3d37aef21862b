// The inventory's search (sticky: it stays in reach while scrolling a long list) and its filters, all held in
// the address (spec §6: `?q=`; `loc`, `unassigned`, `cat`, `low`, `instock`, `archived`). On a phone the filters
// fold away behind a button that says how many are on. The filter controls load as the inventory opens.
import { useState } from 'preact/hooks';
import { plural } from '../format';
import { lazyComponent } from '../lazy';
import type { FilterProps } from './FilterControls';

const Controls = lazyComponent(() => import('./FilterControls').then((m) => m.FilterControls), 'filters', { quiet: true });
void Controls.preload();

interface Props extends FilterProps {
  listed: number;
  total: number;
}

export function InventoryFilters({ opts, update, all, listed, total }: Props) {
  const [open, setOpen] = useState(false);
  const on = Number(opts.location !== undefined) + Number(opts.category !== undefined) + Number(Boolean(opts.belowMin)) + Number(opts.inStockOnly) + Number(opts.showArchived);
  return (
    <>
      <div class="search-bar" role="search" aria-label="Search the inventory">
        <input
          type="search"
          class="search"
          aria-label="Search items"
          placeholder="Search name, SKU, category, notes, location"
          value={opts.query}
          onInput={(e) => update({ query: e.currentTarget.value })}
        />
        <button type="button" class="btn btn-secondary filters-button" aria-expanded={open} aria-controls="inventory-filters" onClick={() => setOpen(!open)}>
          Filters{on ? ` (${on})` : ''}
        </button>
      </div>
      <div id="inventory-filters" class={`toolbar${open ? ' is-open' : ''}`} role="group" aria-label="Filters">
        <Controls opts={opts} update={update} all={all} />
      </div>
      <p class="count" role="status">
        {listed === total ? plural(listed, 'item') : `Showing ${listed.toLocaleString()} of ${plural(total, 'item')}`}
      </p>
    </>
  );
}
