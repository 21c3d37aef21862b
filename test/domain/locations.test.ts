import { describe, expect, it } from 'vitest';
import { stockAtLocation, stockByLocation } from '../../src/domain/locations';
import { state } from '../support/decide';
import { added, at, created, ev, removed } from '../support/events';

const s = state(
  created('r', 'Rice'),
  created('b', 'Beans'),
  created('o', 'Old lamp'),
  added('r', 5, 1, 'Pantry'),
  added('b', 2, 1, 'Pantry'),
  added('b', 1, 2),
  added('r', 3, 2, 'garage'),
  removed('r', 3, 3, 'garage'),
  added('o', 1, 4, 'Attic'),
  ev('ItemArchived', { itemId: 'o' }, { time: at(5) }),
);

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
