import { describe, expect, it, vi } from 'vitest';
import { quantityOf } from '../../src/domain/inventory';
import { createItem, makeEngine, ok } from '../support/engine';
import { ev } from '../support/events';
import { plain } from '../support/oracle';
import { expectHeadMatches } from '../support/scenario';
import { collect, dump } from '../support/store';

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

  it('a reload after edits, moves, counts, archiving, undo and a late event gives the same state, undone set and counts', async () => {
    const env = await makeEngine();
    const { engine, clock } = env;
    const sword = await createItem(engine, 'Sword', { minQuantity: 2 });
    const rope = await createItem(engine, 'Rope');
    clock.tick();
    await ok(engine, { type: 'addStock', itemId: sword, quantity: 5, location: 'A' });
    await ok(engine, { type: 'moveStock', itemId: sword, quantity: 2, from: 'A', to: 'B' });
    await ok(engine, { type: 'countStock', itemId: sword, counted: 4, location: 'B' });
    await ok(engine, { type: 'editItem', itemId: rope, changes: { name: 'Hemp rope', notes: 'long' } });
    const [add] = await ok(engine, { type: 'addStock', itemId: rope, quantity: 1.5 });
    await ok(engine, { type: 'archiveItem', itemId: rope });
    clock.tick();
    expect((await engine.undo([add!.id])).ok).toBe(true);
    await env.store.append([ev('StockAdded', { itemId: sword, quantity: 1 }, { time: '2026-01-01T00:00:30.000Z', id: 'late' })], engine.head.version);
    await engine.catchUp();
    const again = await makeEngine({ name: env.name, clock, seed: 8 });
    expect(plain(again.engine.state.value)).toEqual(plain(engine.state.value));
    expect(again.engine.revertedIds.value).toEqual(engine.revertedIds.value);
    expect([again.engine.eventCount.value, again.engine.head]).toEqual([engine.eventCount.value, engine.head]);
    expectHeadMatches(again.engine.state.value, await collect(env.store.readRange('', '\uffff')));
  });

  it('a refused command appends nothing and leaves the state as it was', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    const before = await dump(env.store);
    const state = env.engine.state.value;
    const r = await env.engine.execute({ type: 'removeStock', itemId: id, quantity: 1 });
    expect(r.ok).toBe(false);
    expect(await dump(env.store)).toEqual(before);
    expect(env.engine.state.value).toBe(state);
  });

  it('an append at the end of history is announced with its events (projections advance instead of refolding)', async () => {
    const { engine, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    const seen: unknown[] = [];
    engine.onChange((c) => seen.push(c));
    clock.tick();
    const events = await ok(engine, { type: 'addStock', itemId: id, quantity: 1 });
    expect(seen).toEqual([{ version: engine.head.version, appended: events }]);
  });

  // DESIGN.md: an event at the end of history costs O(1). Undo rows can name up to 10,000 events each (an undone
  // import of a million events is 100 rows), so reading them all on every command is not O(1).
  it('a command at the end of history reads no events and no revert rows, even when undos exist', async () => {
    const { engine, clock, store } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const [a] = await ok(engine, { type: 'addStock', itemId: id, quantity: 1 });
    clock.tick();
    expect((await engine.undo([a!.id])).ok).toBe(true);
    clock.tick();
    const spies = { readRange: vi.spyOn(store, 'readRange'), readBackward: vi.spyOn(store, 'readBackward'), reverts: vi.spyOn(store, 'reverts'), revertsTable: vi.spyOn(store.db.reverts, 'toArray') };
    await ok(engine, { type: 'addStock', itemId: id, quantity: 2 });
    expect(Object.fromEntries(Object.entries(spies).map(([k, s]) => [k, s.mock.calls.length]))).toEqual({ readRange: 0, readBackward: 0, reverts: 0, revertsTable: 0 });
  });
});
