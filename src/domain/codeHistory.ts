// One code names one listed item at every point of history, not only at the head: an undo of an old archive, or a
// command placed before future-dated events, changes a stretch of history, and a clash may begin anywhere in it.
import { findByCode, type CodeClash } from './codes';
import { listed } from './listed';
import type { InventoryEvent } from './events';
import { evolveItem } from './evolveItem';
import type { InventoryState } from './inventory';
import type { Item } from './item';

/** Whether `e` may give an item a code that another has: codes set, or an item listed again. */
export const mayClash = (e: InventoryEvent): boolean =>
  (e.type === 'ItemCreated' && e.data.codes !== undefined) || (e.type === 'ItemUpdated' && e.data.changes.codes !== undefined) || e.type === 'ItemRestored';

/** Whether `a` and `b` both listed with `code` in `items`. */
function share(items: ReadonlyMap<string, Item>, code: string, a: string, b: string): boolean {
  const x = items.get(a);
  const y = items.get(b);
  return !!x && !!y && listed(x) && listed(y) && !!x.codes?.includes(code) && !!y.codes?.includes(code);
}

/**
 * The first clash that history from `start` through `events` (history order) has when the events in `skipAfter` are
 * left out, and does not have when those in `skipBefore` are: what a change of the undone set (an undo or redo) or
 * of the events (a command placed among them) would bring. A clash can only begin where an item gets a code or is
 * listed again, so only those events look for one: one pass, one item evolved per event.
 */
export function clashInHistory(start: InventoryState, events: readonly InventoryEvent[], skipBefore: ReadonlySet<string>, skipAfter: ReadonlySet<string>): CodeClash | undefined {
  const was = new Map(start.items);
  const now = new Map(start.items);
  for (const e of events) {
    if (e.type === 'EventsReverted') continue;
    const id = e.data.itemId;
    if (!skipBefore.has(e.id)) was.set(id, evolveItem(was.get(id), e)!);
    if (skipAfter.has(e.id)) continue;
    const item = evolveItem(now.get(id), e)!;
    now.set(id, item);
    if (!mayClash(e) || !listed(item)) continue;
    for (const code of item.codes ?? []) {
      const other = findByCode(now.values(), code, id);
      if (other && !share(was, code, id, other.id)) return { code, item, other };
    }
  }
  return undefined;
}
