import { describe, expect, it } from 'vitest';
import { quantityOf } from '../../src/domain/inventory';
import { createItem, makeEngine, ok } from '../support/engine';

describe('engine', () => {
  it('keeps quantities across a reload', async () => {
    const { engine, name, clock, db } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    await ok(engine, { type: 'addStock', itemId: id, quantity: 5, location: 'Shelf A' });
    clock.tick();
    await ok(engine, { type: 'removeStock', itemId: id, quantity: 2, location: 'Shelf A' });
    db.close();
    const again = await makeEngine({ name, clock });
    expect(quantityOf(again.engine.state.value.items.get(id)!)).toBe(3);
  });

  it('undo restores the quantity and redo re-applies it', async () => {
    const { engine, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const added = await ok(engine, { type: 'addStock', itemId: id, quantity: 5 });
    clock.tick();
    const u = await engine.undo(added.map((e) => e.id));
    expect(u.ok).toBe(true);
    expect(quantityOf(engine.state.value.items.get(id)!)).toBe(0);
    clock.tick();
    const r = await engine.undo(u.ok ? u.events.map((e) => e.id) : []);
    expect(r.ok).toBe(true);
    expect(quantityOf(engine.state.value.items.get(id)!)).toBe(5);
  });

  it('refuses an undo that would make a later quantity negative and names the later event', async () => {
    const { engine, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const added = await ok(engine, { type: 'addStock', itemId: id, quantity: 5 });
    clock.tick();
    const removed = await ok(engine, { type: 'removeStock', itemId: id, quantity: 4 });
    const before = engine.head.version;
    const u = await engine.undo(added.map((e) => e.id));
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.dependents?.map((e) => e.id)).toEqual(removed.map((e) => e.id));
    expect(engine.head.version).toBe(before);
  });
});
