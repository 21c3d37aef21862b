// "What changed between these two moments?": the difference of two folded states. Pure, so the compare page
// and its tests agree on what "created", "archived" and "renamed" mean.
import { quantityOf, roundQty, type InventoryState, type Item } from '../inventory';

export interface Renamed {
  item: Item;
  from: string;
  to: string;
}

export interface QuantityChange {
  itemId: string;
  /** The item as it is at the later moment (or the earlier one, if it vanished through an undo). */
  item: Item;
  location: string;
  before: number;
  after: number;
  diff: number;
}

export interface StateDiff {
  /** Items that exist at the later moment but not (as known items) at the earlier one. */
  created: Item[];
  archived: Item[];
  restored: Item[];
  renamed: Renamed[];
  /** One row per item and location whose quantity differs. */
  changes: QuantityChange[];
  /** Per item: total before and after, for items with any change. */
  totals: { item: Item; before: number; after: number; diff: number }[];
}

const byName = (a: Item, b: Item) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function diffStates(before: InventoryState, after: InventoryState): StateDiff {
  const out: StateDiff = { created: [], archived: [], restored: [], renamed: [], changes: [], totals: [] };
  const ids = new Set([...before.items.keys(), ...after.items.keys()]);
  for (const id of ids) {
    const b = before.items.get(id);
    const a = after.items.get(id);
    const item = (a ?? b)!;
    const existedBefore = b?.known === true;
    if (a?.known && !existedBefore) out.created.push(a);
    if (a?.archived && !b?.archived) out.archived.push(a);
    if (a && b?.archived && !a.archived) out.restored.push(a);
    if (a && existedBefore && a.known && a.name !== b!.name) out.renamed.push({ item: a, from: b!.name, to: a.name });
    const bs = b?.stock ?? {};
    const as = a?.stock ?? {};
    let changed = false;
    for (const location of new Set([...Object.keys(bs), ...Object.keys(as)])) {
      const q0 = bs[location] ?? 0;
      const q1 = as[location] ?? 0;
      if (q0 === q1) continue;
      changed = true;
      out.changes.push({ itemId: id, item, location, before: q0, after: q1, diff: roundQty(q1 - q0) });
    }
    if (changed) {
      const t0 = b ? quantityOf(b) : 0;
      const t1 = a ? quantityOf(a) : 0;
      out.totals.push({ item, before: t0, after: t1, diff: roundQty(t1 - t0) });
    }
  }
  out.created.sort(byName);
  out.archived.sort(byName);
  out.restored.sort(byName);
  out.renamed.sort((x, y) => byName(x.item, y.item));
  out.totals.sort((x, y) => byName(x.item, y.item));
  // Named locations alphabetically within an item, the unassigned bucket ('') first.
  out.changes.sort((x, y) => byName(x.item, y.item) || x.location.localeCompare(y.location));
  return out;
}
