// Undo and redo: an EventsReverted names events that are then treated as never having happened. Before
// appending one we re-fold the affected stretch of history both ways and refuse when a later event would newly
// leave a negative quantity or an item that no longer exists.
import { evolveItem, stockAt, type InventoryState, type Item } from './inventory';
import { makeEvent, refuse, type DecideContext, type Decision } from './commands';
import { LIMITS, type InventoryEvent } from './events';
import { itemIdOf, locationsOf } from './touches';

/** Whether the item after `e` (an event about it) is one `e` should not leave: unknown, or negative where `e` acts. */
function brokenBy(item: Item, e: InventoryEvent): boolean {
  if (!item.known) return true;
  return locationsOf(e).some((loc) => stockAt(item.stock, loc) < 0);
}

/**
 * Events (from `events`, the history after `start`) that are fine under `oldSkip` but broken under `newSkip`:
 * they would act on an item that does not exist or leave a negative quantity where they act.
 */
export function findDependents(
  start: InventoryState,
  events: readonly InventoryEvent[],
  oldSkip: ReadonlySet<string>,
  newSkip: ReadonlySet<string>,
): InventoryEvent[] {
  const before = new Map(start.items);
  const after = new Map(start.items);
  const out: InventoryEvent[] = [];
  for (const e of events) {
    const id = itemIdOf(e);
    if (id === undefined) continue;
    let okBefore = true;
    if (!oldSkip.has(e.id)) {
      const b = evolveItem(before.get(id), e)!;
      before.set(id, b);
      okBefore = !brokenBy(b, e);
    }
    if (!newSkip.has(e.id)) {
      const a = evolveItem(after.get(id), e)!;
      after.set(id, a);
      if (brokenBy(a, e) && okBefore) out.push(e);
    }
  }
  return out;
}

/** Validates the shape of an undo request; history checks are the caller's (they need the log). */
export function decideRevert(
  eventIds: readonly string[],
  reason: string | undefined,
  ctx: DecideContext,
): Decision {
  const ids = [...new Set(eventIds)];
  if (ids.length === 0) return refuse('Choose at least one event to undo.');
  // One EventsReverted names at most LIMITS.revertIds events; a larger group (a big import) becomes several,
  // appended together.
  const events: InventoryEvent[] = [];
  for (let i = 0; i < ids.length; i += LIMITS.revertIds) {
    events.push(makeEvent('EventsReverted', { eventIds: ids.slice(i, i + LIMITS.revertIds), ...(reason ? { reason } : {}) }, ctx));
  }
  return { ok: true, events };
}
