// "What do we collect most?": total quantity ever added per item, like the tutorial's get_most_collected
// (which counted ITEM_ADDED per name). Counts and moves are not collecting; undone additions never happened.
import { roundQty } from '../inventory';
import type { Projection } from './projection';

export interface Collected {
  /** itemId -> total quantity of its StockAdded events. */
  readonly totals: Map<string, number>;
}

// The accumulator's maps are mutated in place (init() makes them fresh per fold); a step that changes the
// answer returns a new shell so a signal holding it notices the change.
export const mostCollected: Projection<Collected> = {
  name: 'mostCollected',
  init: () => ({ totals: new Map() }),
  step(acc, { event }) {
    if (event.type !== 'StockAdded') return acc;
    const id = event.data.itemId;
    acc.totals.set(id, roundQty((acc.totals.get(id) ?? 0) + event.data.quantity));
    return { totals: acc.totals };
  },
};

export interface Ranked {
  itemId: string;
  quantity: number;
}

/** Highest totals first (ties by item id, so the order is stable). */
export function ranked(totals: ReadonlyMap<string, number>, limit: number): Ranked[] {
  return [...totals]
    .map(([itemId, quantity]) => ({ itemId, quantity }))
    .sort((a, b) => b.quantity - a.quantity || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0))
    .slice(0, limit);
}

export const topCollected = (acc: Collected, limit = 10): Ranked[] => ranked(acc.totals, limit);
