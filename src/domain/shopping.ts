// "What do I need to buy?": every listed item below its minimum, with how much brings it back to the minimum.
import { quantityOf, type InventoryState, type Item } from './inventory';
import { compareNames } from '../lib/compareNames';

export interface ShoppingEntry {
  item: Item;
  have: number;
  /** How many to buy to reach the minimum (quantities may be decimals, e.g. kg). */
  need: number;
}

export function shoppingList(state: InventoryState): ShoppingEntry[] {
  const out: ShoppingEntry[] = [];
  for (const item of state.items.values()) {
    if (!item.known || item.archived || item.minQuantity === undefined) continue;
    // A negative total (a conflict) counts as none on hand: buying to the minimum starts from zero.
    const have = quantityOf(item);
    const need = Math.round((item.minQuantity - Math.max(0, have)) * 1e9) / 1e9;
    if (need > 0) out.push({ item, have, need });
  }
  return out.sort((a, b) => compareNames(a.item.name, b.item.name) || (a.item.id < b.item.id ? -1 : 1));
}

/** The list as plain text, to share or paste: one line per item, "- Rice: 3 packs". */
export function shoppingText(entries: readonly ShoppingEntry[], amount: (n: number, item: Item) => string): string {
  return entries.map((e) => `- ${e.item.name}: ${amount(e.need, e.item)}`).join('\n');
}
