// One user action, several events: created with stock, a location renamed. One undo takes the whole action back.
import { describe, expect, it } from 'vitest';
import { quantityAt, quantityOf } from '../../src/domain/inventory';
import { createItem, makeEngine, ok } from '../support/engine';

describe('grouped actions in the engine', () => {
  it('an item created with stock is undone and redone as one', async () => {
    const { engine, clock } = await makeEngine();
    const events = await ok(engine, { type: 'createItem', name: 'Rice', initial: { quantity: 5, location: 'Pantry' } });
    const itemId = (events[0]!.data as { itemId: string }).itemId;
    expect(quantityAt(engine.state.value.items.get(itemId), 'Pantry')).toBe(5);
    clock.tick();
    const undo = await engine.undo(events.map((e) => e.id));
    expect(undo.ok).toBe(true);
    expect(engine.state.value.items.get(itemId)?.known ?? false).toBe(false);
    clock.tick();
    if (!undo.ok) return;
    expect((await engine.undo(undo.events.map((e) => e.id))).ok).toBe(true);
    expect(quantityOf(engine.state.value.items.get(itemId)!)).toBe(5);
  });

  it('a renamed location is undone as one, by its correlation id', async () => {
    const { engine, clock } = await makeEngine();
    const a = await createItem(engine, 'Rice');
    const b = await createItem(engine, 'Beans');
    await ok(engine, { type: 'addStock', itemId: a, quantity: 3, location: 'Garage' });
    await ok(engine, { type: 'addStock', itemId: b, quantity: 2, location: 'Garage' });
    clock.tick();
    const moved = await ok(engine, { type: 'renameLocation', from: 'Garage', to: 'Workshop' });
    expect(moved).toHaveLength(2);
    expect(quantityAt(engine.state.value.items.get(b), 'Workshop')).toBe(2);
    clock.tick();
    expect((await engine.undoGroup(moved[0]!.correlationid!)).ok).toBe(true);
    expect(quantityAt(engine.state.value.items.get(a), 'Garage')).toBe(3);
    expect(quantityAt(engine.state.value.items.get(b), 'Workshop')).toBe(0);
  });

  it('a count by scanning is undone as one, by its correlation id', async () => {
    const { engine, clock } = await makeEngine();
    const a = await createItem(engine, 'Rice');
    const b = await createItem(engine, 'Beans');
    await ok(engine, { type: 'addStock', itemId: a, quantity: 3, location: 'Shelf' });
    await ok(engine, { type: 'addStock', itemId: b, quantity: 2, location: 'Shelf' });
    clock.tick();
    const counted = await ok(engine, { type: 'recordScans', mode: 'count', location: 'Shelf', lines: [{ itemId: a, quantity: 1 }, { itemId: b, quantity: 4 }] });
    expect(counted.map((e) => e.type)).toEqual(['StockCounted', 'StockCounted']);
    expect(quantityAt(engine.state.value.items.get(a), 'Shelf')).toBe(1);
    expect(quantityAt(engine.state.value.items.get(b), 'Shelf')).toBe(4);
    clock.tick();
    expect((await engine.undoGroup(counted[0]!.correlationid!)).ok).toBe(true);
    expect(quantityAt(engine.state.value.items.get(a), 'Shelf')).toBe(3);
    expect(quantityAt(engine.state.value.items.get(b), 'Shelf')).toBe(2);
  });
});
