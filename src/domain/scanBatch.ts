// Stock recorded by scanning (a stocktake, or goods coming in): one action of several items at one location,
// one event per item sharing a correlation id, so it is shown, undone and redone as one. Pure, like planRename.
import { quantityAt, roundQty, type InventoryState } from './inventory';
import { validateLocation, validatePositive } from './validation';

/** `count`: each line is what was counted there (StockCounted); `add`: what arrived there (StockAdded). */
export type ScanMode = 'count' | 'add';

export interface ScanLine {
  itemId: string;
  quantity: number;
}

export type ScanPlan =
  | { ok: true; location: string | undefined; lines: { itemId: string; quantity: number; expected: number }[] }
  | { ok: false; error: string };

/**
 * What recording `lines` at `location` (trimmed, undefined for none: decide cleans it) writes. A count may be 0 (counted none); an addition of 0 is left out.
 * Refused: no lines, an item twice, an item that is not listed, a bad quantity or location name.
 */
export function planScans(state: InventoryState, mode: ScanMode, location: string | undefined, lines: readonly ScanLine[]): ScanPlan {
  const badPlace = validateLocation('location', location);
  if (badPlace) return { ok: false, error: `The location name is not valid: ${badPlace.location}` };
  const seen = new Set<string>();
  const out: { itemId: string; quantity: number; expected: number }[] = [];
  for (const line of lines) {
    const item = state.items.get(line.itemId);
    if (!item || !item.known) return { ok: false, error: 'An item in the list no longer exists.' };
    if (item.archived) return { ok: false, error: `“${item.name}” is archived. Restore it first, or take it off the list.` };
    if (seen.has(item.id)) return { ok: false, error: `“${item.name}” is in the list twice.` };
    seen.add(item.id);
    const bad = validatePositive('quantity', line.quantity, true);
    if (bad) return { ok: false, error: `“${item.name}”: ${bad.quantity}` };
    if (mode === 'add' && line.quantity === 0) continue;
    out.push({ itemId: item.id, quantity: line.quantity, expected: roundQty(quantityAt(item, location)) });
  }
  if (out.length === 0) return { ok: false, error: mode === 'count' ? 'Nothing was counted yet: scan an item first.' : 'Nothing to add yet: scan an item first.' };
  return { ok: true, location, lines: out };
}
