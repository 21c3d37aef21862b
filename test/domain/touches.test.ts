// What each event type touches, asked in one place (src/domain/touches.ts) by undo, projections and the history.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType, type InventoryEvent } from '../../src/domain/events';
import { itemIdOf, locationsOf, STOCK_TYPES } from '../../src/domain/touches';
import { added, archived, counted, created, edited, moved, removed, restored, reverted } from '../support/events';

/** One event of every type (a Record, so a new event type fails to compile here until it has a case). */
const ONE_OF_EACH: Record<EventType, { event: InventoryEvent; item: string | undefined; locations: string[] }> = {
  ItemCreated: { event: created({ item: 'i1', name: 'Sword' }), item: 'i1', locations: [] },
  ItemUpdated: { event: edited({ item: 'i1', changes: { name: { from: 'Sword', to: 'Sabre' } } }), item: 'i1', locations: [] },
  StockAdded: { event: added({ item: 'i1', quantity: 2, location: 'Shelf A' }), item: 'i1', locations: ['Shelf A'] },
  StockRemoved: { event: removed({ item: 'i1', quantity: 1 }), item: 'i1', locations: [''] },
  StockMoved: { event: moved({ item: 'i1', quantity: 1, from: 'Shelf A', to: 'Van' }), item: 'i1', locations: ['Shelf A', 'Van'] },
  StockCounted: { event: counted({ item: 'i1', counted: 4, location: 'Van' }), item: 'i1', locations: ['Van'] },
  ItemArchived: { event: archived({ item: 'i1' }), item: 'i1', locations: [] },
  ItemRestored: { event: restored({ item: 'i1' }), item: 'i1', locations: [] },
  EventsReverted: { event: reverted({ events: ['e-1'] }), item: undefined, locations: [] },
};

describe('what an event touches', () => {
  it.each(EVENT_TYPES)('%s: its item and the locations whose stock it changes', (type) => {
    const { event, item, locations } = ONE_OF_EACH[type];
    expect(itemIdOf(event)).toBe(item);
    expect(locationsOf(event)).toEqual(locations);
  });

  it('counts a move from or to nowhere as the unassigned bucket', () => {
    expect(locationsOf(moved({ item: 'i1', quantity: 1, to: 'Van' }))).toEqual(['', 'Van']);
    expect(locationsOf(moved({ item: 'i1', quantity: 1, from: 'Van' }))).toEqual(['Van', '']);
  });

  it('lists as stock types exactly the types that change stock somewhere', () => {
    expect(STOCK_TYPES).toEqual(EVENT_TYPES.filter((t) => locationsOf(ONE_OF_EACH[t].event).length > 0));
    expect(STOCK_TYPES).toEqual(['StockAdded', 'StockRemoved', 'StockMoved', 'StockCounted']);
  });

  it('refuses an event of a type it does not know, rather than answering "nothing"', () => {
    const unknown = { ...ONE_OF_EACH.StockAdded.event, type: 'StockScrapped' } as unknown as InventoryEvent;
    expect(() => locationsOf(unknown)).toThrow(/Unhandled/);
    expect(() => itemIdOf(unknown)).toThrow(/Unhandled/);
  });
});
