import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLowStock, fold, emptyState } from '../../src/domain/inventory';
import { belowMinimum } from '../../src/domain/projections/belowMinimum';
import { eventLog } from './build';
import { history } from './arbitraries';

describe('belowMinimum', () => {
  it('lists listed items under their minimum, emptiest first, with what is needed', () => {
    const log = eventLog();
    log.add('ItemCreated', { itemId: 'a', name: 'Almost', minQuantity: 10 });
    log.add('ItemCreated', { itemId: 'e', name: 'Empty', minQuantity: 4 });
    log.add('ItemCreated', { itemId: 'ok', name: 'Fine', minQuantity: 2 });
    log.add('ItemCreated', { itemId: 'n', name: 'No minimum' });
    log.add('ItemCreated', { itemId: 'gone', name: 'Archived', minQuantity: 5 });
    log.add('StockAdded', { itemId: 'a', quantity: 9 });
    log.add('StockAdded', { itemId: 'ok', quantity: 2 });
    log.add('ItemArchived', { itemId: 'gone' });
    log.add('StockAdded', { itemId: 'ghost', quantity: 1 }); // unknown item: a conflict, not a reorder
    const rows = belowMinimum(fold(emptyState(), log.events));
    expect(rows.map((r) => [r.item.id, r.quantity, r.minimum, r.shortfall])).toEqual([
      ['e', 0, 4, 4],
      ['a', 9, 10, 1],
    ]);
  });

  it('for any history, lists exactly the known, listed items that are low on stock', () => {
    fc.assert(
      fc.property(history, ({ events, skip }) => {
        const state = fold(emptyState(), events, skip);
        const listed = new Set(belowMinimum(state).map((r) => r.item.id));
        for (const item of state.items.values()) expect(listed.has(item.id)).toBe(item.known && !item.archived && isLowStock(item));
      }),
    );
  });
});
