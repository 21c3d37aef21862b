import { describe, expect, it } from 'vitest';
import { emptyState, fold } from '../../src/domain/inventory';
import { shoppingList, shoppingText } from '../../src/domain/shopping';
import { added, archived, created, removed } from '../support/events';

describe('shoppingList', () => {
  const s = fold(emptyState(), [
    created({ item: 'r', name: 'Rice', minQuantity: 5 }),
    created({ item: 'o', name: 'Oil', minQuantity: 1 }),
    created({ item: 'f', name: 'Flour', minQuantity: 2.5 }),
    created({ item: 'x', name: 'Old', minQuantity: 3 }),
    created({ item: 'n', name: 'No minimum' }),
    added({ item: 'r', quantity: 2, location: 'Pantry', at: 1 }),
    added({ item: 'o', quantity: 1, at: 1 }),
    added({ item: 'f', quantity: 1, at: 1 }),
    removed({ item: 'f', quantity: 1, at: 2 }),
    archived({ item: 'x', at: 3 }),
  ]);
  it('lists the listed items below their minimum with how many to buy to reach it', () => {
    expect(shoppingList(s).map((e) => [e.item.name, e.have, e.need])).toEqual([
      ['Flour', 0, 2.5],
      ['Rice', 2, 3],
    ]);
  });
  it('writes the list as text to share', () => {
    expect(shoppingText(shoppingList(s), (n) => String(n))).toBe('- Flour: 2.5\n- Rice: 3');
  });
});
