import { describe, expect, it } from 'vitest';
import { emptyState, fold } from '../../src/domain/inventory';
import { stockAtLocation, stockByLocation } from '../../src/domain/locations';
import { added, archived, created, removed } from '../support/events';

const s = fold(emptyState(), [
  created({ item: 'r', name: 'Rice' }),
  created({ item: 'b', name: 'Beans' }),
  created({ item: 'o', name: 'Old lamp' }),
  added({ item: 'r', quantity: 5, location: 'Pantry', at: 1 }),
  added({ item: 'b', quantity: 2, location: 'Pantry', at: 1 }),
  added({ item: 'b', quantity: 1, at: 2 }),
  added({ item: 'r', quantity: 3, location: 'garage', at: 2 }),
  removed({ item: 'r', quantity: 3, location: 'garage', at: 3 }),
  added({ item: 'o', quantity: 1, location: 'Attic', at: 4 }),
  archived({ item: 'o', at: 5 }),
]);

describe('stockByLocation', () => {
  it('lists each place with the listed items stored there, named places first, unassigned last', () => {
    expect(stockByLocation(s).map((l) => [l.location, l.items.map((i) => `${i.item.name} ${i.quantity}`)])).toEqual([
      ['Pantry', ['Beans 2', 'Rice 5']],
      ['', ['Beans 1']],
    ]);
  });
  it('finds one place by its exact name', () => {
    expect(stockAtLocation(s, 'Pantry')?.items).toHaveLength(2);
    expect(stockAtLocation(s, 'pantry')).toBeUndefined();
    expect(stockAtLocation(s, 'Attic')).toBeUndefined();
  });
});
