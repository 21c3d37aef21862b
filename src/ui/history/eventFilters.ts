// Filters the history applies in the page rather than in readHistory (which knows items, types and times), and
// the size of the groups of events a loaded list shows. Pure, so they are tested without a browser.
import type { EventType, InventoryEvent } from '../../domain/events';
import { locationsOf, STOCK_TYPES } from '../../domain/touches';

/** Whether `e` changed the stock at `location` ('' = the unassigned bucket, as in Item.stock). */
export const touchesLocation = (e: InventoryEvent, location: string): boolean => locationsOf(e).includes(location);

/** The types to ask readHistory for when the page keeps only one location's events: stock events only. */
export function typesForLocation(selected: readonly EventType[]): EventType[] {
  const stock = STOCK_TYPES.filter((t) => selected.length === 0 || selected.includes(t));
  // None of the selected kinds touch a location: keep the selection, the page filter then matches nothing.
  return stock.length ? stock : [...selected];
}

/** Events per correlation id in `events`. */
export function groupCounts(events: readonly InventoryEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) if (e.correlationid !== undefined) counts.set(e.correlationid, (counts.get(e.correlationid) ?? 0) + 1);
  return counts;
}
