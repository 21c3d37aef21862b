import { describe, expect, it } from 'vitest';
import { mostCollected, topCollected } from '../../src/domain/projections/mostCollected';
import { project } from '../../src/domain/projections/run';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

describe('mostCollected', () => {
  it('ranks items by the total quantity ever added, ignoring removals, counts, moves and undone additions', () => {
    const log = eventLog();
    log.add('ItemCreated', { itemId: 'sword', name: 'Sword' });
    log.add('ItemCreated', { itemId: 'rope', name: 'Rope' });
    log.add('StockAdded', { itemId: 'sword', quantity: 2 });
    log.add('StockAdded', { itemId: 'rope', quantity: 1.5, location: 'Van' });
    log.add('StockAdded', { itemId: 'sword', quantity: 1, location: 'Shelf' });
    const undone = log.add('StockAdded', { itemId: 'rope', quantity: 100 });
    log.add('StockRemoved', { itemId: 'sword', quantity: 3 });
    log.add('StockCounted', { itemId: 'rope', counted: 50 });
    log.add('StockMoved', { itemId: 'rope', quantity: 1, from: 'Van' });
    log.add('EventsReverted', { eventIds: [undone.id] });
    const acc = project(mostCollected, log.events, new Set([undone.id]));
    expect(topCollected(acc)).toEqual([
      { itemId: 'sword', quantity: 3 },
      { itemId: 'rope', quantity: 1.5 },
    ]);
    expect(topCollected(acc, 1)).toEqual([{ itemId: 'sword', quantity: 3 }]);
  });

  it('sums decimals without floating-point noise and breaks ties by item id', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'b', quantity: 0.1 });
    log.add('StockAdded', { itemId: 'b', quantity: 0.2 });
    log.add('StockAdded', { itemId: 'a', quantity: 0.3 });
    expect(topCollected(project(mostCollected, log.events))).toEqual([
      { itemId: 'a', quantity: 0.3 },
      { itemId: 'b', quantity: 0.3 },
    ]);
  });

  it('is empty for a log without additions', () => {
    expect(topCollected(project(mostCollected, []))).toEqual([]);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(mostCollected, (acc) => topCollected(acc, 100));
  });
});
