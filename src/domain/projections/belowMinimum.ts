// "What should we reorder?": listed items whose quantity is under their minimum. A plain function of the head
// inventory rather than a Projection: the answer depends only on the current state, which is already folded.
import { isLowStock, quantityOf, type InventoryState, type Item } from '../inventory';

export interface BelowMinimumRow {
  item: Item;
  quantity: number;
  minimum: number;
  /** How many are needed to reach the minimum. */
  shortfall: number;
}

/** Known, listed items under their minimum; the emptiest (relative to its minimum) first. */
export function belowMinimum(state: InventoryState): BelowMinimumRow[] {
  const rows: BelowMinimumRow[] = [];
  for (const item of state.items.values()) {
    if (!item.known || item.archived || !isLowStock(item)) continue;
    const quantity = quantityOf(item);
    const minimum = item.minQuantity!;
    rows.push({ item, quantity, minimum, shortfall: Math.round((minimum - quantity) * 1e9) / 1e9 });
  }
  const fill = (r: BelowMinimumRow) => (r.minimum > 0 ? r.quantity / r.minimum : 0);
  return rows.sort((a, b) => fill(a) - fill(b) || b.shortfall - a.shortfall || a.item.name.localeCompare(b.item.name));
}
