import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { groupCounts, touchesLocation, typesForLocation } from '../../src/ui/history/eventFilters';
import { undoneCount } from '../../src/ui/undoWhole';

let n = 0;
const ev = (type: InventoryEvent['type'], data: Record<string, unknown>, correlationid?: string): InventoryEvent =>
  ({
    specversion: '1.0',
    id: `e${++n}`,
    source: 'eventory:device:test',
    type,
    time: '2026-03-01T10:00:00.000Z',
    dataversion: 1,
    data,
    ...(correlationid ? { correlationid } : {}),
  }) as unknown as InventoryEvent;

describe('touchesLocation', () => {
  it('matches adds, removals and counts at the location, and both ends of a move', () => {
    expect(touchesLocation(ev('StockAdded', { itemId: 'i', quantity: 1, location: 'Shelf A' }), 'Shelf A')).toBe(true);
    expect(touchesLocation(ev('StockAdded', { itemId: 'i', quantity: 1, location: 'Shelf A' }), 'Van')).toBe(false);
    expect(touchesLocation(ev('StockRemoved', { itemId: 'i', quantity: 1, location: 'Van' }), 'Van')).toBe(true);
    expect(touchesLocation(ev('StockCounted', { itemId: 'i', counted: 4, location: 'Van' }), 'Van')).toBe(true);
    const move = ev('StockMoved', { itemId: 'i', quantity: 1, from: 'Shelf A', to: 'Van' });
    expect([touchesLocation(move, 'Shelf A'), touchesLocation(move, 'Van'), touchesLocation(move, 'Attic')]).toEqual([true, true, false]);
  });
  it('treats a missing location as the unassigned bucket', () => {
    expect(touchesLocation(ev('StockAdded', { itemId: 'i', quantity: 1 }), '')).toBe(true);
    expect(touchesLocation(ev('StockAdded', { itemId: 'i', quantity: 1, location: 'Van' }), '')).toBe(false);
    expect(touchesLocation(ev('StockMoved', { itemId: 'i', quantity: 1, to: 'Van' }), '')).toBe(true);
    expect(touchesLocation(ev('StockCounted', { itemId: 'i', counted: 0 }), '')).toBe(true);
  });
  it('never matches events that do not change stock', () => {
    expect(touchesLocation(ev('ItemCreated', { itemId: 'i', name: 'Sword' }), '')).toBe(false);
    expect(touchesLocation(ev('EventsReverted', { eventIds: ['x'] }), '')).toBe(false);
  });
});

describe('typesForLocation', () => {
  it('asks for stock events only, within the kinds selected', () => {
    expect(typesForLocation([])).toEqual(['StockAdded', 'StockRemoved', 'StockMoved', 'StockCounted']);
    expect(typesForLocation(['StockMoved', 'ItemCreated'])).toEqual(['StockMoved']);
    expect(typesForLocation(['ItemCreated'])).toEqual(['ItemCreated']);
  });
});

describe('group sizes', () => {
  it('counts the events of each correlation id in a list', () => {
    const list = [ev('StockAdded', {}, 'g1'), ev('StockAdded', {}), ev('StockRemoved', {}, 'g1'), ev('StockAdded', {}, 'g2')];
    expect([...groupCounts(list)]).toEqual([
      ['g1', 2],
      ['g2', 1],
    ]);
  });
  it('counts the events a (possibly split) undo names', () => {
    const reverts = [ev('EventsReverted', { eventIds: ['a', 'b'] }, 'r'), ev('EventsReverted', { eventIds: ['c'] }, 'r')];
    expect(undoneCount(reverts)).toBe(3);
    expect(undoneCount([])).toBe(0);
  });
});
