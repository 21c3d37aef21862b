// "Where was this item, and when?": per item, stays at each location, a stay lasting from the event that put
// stock there (from none) to the event that took the last of it away. The unassigned bucket is a location too.
import { stockAt } from '../inventory';
import type { Projection } from './projection';

export interface Stay {
  location: string;
  /** Time (RFC 3339, as recorded) of the event that brought stock here. */
  since: string;
  /** Time of the event that left none here; absent while stock is still here. */
  until?: string;
}

export interface LocationHistory {
  /** itemId -> stays in the order they began. */
  readonly byItem: Map<string, Stay[]>;
  /** itemId -> location -> its open stay (the same object as in byItem). */
  readonly open: Map<string, Map<string, Stay>>;
}

export const locationHistory: Projection<LocationHistory> = {
  name: 'locationHistory',
  init: () => ({ byItem: new Map(), open: new Map() }),
  step(acc, { event, before, after }) {
    // evolveItem keeps the stock object of events that do not touch stock.
    if (!after || before?.stock === after.stock) return acc;
    const was = before?.stock ?? {};
    let changed = false;
    for (const loc of new Set([...Object.keys(was), ...Object.keys(after.stock)])) {
      const here = stockAt(after.stock, loc) > 0;
      if (((was[loc] ?? 0) > 0) === here) continue;
      changed = true;
      let open = acc.open.get(after.id);
      if (!open) acc.open.set(after.id, (open = new Map()));
      if (here) {
        const stay: Stay = { location: loc, since: event.time };
        open.set(loc, stay);
        let stays = acc.byItem.get(after.id);
        if (!stays) acc.byItem.set(after.id, (stays = []));
        stays.push(stay);
      } else {
        const stay = open.get(loc);
        if (stay) stay.until = event.time;
        open.delete(loc);
      }
    }
    return changed ? { ...acc } : acc;
  },
};

/** Stays of one item, newest first (what a person asks first is "where is it now / where was it last"). */
export const staysOf = (acc: LocationHistory, itemId: string): Stay[] => [...(acc.byItem.get(itemId) ?? [])].reverse();
