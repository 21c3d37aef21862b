// What each label shows and points to, for the chosen items or locations. Pure, over the folded state.
import { UNASSIGNED, type InventoryState, type Item } from '../domain/inventory';
import { stockByLocation } from '../domain/locations';
import type { LabelChoice } from './selection';
import type { LabelTarget } from './urls';
import { compareNames } from '../lib/compareNames';

export interface LabelContent {
  /** Unique within a run. */
  key: string;
  target: LabelTarget;
  /** The name, in large type. */
  title: string;
  /** Smaller lines under it (SKU, where it is kept), as many as fit. */
  details: string[];
}

/** Where an item is kept, for its label: `at` when printing a location's items, else its places holding stock. */
function whereKept(item: Item, at: string | undefined): string | undefined {
  if (at !== undefined) return at === UNASSIGNED ? undefined : at;
  const places = Object.keys(item.stock)
    .filter((l) => l !== UNASSIGNED && item.stock[l]! > 0)
    .sort(compareNames);
  if (places.length <= 2) return places.join(', ') || undefined;
  return `${places.slice(0, 2).join(', ')} +${places.length - 2}`;
}

export function itemLabel(item: Item, at?: string): LabelContent {
  const where = whereKept(item, at);
  const details = [item.sku ? `SKU ${item.sku}` : undefined, where].filter((d): d is string => d !== undefined);
  return { key: `item:${item.id}`, target: { kind: 'item', id: item.id }, title: item.name, details };
}

export function locationLabel(name: string): LabelContent {
  return { key: `location:${name}`, target: { kind: 'location', name }, title: name, details: ['Location'] };
}

export interface ChosenLabels {
  labels: LabelContent[];
  /** Item ids asked for that this device does not hold. */
  missing: string[];
}

/**
 * The labels of a choice, in print order. The inventory's filter is the UI's to apply (`listFiltered`, the
 * inventory list's own function), so /labels prints exactly the rows that page shows.
 */
export function chosenLabels(state: InventoryState, choice: LabelChoice, listFiltered: (filter: [string, string][]) => Item[]): ChosenLabels {
  switch (choice.kind) {
    case 'items': {
      const found = choice.ids.map((id) => state.items.get(id));
      return {
        labels: found.filter((i): i is Item => i !== undefined).map((i) => itemLabel(i)),
        missing: choice.ids.filter((_, n) => found[n] === undefined),
      };
    }
    case 'locations':
      // A place with nothing stored yet still gets its label: a new shelf is labelled before it is filled.
      return { labels: choice.names.map(locationLabel), missing: [] };
    case 'allLocations':
      return {
        labels: stockByLocation(state)
          .filter((l) => l.location !== UNASSIGNED)
          .map((l) => locationLabel(l.location)),
        missing: [],
      };
    case 'filter': {
      const at = choice.filter.find(([k]) => k === 'loc')?.[1] ?? (choice.filter.some(([k, v]) => k === 'unassigned' && v === '1') ? UNASSIGNED : undefined);
      return { labels: listFiltered(choice.filter).map((i) => itemLabel(i, at)), missing: [] };
    }
    default: {
      const never: never = choice;
      throw new Error(`Unknown label choice ${JSON.stringify(never)}`);
    }
  }
}
