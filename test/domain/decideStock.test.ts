import { describe, expect, it } from 'vitest';
import { aSword, anArchivedSword, given } from '../support/decide';

describe('decide addStock', () => {
  it('adds with a trimmed location and drops empty optional text', () => {
    const e = given(aSword)
      .when({ type: 'addStock', itemId: 'i1', quantity: 2.5, location: ' Shelf ', reason: 'purchase', note: '', unitCost: 0 })
      .thenEmits({ type: 'StockAdded', data: { itemId: 'i1', quantity: 2.5, location: 'Shelf', reason: 'purchase', unitCost: 0 } });
    expect(e.data).not.toHaveProperty('note');
  });

  it('records where the stock came from as attributes, and leaves out an empty set', () => {
    given(aSword).when({ type: 'addStock', itemId: 'i1', quantity: 1, attributes: { origin: 'castle', batch: 7 } }).thenEmits({ data: { attributes: { origin: 'castle', batch: 7 } } });
    expect(given(aSword).when({ type: 'addStock', itemId: 'i1', quantity: 1, attributes: {} }).accepted().data).not.toHaveProperty('attributes');
    given(aSword).when({ type: 'addStock', itemId: 'i1', quantity: 1, attributes: { '': 'x' } }).thenRefuses({ field: 'attributes' });
  });

  it('treats a location of only spaces as unassigned', () => {
    expect(given(aSword).when({ type: 'addStock', itemId: 'i1', quantity: 1, location: '  ' }).accepted().data).not.toHaveProperty('location');
  });

  it.each([0, -1, Number.NaN, Infinity, 1e16])('refuses the quantity %s', (quantity) => {
    given(aSword).when({ type: 'addStock', itemId: 'i1', quantity }).thenRefuses({ field: 'quantity' });
  });

  it('refuses a location longer than 100 characters', () => {
    given(aSword).when({ type: 'addStock', itemId: 'i1', quantity: 1, location: 'L'.repeat(101) }).thenRefuses({ field: 'location' });
  });

  it('refuses a negative unit cost', () => {
    given(aSword).when({ type: 'addStock', itemId: 'i1', quantity: 1, unitCost: -2 }).thenRefuses({ field: 'unitCost' });
  });

  it('refuses an unknown item', () => {
    given(aSword).when({ type: 'addStock', itemId: 'nope', quantity: 1 }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses an archived item', () => {
    given(anArchivedSword).when({ type: 'addStock', itemId: 'i1', quantity: 1 }).thenRefuses({ error: /archived/ });
  });
});

describe('decide removeStock', () => {
  it('removes exactly what is at the location', () => {
    given(aSword).when({ type: 'removeStock', itemId: 'i1', quantity: 5, location: 'A', reason: 'sold' }).thenRecords({ itemId: 'i1', quantity: 5, location: 'A', reason: 'sold' });
  });

  it('refuses removing more than is at the location, even when the item has more elsewhere', () => {
    given(aSword).when({ type: 'removeStock', itemId: 'i1', quantity: 3 }).thenRefuses({ error: /only 2/, field: 'quantity' });
  });

  it('refuses removing from a location that holds nothing', () => {
    given(aSword).when({ type: 'removeStock', itemId: 'i1', quantity: 1, location: 'Z' }).thenRefuses({ error: /only 0/ });
  });

  it.each([0, -3, Number.NaN])('refuses the quantity %s', (quantity) => {
    given(aSword).when({ type: 'removeStock', itemId: 'i1', quantity, location: 'A' }).thenRefuses({ field: 'quantity' });
  });

  it('refuses an unknown item', () => {
    given(aSword).when({ type: 'removeStock', itemId: 'nope', quantity: 1 }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses an archived item even though it has stock', () => {
    given(anArchivedSword).when({ type: 'removeStock', itemId: 'i1', quantity: 1 }).thenRefuses({ error: /archived/ });
  });
});

describe('decide moveStock', () => {
  it('moves between two locations', () => {
    given(aSword).when({ type: 'moveStock', itemId: 'i1', quantity: 4, from: 'A', to: 'B' }).thenRecords({ itemId: 'i1', quantity: 4, from: 'A', to: 'B' });
  });

  it('moves from the unassigned bucket when `from` is absent', () => {
    given(aSword).when({ type: 'moveStock', itemId: 'i1', quantity: 2, to: 'B' }).thenRecords({ itemId: 'i1', quantity: 2, to: 'B' });
  });

  it('refuses moving more than is at the origin', () => {
    given(aSword).when({ type: 'moveStock', itemId: 'i1', quantity: 6, from: 'A', to: 'B' }).thenRefuses({ field: 'quantity' });
  });

  it('refuses the same origin and destination', () => {
    given(aSword).when({ type: 'moveStock', itemId: 'i1', quantity: 1, from: 'A', to: ' A ' }).thenRefuses({ field: 'to' });
  });

  it('refuses moving from unassigned to unassigned', () => {
    given(aSword).when({ type: 'moveStock', itemId: 'i1', quantity: 1, from: '', to: '  ' }).thenRefuses({ field: 'to' });
  });

  it.each([0, -1, Infinity])('refuses the quantity %s', (quantity) => {
    given(aSword).when({ type: 'moveStock', itemId: 'i1', quantity, from: 'A', to: 'B' }).thenRefuses({ field: 'quantity' });
  });

  it('refuses an unknown item', () => {
    given(aSword).when({ type: 'moveStock', itemId: 'nope', quantity: 1, from: 'A', to: 'B' }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses an archived item', () => {
    given(anArchivedSword).when({ type: 'moveStock', itemId: 'i1', quantity: 1, to: 'B' }).thenRefuses({ error: /archived/ });
  });
});

describe('decide countStock', () => {
  it('records the count and the quantity expected before it', () => {
    given(aSword).when({ type: 'countStock', itemId: 'i1', counted: 3, location: 'A' }).thenRecords({ itemId: 'i1', counted: 3, expected: 5, location: 'A' });
  });

  it('accepts a count of zero', () => {
    given(aSword).when({ type: 'countStock', itemId: 'i1', counted: 0 }).thenRecords({ itemId: 'i1', counted: 0, expected: 2 });
  });

  it.each([-1, Number.NaN])('refuses the count %s', (n) => {
    given(aSword).when({ type: 'countStock', itemId: 'i1', counted: n }).thenRefuses({ field: 'counted' });
  });

  it('refuses an unknown item', () => {
    given(aSword).when({ type: 'countStock', itemId: 'nope', counted: 1 }).thenRefuses({ error: /does not exist/ });
  });

  it('refuses an archived item', () => {
    given(anArchivedSword).when({ type: 'countStock', itemId: 'i1', counted: 1 }).thenRefuses({ error: /archived/ });
  });
});
