// "Where did it come from?": for each attribute recorded on additions (the tutorial's origin, a supplier, a
// rarity, …), the values each item came with and how many units each brought. The tutorial's get_item_origins
// (the set of origins per item name), for any attribute and with quantities. Undone additions never happened;
// a removal does not change where the stock came from, as in the tutorial.
import type { AttributeValue } from '../events';
import { roundQty } from '../inventory';
import type { Projection } from './projection';

export interface ItemOrigins {
  /** attribute key -> itemId -> value -> units added with that value. */
  readonly byKey: Map<string, Map<string, Map<AttributeValue, number>>>;
  /** attribute key -> number of additions that carried it. */
  readonly uses: Map<string, number>;
}

// Maps are mutated in place (init() makes fresh ones per fold); a step that changes the answer returns a new
// shell so a signal holding it notices.
export const itemOrigins: Projection<ItemOrigins> = {
  name: 'itemOrigins',
  init: () => ({ byKey: new Map(), uses: new Map() }),
  step(acc, { event }) {
    if (event.type !== 'StockAdded' || !event.data.attributes) return acc;
    const { itemId, quantity, attributes } = event.data;
    const entries = Object.entries(attributes);
    if (entries.length === 0) return acc;
    for (const [key, value] of entries) {
      acc.uses.set(key, (acc.uses.get(key) ?? 0) + 1);
      let items = acc.byKey.get(key);
      if (!items) acc.byKey.set(key, (items = new Map()));
      let values = items.get(itemId);
      if (!values) items.set(itemId, (values = new Map()));
      values.set(value, roundQty((values.get(value) ?? 0) + quantity));
    }
    return { byKey: acc.byKey, uses: acc.uses };
  },
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Attribute keys, the one carried by most additions first (ties by key): the first is the one to show first. */
export const attributeKeys = (acc: ItemOrigins): string[] => [...acc.uses].sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).map(([key]) => key);

export interface ValueShare {
  value: AttributeValue;
  /** Units added with this value. */
  quantity: number;
}

function shares(values: ReadonlyMap<AttributeValue, number>): ValueShare[] {
  return [...values].map(([value, quantity]) => ({ value, quantity })).sort((a, b) => b.quantity - a.quantity || byText(String(a.value), String(b.value)) || byText(typeof a.value, typeof b.value));
}

/** The values `itemId` came with for `key`, most units first (ties by the value as text, then its kind). */
export const valuesOf = (acc: ItemOrigins, key: string, itemId: string): ValueShare[] => shares(acc.byKey.get(key)?.get(itemId) ?? new Map());

export interface ItemValues {
  itemId: string;
  /** Units added with any value of the key. */
  total: number;
  values: ValueShare[];
}

/** Every item that came with some value of `key`, most units first (ties by item id). */
export function itemsByValue(acc: ItemOrigins, key: string): ItemValues[] {
  return [...(acc.byKey.get(key) ?? new Map<string, Map<AttributeValue, number>>())]
    .map(([itemId, values]) => ({ itemId, total: roundQty([...values.values()].reduce((s, q) => s + q, 0)), values: shares(values) }))
    .sort((a, b) => b.total - a.total || byText(a.itemId, b.itemId));
}

/** The attribute keys `itemId` came with, in the order of attributeKeys. */
export const keysOf = (acc: ItemOrigins, itemId: string): string[] => attributeKeys(acc).filter((key) => acc.byKey.get(key)?.has(itemId));
