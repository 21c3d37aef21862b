// "What has nobody touched for a long time?": listed items whose last event is older than N days. A plain
// function of the head inventory: each item's `updatedAt` already is the time of its last event in history
// (undone ones excluded), so a separate fold would only repeat it. `now` is a parameter: the domain has no clock.
import { quantityOf, type InventoryState, type Item } from '../inventory';
import { DAY_MS, msOf } from './time';

export interface IdleRow {
  item: Item;
  quantity: number;
  lastEvent: string;
  /** Whole days since the last event. */
  idleDays: number;
}

/** Known, listed items idle for at least `days` days before `now` (epoch ms); longest idle first. */
export function notTouchedFor(state: InventoryState, now: number, days: number): IdleRow[] {
  const rows: IdleRow[] = [];
  for (const item of state.items.values()) {
    if (!item.known || item.archived) continue;
    const idle = now - msOf(item.updatedAt);
    if (!(idle >= days * DAY_MS)) continue;
    rows.push({ item, quantity: quantityOf(item), lastEvent: item.updatedAt, idleDays: Math.floor(idle / DAY_MS) });
  }
  return rows.sort((a, b) => b.idleDays - a.idleDays || a.item.name.localeCompare(b.item.name));
}
