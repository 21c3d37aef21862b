import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../src/domain/commands';
import type { InventoryEvent } from '../../src/domain/events';
import { renameOf } from '../../src/domain/groupedCommands';
import { emptyState, fold, quantityAt } from '../../src/domain/inventory';
import { given } from '../support/decide';
import { added, archived, at, created, fixedContext, removed } from '../support/events';

const events = (d: Decision): InventoryEvent[] => {
  if (!d.ok) throw new Error(`expected success, got: ${d.error}`);
  return d.events;
};

describe('decide createItem with initial stock', () => {
  it('creates the item and its stock as one action: ItemCreated then StockAdded, one correlation id', () => {
    const [c, a] = events(given().when({ type: 'createItem', name: 'Rice', unit: 'pack', initial: { quantity: 5, location: ' Pantry ', unitCost: 2.5 } }).decision);
    expect(c!.type).toBe('ItemCreated');
    expect(a!.type).toBe('StockAdded');
    expect(a!.data).toEqual({ itemId: (c!.data as { itemId: string }).itemId, quantity: 5, location: 'Pantry', reason: 'initial', unitCost: 2.5 });
    expect(c!.correlationid).toBeDefined();
    expect(a!.correlationid).toBe(c!.correlationid);
    // Same time: the creation must sort first by id (the ids of one device increase).
    expect(c!.time).toBe(a!.time);
    expect(c!.id < a!.id).toBe(true);
  });

  it('keeps a correlation id the caller gives', () => {
    const d = decide({ type: 'createItem', name: 'Rice', initial: { quantity: 1 } }, emptyState(), { ...fixedContext(at(1)), correlationId: 'import-7' });
    expect(events(d).map((e) => e.correlationid)).toEqual(['import-7', 'import-7']);
  });

  it('without initial stock makes one ItemCreated and no correlation id', () => {
    const [c, ...rest] = events(given().when({ type: 'createItem', name: 'Rice' }).decision);
    expect(rest).toHaveLength(0);
    expect(c!.correlationid).toBeUndefined();
  });

  it('refuses a zero quantity, a negative cost and a too long location, field by field, appending nothing', () => {
    const r = given().when({ type: 'createItem', name: 'Rice', initial: { quantity: 0, unitCost: -1, location: 'x'.repeat(101) } }).thenRefuses();
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(['location', 'quantity', 'unitCost']);
  });

  it('reports the name and the stock errors together', () => {
    const r = given().when({ type: 'createItem', name: '', initial: { quantity: Number.NaN } }).thenRefuses();
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(['name', 'quantity']);
  });
});

describe('decide renameLocation', () => {
  /** Rice: 3 in the Garage and 1 unassigned; Beans: 2 in the Garage; Salt: 4 in the Shed. */
  const stored = [
    created({ item: 'i1', name: 'Rice' }),
    created({ item: 'i2', name: 'Beans' }),
    created({ item: 'i3', name: 'Salt' }),
    added({ item: 'i1', quantity: 3, location: 'Garage', at: 1 }),
    added({ item: 'i1', quantity: 1, at: 1 }),
    added({ item: 'i2', quantity: 2, location: 'Garage', at: 2 }),
    added({ item: 'i3', quantity: 4, location: 'Shed', at: 3 }),
  ];

  it('moves every item’s stock at the old name to the new one, one StockMoved per item, one correlation id', () => {
    const es = events(given(stored).when({ type: 'renameLocation', from: 'Garage', to: ' Workshop ' }).decision);
    expect(es.map((e) => e.data)).toEqual([
      { itemId: 'i1', quantity: 3, from: 'Garage', to: 'Workshop' },
      { itemId: 'i2', quantity: 2, from: 'Garage', to: 'Workshop' },
    ]);
    expect(new Set(es.map((e) => e.correlationid)).size).toBe(1);
    expect(renameOf(es)).toEqual({ from: 'Garage', to: 'Workshop' });
  });

  it('moves archived items’ stock too, so the old name is gone', () => {
    const archivedRice = given(created({ item: 'i1', name: 'Rice' }), added({ item: 'i1', quantity: 3, location: 'Garage', at: 1 }), archived({ item: 'i1', at: 2 }));
    expect(events(archivedRice.when({ type: 'renameLocation', from: 'Garage', to: 'Workshop' }).decision)).toHaveLength(1);
  });

  it('allows changing only the case of the name', () => {
    expect(events(given(stored).when({ type: 'renameLocation', from: 'Garage', to: 'garage' }).decision)).toHaveLength(2);
  });

  it('refuses an empty name, the same name and the name of another location', () => {
    given(stored).when({ type: 'renameLocation', from: 'Garage', to: '  ' }).thenRefuses({ field: 'to' });
    given(stored).when({ type: 'renameLocation', from: 'Garage', to: 'Garage' }).thenRefuses({ field: 'to' });
    given(stored).when({ type: 'renameLocation', from: 'Garage', to: 'shed' }).thenRefuses({ error: '“Shed”', field: 'to' });
  });

  it('refuses a location that holds nothing', () => {
    given(created({ item: 'i1', name: 'Rice' }), added({ item: 'i1', quantity: 3, location: 'Garage', at: 1 }), removed({ item: 'i1', quantity: 3, location: 'Garage', at: 2 }))
      .when({ type: 'renameLocation', from: 'Garage', to: 'Workshop' })
      .thenRefuses({ error: /Nothing is stored/ });
  });

  it('after folding, the new name holds what the old one did and the old name is gone', () => {
    const renamed = events(given(stored).when({ type: 'renameLocation', from: 'Garage', to: 'Workshop' }).decision);
    const after = fold(emptyState(), [...stored, ...renamed]);
    expect(quantityAt(after.items.get('i1'), 'Workshop')).toBe(3);
    expect(quantityAt(after.items.get('i1'), undefined)).toBe(1);
    expect(Object.keys(after.items.get('i2')!.stock)).toEqual(['Workshop']);
  });
});
