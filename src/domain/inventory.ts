// The inventory as a fold of the log. Folding never throws and never drops an event: a stock event
// for an unknown item makes a placeholder item marked `known: false`, and a negative quantity is kept; both are
// shown to the user as conflicts.
import type { InventoryEvent } from './events';
import { applyEvent, startDraft, type Draft } from './evolveItem';
import { historyKey } from './history';
import type { Item } from './item';

export { evolveItem } from './evolveItem';
export { hasConflict, isLowStock, quantityAt, quantityOf, roundQty, stockAt, UNASSIGNED, type Item } from './item';

export interface InventoryState {
  items: ReadonlyMap<string, Item>;
  /** Events folded into this state (reverted ones excluded). */
  eventCount: number;
  /** History key of the last event folded, '' for the empty state. */
  lastKey: string;
}

export const emptyState = (): InventoryState => ({ items: new Map(), eventCount: 0, lastKey: '' });

const NOTHING: ReadonlySet<string> = new Set();

/**
 * Folds `events` (in history order) onto `state`, skipping ids in `skip` (reverted events). Pure from the
 * caller's view: `state` and its items are never modified, items no event touches keep their identity (the UI
 * memoizes rows on it), and every touched item is a new object.
 *
 * Cost: the item map is copied once per call, each touched item once per call (then changed in place by the
 * call's later events, see Draft), and one history key is computed per call, not per event.
 */
export function fold(
  state: InventoryState,
  events: Iterable<InventoryEvent>,
  skip: ReadonlySet<string> = NOTHING,
  keyOf: (e: InventoryEvent) => string = historyKey,
): InventoryState {
  const items = new Map(state.items);
  // Items this call has copied: only these may be changed in place.
  const drafts = new Map<string, Draft>();
  let eventCount = state.eventCount;
  let last: InventoryEvent | undefined;
  for (const e of events) {
    last = e;
    if (skip.has(e.id)) continue;
    eventCount++;
    if (e.type === 'EventsReverted') continue;
    const id = e.data.itemId;
    let d = drafts.get(id);
    if (d === undefined) {
      d = startDraft(items.get(id), e);
      drafts.set(id, d);
      items.set(id, d.item);
    }
    applyEvent(d, e);
  }
  // The last event's key, skipped or not: the state is the state "at" that point of history.
  return { items, eventCount, lastKey: last === undefined ? state.lastKey : keyOf(last) };
}

/** The pure `evolve(state, event) -> state` of the design: one event, no reverts. */
export const evolve = (state: InventoryState, e: InventoryEvent): InventoryState => fold(state, [e]);
