// The inventory's filters: location, category, below minimum, in stock, archived. Their own module, loaded as the
// inventory opens (InventoryFilters): the first render of the table does not wait for them.
import { useMemo } from 'preact/hooks';
import { UNASSIGNED, type Item } from '../../domain/inventory';
import type { ListOptions } from './listing';
import { compareNames } from '../../lib/compareNames';

export interface FilterProps {
  opts: ListOptions;
  update: (patch: Partial<ListOptions>) => void;
  /** Every item of the state shown, for the choices of location and category. */
  all: readonly Item[];
}

function choices(items: readonly Item[]): { locations: string[]; categories: string[]; unassigned: boolean } {
  const locations = new Set<string>();
  const categories = new Set<string>();
  let unassigned = false;
  for (const i of items) {
    for (const l of Object.keys(i.stock)) if (l === UNASSIGNED) unassigned = true; else locations.add(l);
    if (i.category) categories.add(i.category);
  }
  return { locations: [...locations].sort(compareNames), categories: [...categories].sort(compareNames), unassigned };
}

const CHECKS: [key: 'belowMin' | 'inStockOnly' | 'showArchived' | 'showValue', label: string][] = [
  ['belowMin', 'Below minimum'],
  ['inStockOnly', 'In stock only'],
  ['showArchived', 'Show archived'],
  ['showValue', 'Show value'],
];

/** The option value of the unassigned bucket (a location named so still selects by name: its value is its name). */
const UNASSIGNED_OPTION = '\u0000unassigned';

export function FilterControls({ opts, update, all }: FilterProps) {
  const c = useMemo(() => choices(all), [all]);
  const where = opts.location === UNASSIGNED ? UNASSIGNED_OPTION : (opts.location ?? '');
  return (
    <>
      <select
        aria-label="Location"
        value={where}
        onChange={(e) => {
          const v = e.currentTarget.value;
          update({ location: v === '' ? undefined : v === UNASSIGNED_OPTION ? UNASSIGNED : v });
        }}
      >
        <option value="">All locations</option>
        {c.locations.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
        {c.unassigned && <option value={UNASSIGNED_OPTION}>Unassigned</option>}
      </select>
      <select aria-label="Category" value={opts.category ?? ''} onChange={(e) => update({ category: e.currentTarget.value || undefined })}>
        <option value="">All categories</option>
        {c.categories.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      {CHECKS.map(([key, label]) => (
        <label class="check" key={key}>
          <input type="checkbox" checked={Boolean(opts[key])} onChange={(e) => update({ [key]: e.currentTarget.checked })} />
          {label}
        </label>
      ))}
    </>
  );
}
