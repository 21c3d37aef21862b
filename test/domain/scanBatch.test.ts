// Recording scanned stock: one StockCounted (with what was expected there) or StockAdded per item, one action.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/domain/commands';
import type { InventoryEvent } from '../../src/domain/events';
import { given } from '../support/decide';
import { added, archived, created } from '../support/events';

const events = (d: Decision): InventoryEvent[] => {
  if (!d.ok) throw new Error(`expected success, got: ${d.error}`);
  return d.events;
};

/** Rice: 3 on Shelf A and 1 unassigned; Beans: 2 on Shelf A; Salt: archived. */
const stored = [
  created({ item: 'i1', name: 'Rice' }),
  created({ item: 'i2', name: 'Beans' }),
  created({ item: 'i3', name: 'Salt' }),
  added({ item: 'i1', quantity: 3, location: 'Shelf A', at: 1 }),
  added({ item: 'i1', quantity: 1, at: 1 }),
  added({ item: 'i2', quantity: 2, location: 'Shelf A', at: 2 }),
  archived({ item: 'i3', at: 3 }),
];

describe('decide recordScans', () => {
  it('counts each item at the location with what was expected there, all under one correlation id', () => {
    const out = events(given(stored).when({ type: 'recordScans', mode: 'count', location: ' Shelf A ', lines: [{ itemId: 'i1', quantity: 2 }, { itemId: 'i2', quantity: 0 }] }).decision);
    expect(out.map((e) => [e.type, e.data])).toEqual([
      ['StockCounted', { itemId: 'i1', counted: 2, expected: 3, location: 'Shelf A' }],
      ['StockCounted', { itemId: 'i2', counted: 0, expected: 2, location: 'Shelf A' }],
    ]);
    expect(out[0]!.correlationid).toBeDefined();
    expect(out[1]!.correlationid).toBe(out[0]!.correlationid);
  });

  it('counts in the unassigned bucket when no location is chosen', () => {
    const [e] = events(given(stored).when({ type: 'recordScans', mode: 'count', lines: [{ itemId: 'i1', quantity: 5 }] }).decision);
    expect(e!.data).toEqual({ itemId: 'i1', counted: 5, expected: 1 });
  });

  it('adds stock of each item, leaving out lines of 0', () => {
    const out = events(given(stored).when({ type: 'recordScans', mode: 'add', location: 'Shelf B', lines: [{ itemId: 'i1', quantity: 4 }, { itemId: 'i2', quantity: 0 }] }).decision);
    expect(out.map((e) => [e.type, e.data])).toEqual([['StockAdded', { itemId: 'i1', quantity: 4, location: 'Shelf B' }]]);
    expect(out[0]!.correlationid).toBeDefined();
  });

  it('refuses an empty list', () => {
    given(stored).when({ type: 'recordScans', mode: 'count', lines: [] }).thenRefuses({ error: /Nothing was counted/ });
    given(stored).when({ type: 'recordScans', mode: 'add', lines: [{ itemId: 'i1', quantity: 0 }] }).thenRefuses({ error: /Nothing to add/ });
  });

  it('refuses an archived item, an unknown item, an item twice and a negative quantity, naming the item', () => {
    given(stored).when({ type: 'recordScans', mode: 'count', lines: [{ itemId: 'i3', quantity: 1 }] }).thenRefuses({ error: /“Salt” is archived/ });
    given(stored).when({ type: 'recordScans', mode: 'count', lines: [{ itemId: 'nope', quantity: 1 }] }).thenRefuses({ error: /no longer exists/ });
    given(stored).when({ type: 'recordScans', mode: 'add', lines: [{ itemId: 'i1', quantity: 1 }, { itemId: 'i1', quantity: 2 }] }).thenRefuses({ error: /“Rice” is in the list twice/ });
    given(stored).when({ type: 'recordScans', mode: 'count', lines: [{ itemId: 'i2', quantity: -1 }] }).thenRefuses({ error: /“Beans”: Must be 0 or more/ });
  });

  it('refuses a location name that is too long', () => {
    given(stored).when({ type: 'recordScans', mode: 'count', location: 'x'.repeat(500), lines: [{ itemId: 'i1', quantity: 1 }] }).thenRefuses({ error: /location name is not valid/ });
  });
});
