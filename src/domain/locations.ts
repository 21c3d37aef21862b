// Locations as the user sees them: each place with what is stored there. Pure, over the folded state.
import { UNASSIGNED, type InventoryState, type Item } from './inventory';
import { compareNames } from '../lib/compareNames';

export interface LocationStock {
  /** The location's name; UNASSIGNED for stock without one. */
  location: string;
  /** Listed items with stock here (archived ones are not listed), by name. */
  items: { item: Item; quantity: number }[];
}

const byName = (a: { item: Item }, b: { item: Item }): number => compareNames(a.item.name, b.item.name) || (a.item.id < b.item.id ? -1 : 1);

/** Every location holding stock of a listed item, named ones alphabetically, the unassigned bucket last. */
export function stockByLocation(state: InventoryState): LocationStock[] {
  const by = new Map<string, LocationStock>();
  for (const item of state.items.values()) {
    if (item.archived) continue;
    for (const [location, quantity] of Object.entries(item.stock)) {
      if (quantity === 0) continue;
      let l = by.get(location);
      if (!l) by.set(location, (l = { location, items: [] }));
      l.items.push({ item, quantity });
    }
  }
  for (const l of by.values()) l.items.sort(byName);
  return [...by.values()].sort((a, b) => Number(a.location === UNASSIGNED) - Number(b.location === UNASSIGNED) || compareNames(a.location, b.location));
}

/** What is stored at `location` (exact name), or undefined when nothing listed is there. One location's items only. */
export function stockAtLocation(state: InventoryState, location: string): LocationStock | undefined {
  const items: LocationStock['items'] = [];
  for (const item of state.items.values()) {
    // Own keys only: a location may be named like an Object property ("constructor").
    const quantity = Object.hasOwn(item.stock, location) ? item.stock[location]! : 0;
    if (!item.archived && quantity !== 0) items.push({ item, quantity });
  }
  return items.length === 0 ? undefined : { location, items: items.sort(byName) };
}
