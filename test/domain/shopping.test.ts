import { describe, expect, it } from 'vitest';
import { shoppingList, shoppingText } from '../../src/domain/shopping';
import { state } from '../support/decide';
import { added, at, created, ev, removed } from '../support/events';

const withMin = (itemId: string, name: string, minQuantity: number) => ev('ItemCreated', { itemId, name, minQuantity }, { time: at(0) });

describe('shoppingList', () => {
  const s = state(
    withMin('r', 'Rice', 5),
    withMin('o', 'Oil', 1),
    withMin('f', 'Flour', 2.5),
    withMin('x', 'Old', 3),
    created('n', 'No minimum'),
    added('r', 2, 1, 'Pantry'),
    added('o', 1, 1),
    added('f', 1, 1),
    removed('f', 1, 2),
    ev('ItemArchived', { itemId: 'x' }, { time: at(3) }),
  );
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
