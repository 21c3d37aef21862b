import { describe, expect, it } from 'vitest';
import { locationHistory, staysOf } from '../../src/domain/projections/locationHistory';
import { project } from '../../src/domain/projections/run';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

describe('locationHistory', () => {
  it('records a stay from the event that brought stock to a location until the one that emptied it', () => {
    const log = eventLog();
    const t1 = log.add('StockAdded', { itemId: 'a', quantity: 3, location: 'Shelf' }).time;
    log.add('StockAdded', { itemId: 'a', quantity: 1, location: 'Shelf' });
    const t3 = log.add('StockMoved', { itemId: 'a', quantity: 2, from: 'Shelf', to: 'Van' }).time;
    const t4 = log.add('StockMoved', { itemId: 'a', quantity: 2, from: 'Shelf', to: 'Van' }).time;
    const t5 = log.add('StockRemoved', { itemId: 'a', quantity: 4, location: 'Van' }).time;
    const t6 = log.add('StockCounted', { itemId: 'a', counted: 1 }).time;
    log.add('ItemUpdated', { itemId: 'a', changes: { name: { to: 'Rope' } } });
    const acc = project(locationHistory, log.events);
    expect(staysOf(acc, 'a')).toEqual([
      { location: '', since: t6 },
      { location: 'Van', since: t3, until: t5 },
      { location: 'Shelf', since: t1, until: t4 },
    ]);
  });

  it('a negative quantity at a location is not stock there, and undone events never happened', () => {
    const log = eventLog();
    const undone = log.add('StockAdded', { itemId: 'a', quantity: 1, location: 'Bin' });
    log.add('StockRemoved', { itemId: 'a', quantity: 2, location: 'Attic' });
    expect(staysOf(project(locationHistory, log.events, new Set([undone.id])), 'a')).toEqual([]);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(locationHistory, (acc) => acc.byItem);
  });
});
