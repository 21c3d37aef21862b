import { describe, expect, it } from 'vitest';
import { accepted, archived, refused, run, sword } from '../support/decide';

describe('decide addStock', () => {
  it('adds with a trimmed location and drops empty optional text', () => {
    const e = accepted(run({ type: 'addStock', itemId: 'i1', quantity: 2.5, location: ' Shelf ', reason: 'purchase', note: '', unitCost: 0 }, sword));
    expect(e).toMatchObject({ type: 'StockAdded', data: { itemId: 'i1', quantity: 2.5, location: 'Shelf', reason: 'purchase', unitCost: 0 } });
    expect(e.data).not.toHaveProperty('note');
  });

  it('records where the stock came from as attributes, and leaves out an empty set', () => {
    expect(accepted(run({ type: 'addStock', itemId: 'i1', quantity: 1, attributes: { origin: 'castle', batch: 7 } }, sword)).data).toMatchObject({ attributes: { origin: 'castle', batch: 7 } });
    expect(accepted(run({ type: 'addStock', itemId: 'i1', quantity: 1, attributes: {} }, sword)).data).not.toHaveProperty('attributes');
    expect(refused(run({ type: 'addStock', itemId: 'i1', quantity: 1, attributes: { '': 'x' } }, sword)).fields).toHaveProperty('attributes');
  });

  it('treats a location of only spaces as unassigned', () => {
    expect(accepted(run({ type: 'addStock', itemId: 'i1', quantity: 1, location: '  ' }, sword)).data).not.toHaveProperty('location');
  });

  it.each([0, -1, Number.NaN, Infinity, 1e16])('refuses the quantity %s', (quantity) => {
    expect(refused(run({ type: 'addStock', itemId: 'i1', quantity }, sword)).fields).toHaveProperty('quantity');
  });

  it('refuses a location longer than 100 characters', () => {
    expect(refused(run({ type: 'addStock', itemId: 'i1', quantity: 1, location: 'L'.repeat(101) }, sword)).fields).toHaveProperty('location');
  });

  it('refuses a negative unit cost', () => {
    expect(refused(run({ type: 'addStock', itemId: 'i1', quantity: 1, unitCost: -2 }, sword)).fields).toHaveProperty('unitCost');
  });

  it('refuses an unknown item', () => {
    expect(refused(run({ type: 'addStock', itemId: 'nope', quantity: 1 }, sword)).error).toMatch(/does not exist/);
  });

  it('refuses an archived item', () => {
    expect(refused(run({ type: 'addStock', itemId: 'i1', quantity: 1 }, archived)).error).toMatch(/archived/);
  });
});

describe('decide removeStock', () => {
  it('removes exactly what is at the location', () => {
    expect(accepted(run({ type: 'removeStock', itemId: 'i1', quantity: 5, location: 'A', reason: 'sold' }, sword)).data).toEqual({ itemId: 'i1', quantity: 5, location: 'A', reason: 'sold' });
  });

  it('refuses removing more than is at the location, even when the item has more elsewhere', () => {
    const r = refused(run({ type: 'removeStock', itemId: 'i1', quantity: 3 }, sword));
    expect(r.error).toMatch(/only 2/);
    expect(r.fields).toHaveProperty('quantity');
  });

  it('refuses removing from a location that holds nothing', () => {
    expect(refused(run({ type: 'removeStock', itemId: 'i1', quantity: 1, location: 'Z' }, sword)).error).toMatch(/only 0/);
  });

  it.each([0, -3, Number.NaN])('refuses the quantity %s', (quantity) => {
    expect(refused(run({ type: 'removeStock', itemId: 'i1', quantity, location: 'A' }, sword)).fields).toHaveProperty('quantity');
  });

  it('refuses an unknown item', () => {
    expect(refused(run({ type: 'removeStock', itemId: 'nope', quantity: 1 }, sword)).error).toMatch(/does not exist/);
  });

  it('refuses an archived item even though it has stock', () => {
    expect(refused(run({ type: 'removeStock', itemId: 'i1', quantity: 1 }, archived)).error).toMatch(/archived/);
  });
});

describe('decide moveStock', () => {
  it('moves between two locations', () => {
    expect(accepted(run({ type: 'moveStock', itemId: 'i1', quantity: 4, from: 'A', to: 'B' }, sword)).data).toEqual({ itemId: 'i1', quantity: 4, from: 'A', to: 'B' });
  });

  it('moves from the unassigned bucket when `from` is absent', () => {
    expect(accepted(run({ type: 'moveStock', itemId: 'i1', quantity: 2, to: 'B' }, sword)).data).toEqual({ itemId: 'i1', quantity: 2, to: 'B' });
  });

  it('refuses moving more than is at the origin', () => {
    expect(refused(run({ type: 'moveStock', itemId: 'i1', quantity: 6, from: 'A', to: 'B' }, sword)).fields).toHaveProperty('quantity');
  });

  it('refuses the same origin and destination', () => {
    expect(refused(run({ type: 'moveStock', itemId: 'i1', quantity: 1, from: 'A', to: ' A ' }, sword)).fields).toHaveProperty('to');
  });

  it('refuses moving from unassigned to unassigned', () => {
    expect(refused(run({ type: 'moveStock', itemId: 'i1', quantity: 1, from: '', to: '  ' }, sword)).fields).toHaveProperty('to');
  });

  it.each([0, -1, Infinity])('refuses the quantity %s', (quantity) => {
    expect(refused(run({ type: 'moveStock', itemId: 'i1', quantity, from: 'A', to: 'B' }, sword)).fields).toHaveProperty('quantity');
  });

  it('refuses an unknown item', () => {
    expect(refused(run({ type: 'moveStock', itemId: 'nope', quantity: 1, from: 'A', to: 'B' }, sword)).error).toMatch(/does not exist/);
  });

  it('refuses an archived item', () => {
    expect(refused(run({ type: 'moveStock', itemId: 'i1', quantity: 1, to: 'B' }, archived)).error).toMatch(/archived/);
  });
});

describe('decide countStock', () => {
  it('records the count and the quantity expected before it', () => {
    expect(accepted(run({ type: 'countStock', itemId: 'i1', counted: 3, location: 'A' }, sword)).data).toEqual({ itemId: 'i1', counted: 3, expected: 5, location: 'A' });
  });

  it('accepts a count of zero', () => {
    expect(accepted(run({ type: 'countStock', itemId: 'i1', counted: 0 }, sword)).data).toEqual({ itemId: 'i1', counted: 0, expected: 2 });
  });

  it.each([-1, Number.NaN])('refuses the count %s', (n) => {
    expect(refused(run({ type: 'countStock', itemId: 'i1', counted: n }, sword)).fields).toHaveProperty('counted');
  });

  it('refuses an unknown item', () => {
    expect(refused(run({ type: 'countStock', itemId: 'nope', counted: 1 }, sword)).error).toMatch(/does not exist/);
  });

  it('refuses an archived item', () => {
    expect(refused(run({ type: 'countStock', itemId: 'i1', counted: 1 }, archived)).error).toMatch(/archived/);
  });
});
