import { describe, expect, it } from 'vitest';
import { project } from '../../src/domain/projections/run';
import { stockValueOverTime, unpricedItems } from '../../src/domain/projections/stockValueOverTime';
import { dayLabel } from '../../src/domain/projections/time';
import { eventLog } from './build';
import { expectIncrementalEqualsScratch } from './arbitraries';

const series = (acc: { days: number[]; values: number[] }) => acc.days.map((d, i) => [dayLabel(d), acc.values[i]]);

describe('stockValueOverTime', () => {
  it('values stock at the weighted average unit cost and records the total at the end of each UTC day', () => {
    const log = eventLog();
    log.at('2026-03-01T09:00:00Z', 'StockAdded', { itemId: 'nails', quantity: 10, unitCost: 2 }); // 10 @ 2 = 20
    log.at('2026-03-01T10:00:00Z', 'StockAdded', { itemId: 'nails', quantity: 10, unitCost: 4 }); // avg 3, 60
    log.at('2026-03-02T10:00:00Z', 'StockRemoved', { itemId: 'nails', quantity: 5 }); // 15 @ 3 = 45
    log.at('2026-03-02T11:00:00Z', 'StockAdded', { itemId: 'nails', quantity: 5 }); // no cost: at the average, 60
    log.at('2026-03-04T08:00:00Z', 'StockCounted', { itemId: 'nails', counted: 2 }); // 6
    const acc = project(stockValueOverTime, log.events);
    expect(acc.avgCost.get('nails')).toBe(3);
    expect(acc.total).toBe(6);
    expect(series(acc)).toEqual([
      ['2026-03-01', 60],
      ['2026-03-02', 60],
      ['2026-03-04', 6],
    ]);
  });

  it('moves change nothing; a negative quantity is worth nothing; an item without cost is listed as unpriced', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'a', quantity: 2, unitCost: 5, location: 'A' });
    log.add('StockMoved', { itemId: 'a', quantity: 2, from: 'A', to: 'B' });
    log.add('StockRemoved', { itemId: 'a', quantity: 3, location: 'B' }); // -1 on hand after a merge
    log.add('StockAdded', { itemId: 'b', quantity: 4 });
    const acc = project(stockValueOverTime, log.events);
    expect(acc.total).toBe(0);
    expect(unpricedItems(acc)).toEqual(['b']);
  });

  it('starts the average afresh when an item had run out', () => {
    const log = eventLog();
    log.add('StockAdded', { itemId: 'a', quantity: 1, unitCost: 100 });
    log.add('StockRemoved', { itemId: 'a', quantity: 1 });
    log.add('StockAdded', { itemId: 'a', quantity: 2, unitCost: 1 });
    expect(project(stockValueOverTime, log.events).total).toBe(2);
  });

  it('folded incrementally in chunks equals a fold from scratch', () => {
    expectIncrementalEqualsScratch(stockValueOverTime, (acc) => ({ ...acc, unpriced: unpricedItems(acc) }));
  });
});
