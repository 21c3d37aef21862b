import { describe, expect, it } from 'vitest';
import { attributeKeys, itemOrigins, itemsByValue, keysOf, valuesOf } from '../../src/domain/projections/itemOrigins';
import { project } from '../../src/domain/projections/run';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

describe('itemOrigins', () => {
  it('gives the values each item came with for an attribute and the units each brought, ignoring removals, counts and undone additions', () => {
    const log = eventLog();
    log.add('ItemCreated', { itemId: 'sword', name: 'Sword', attributes: { origin: 'forge' } });
    log.add('StockAdded', { itemId: 'sword', quantity: 1, attributes: { origin: 'castle', rarity: 'rare' } });
    log.add('StockAdded', { itemId: 'sword', quantity: 2, attributes: { origin: 'dungeon' } });
    log.add('StockAdded', { itemId: 'sword', quantity: 1, location: 'Shelf', attributes: { origin: 'castle' } });
    log.add('StockAdded', { itemId: 'potion', quantity: 0.5, attributes: { origin: 'village', rarity: 'common' } });
    log.add('StockAdded', { itemId: 'potion', quantity: 3 });
    const undone = log.add('StockAdded', { itemId: 'potion', quantity: 9, attributes: { origin: 'tower' } });
    log.add('StockRemoved', { itemId: 'sword', quantity: 3 });
    log.add('StockCounted', { itemId: 'potion', counted: 0 });
    log.add('EventsReverted', { eventIds: [undone.id] });
    const acc = project(itemOrigins, log.events, new Set([undone.id]));
    expect(valuesOf(acc, 'origin', 'sword')).toEqual([
      { value: 'castle', quantity: 2 },
      { value: 'dungeon', quantity: 2 },
    ]);
    expect(itemsByValue(acc, 'origin')).toEqual([
      { itemId: 'sword', total: 4, values: valuesOf(acc, 'origin', 'sword') },
      { itemId: 'potion', total: 0.5, values: [{ value: 'village', quantity: 0.5 }] },
    ]);
    expect(itemsByValue(acc, 'rarity').map((r) => [r.itemId, r.values])).toEqual([
      ['sword', [{ value: 'rare', quantity: 1 }]],
      ['potion', [{ value: 'common', quantity: 0.5 }]],
    ]);
  });

  it('orders attribute keys by how many additions carried them, so the most common is the default', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'a', quantity: 5, attributes: { supplier: 'Acme' } });
    log.add('StockAdded', { itemId: 'a', quantity: 1, attributes: { origin: 'x', batch: 7 } });
    log.add('StockAdded', { itemId: 'b', quantity: 1, attributes: { origin: 'y', batch: 8 } });
    log.add('StockAdded', { itemId: 'b', quantity: 1, attributes: { origin: 'y' } });
    const acc = project(itemOrigins, log.events);
    expect(attributeKeys(acc)).toEqual(['origin', 'batch', 'supplier']);
    expect(keysOf(acc, 'a')).toEqual(['origin', 'batch', 'supplier']);
    expect(keysOf(acc, 'b')).toEqual(['origin', 'batch']);
  });

  it('keeps a number and the same digits as text apart, and sums decimals without floating-point noise', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'a', quantity: 0.1, attributes: { grade: 1 } });
    log.add('StockAdded', { itemId: 'a', quantity: 0.2, attributes: { grade: 1 } });
    log.add('StockAdded', { itemId: 'a', quantity: 0.3, attributes: { grade: '1' } });
    expect(valuesOf(project(itemOrigins, log.events), 'grade', 'a')).toEqual([
      { value: 1, quantity: 0.3 },
      { value: '1', quantity: 0.3 },
    ]);
  });

  it('is empty for a log without attributes on additions', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'a', quantity: 1, attributes: {} });
    const acc = project(itemOrigins, log.events);
    expect(attributeKeys(acc)).toEqual([]);
    expect(itemsByValue(acc, 'origin')).toEqual([]);
    expect(valuesOf(acc, 'origin', 'a')).toEqual([]);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(itemOrigins, (acc) => attributeKeys(acc).map((key) => [key, itemsByValue(acc, key)]));
  });
});
