import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../src/domain/commands';
import type { InventoryEvent } from '../../src/domain/events';
import { renameOf } from '../../src/domain/groupedCommands';
import { quantityAt } from '../../src/domain/inventory';
import { refused, run, state } from '../support/decide';
import { added, at, created, ev, fixedContext, removed } from '../support/events';

const events = (d: Decision): InventoryEvent[] => {
  if (!d.ok) throw new Error(`expected success, got: ${d.error}`);
  return d.events;
};

describe('decide createItem with initial stock', () => {
  it('creates the item and its stock as one action: ItemCreated then StockAdded, one correlation id', () => {
    const [c, a] = events(run({ type: 'createItem', name: 'Rice', unit: 'pack', initial: { quantity: 5, location: ' Pantry ', unitCost: 2.5 } }));
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
    const d = decide({ type: 'createItem', name: 'Rice', initial: { quantity: 1 } }, state(), { ...fixedContext(at(1)), correlationId: 'import-7' });
    expect(events(d).map((e) => e.correlationid)).toEqual(['import-7', 'import-7']);
  });

  it('without initial stock makes one ItemCreated and no correlation id', () => {
    const [c, ...rest] = events(run({ type: 'createItem', name: 'Rice' }));
    expect(rest).toHaveLength(0);
    expect(c!.correlationid).toBeUndefined();
  });

  it('refuses a zero quantity, a negative cost and a too long location, field by field, appending nothing', () => {
    const r = refused(run({ type: 'createItem', name: 'Rice', initial: { quantity: 0, unitCost: -1, location: 'x'.repeat(101) } }));
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(['location', 'quantity', 'unitCost']);
  });

  it('reports the name and the stock errors together', () => {
    const r = refused(run({ type: 'createItem', name: '', initial: { quantity: Number.NaN } }));
    expect(Object.keys(r.fields ?? {}).sort()).toEqual(['name', 'quantity']);
  });
});

describe('decide renameLocation', () => {
  const s = state(created('i1', 'Rice'), created('i2', 'Beans'), created('i3', 'Salt'), added('i1', 3, 1, 'Garage'), added('i1', 1, 1), added('i2', 2, 2, 'Garage'), added('i3', 4, 3, 'Shed'));

  it('moves every item’s stock at the old name to the new one, one StockMoved per item, one correlation id', () => {
    const es = events(run({ type: 'renameLocation', from: 'Garage', to: ' Workshop ' }, s));
    expect(es.map((e) => e.data)).toEqual([
      { itemId: 'i1', quantity: 3, from: 'Garage', to: 'Workshop' },
      { itemId: 'i2', quantity: 2, from: 'Garage', to: 'Workshop' },
    ]);
    expect(new Set(es.map((e) => e.correlationid)).size).toBe(1);
    expect(renameOf(es)).toEqual({ from: 'Garage', to: 'Workshop' });
  });

  it('moves archived items’ stock too, so the old name is gone', () => {
    const withArchived = state(created('i1', 'Rice'), added('i1', 3, 1, 'Garage'), ev('ItemArchived', { itemId: 'i1' }, { time: at(2) }));
    expect(events(run({ type: 'renameLocation', from: 'Garage', to: 'Workshop' }, withArchived))).toHaveLength(1);
  });

  it('allows changing only the case of the name', () => {
    expect(events(run({ type: 'renameLocation', from: 'Garage', to: 'garage' }, s))).toHaveLength(2);
  });

  it('refuses an empty name, the same name and the name of another location', () => {
    expect(refused(run({ type: 'renameLocation', from: 'Garage', to: '  ' }, s)).fields).toHaveProperty('to');
    expect(refused(run({ type: 'renameLocation', from: 'Garage', to: 'Garage' }, s)).fields).toHaveProperty('to');
    const other = refused(run({ type: 'renameLocation', from: 'Garage', to: 'shed' }, s));
    expect(other.error).toContain('“Shed”');
    expect(other.fields).toHaveProperty('to');
  });

  it('refuses a location that holds nothing', () => {
    const emptied = state(created('i1', 'Rice'), added('i1', 3, 1, 'Garage'), removed('i1', 3, 2, 'Garage'));
    expect(refused(run({ type: 'renameLocation', from: 'Garage', to: 'Workshop' }, emptied)).error).toMatch(/Nothing is stored/);
  });

  it('after folding, the new name holds what the old one did and the old name is gone', async () => {
    const { fold } = await import('../../src/domain/inventory');
    const after = fold(s, events(run({ type: 'renameLocation', from: 'Garage', to: 'Workshop' }, s)));
    expect(quantityAt(after.items.get('i1'), 'Workshop')).toBe(3);
    expect(quantityAt(after.items.get('i1'), undefined)).toBe(1);
    expect(Object.keys(after.items.get('i2')!.stock)).toEqual(['Workshop']);
  });
});
