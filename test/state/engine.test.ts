import { describe, expect, it, vi } from 'vitest';
import { engineScenario } from '../support/engineScenario';
import { ev } from '../support/events';
import { plain } from '../support/oracle';
import { expectHeadMatches } from '../support/scenario';
import { dump } from '../support/store';

describe('engine', () => {
  it('keeps quantities across a reload', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    await s.execute({ type: 'addStock', itemId: sword, quantity: 5, location: 'Shelf A' });
    await s.execute({ type: 'removeStock', itemId: sword, quantity: 2, location: 'Shelf A' });
    s.env.db.close();
    const again = await s.reopen();
    expect(again.quantity(sword)).toBe(3);
  });

  it('undo restores the quantity and redo re-applies it', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const added = await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    const u = await s.tryUndo(...added);
    expect(u.ok).toBe(true);
    expect(s.quantity(sword)).toBe(0);
    const r = await s.tryUndo(...(u.ok ? u.events : []));
    expect(r.ok).toBe(true);
    expect(s.quantity(sword)).toBe(5);
  });

  it('refuses an undo that would make a later quantity negative and names the later event', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const added = await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    const removed = await s.execute({ type: 'removeStock', itemId: sword, quantity: 4 });
    const before = s.engine.head.version;
    const u = await s.tryUndo(...added);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.dependents?.map((e) => e.id)).toEqual(removed.map((e) => e.id));
    expect(s.engine.head.version).toBe(before);
  });

  it('a reload after edits, moves, counts, archiving, undo and a late event gives the same state, undone set and counts', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword', { minQuantity: 2 });
    const rope = await s.create('Rope');
    await s.execute({ type: 'addStock', itemId: sword, quantity: 5, location: 'A' });
    await s.execute({ type: 'moveStock', itemId: sword, quantity: 2, from: 'A', to: 'B' });
    await s.execute({ type: 'countStock', itemId: sword, counted: 4, location: 'B' });
    await s.execute({ type: 'editItem', itemId: rope, changes: { name: 'Hemp rope', notes: 'long' } });
    const [add] = await s.execute({ type: 'addStock', itemId: rope, quantity: 1.5 });
    await s.execute({ type: 'archiveItem', itemId: rope });
    await s.undo(add!);
    await s.arrive(ev('StockAdded', { itemId: sword, quantity: 1 }, { time: '2026-01-01T00:00:30.000Z', id: 'late' }));
    const { engine } = s;
    const again = (await s.reopen({ seed: 8 })).engine;
    expect(plain(again.state.value)).toEqual(plain(engine.state.value));
    expect(again.revertedIds.value).toEqual(engine.revertedIds.value);
    expect([again.eventCount.value, again.head]).toEqual([engine.eventCount.value, engine.head]);
    expectHeadMatches(again.state.value, await s.log());
  });

  it('a refused command appends nothing and leaves the state as it was', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const before = await dump(s.store);
    const state = s.engine.state.value;
    const r = await s.tryExecute({ type: 'removeStock', itemId: sword, quantity: 1 });
    expect(r.ok).toBe(false);
    expect(await dump(s.store)).toEqual(before);
    expect(s.engine.state.value).toBe(state);
  });

  it('an append at the end of history is announced with its events (projections advance instead of refolding)', async () => {
    const s = await engineScenario();
    const sword = await s.create('Sword');
    const seen: unknown[] = [];
    s.engine.onChange((c) => seen.push(c));
    const events = await s.execute({ type: 'addStock', itemId: sword, quantity: 1 });
    expect(seen).toEqual([{ version: s.engine.head.version, appended: events }]);
  });

  // An event at the end of history costs O(1). Undo rows can name up to 10,000 events each (an undone import of
  // a million events is 100 rows), so reading them all on every command is not O(1).
  it('a command at the end of history reads no events and no revert rows, even when undos exist', async () => {
    const s = await engineScenario();
    const { store } = s;
    const sword = await s.create('Sword');
    const [a] = await s.execute({ type: 'addStock', itemId: sword, quantity: 1 });
    await s.undo(a!);
    const spies = { readRange: vi.spyOn(store, 'readRange'), readBackward: vi.spyOn(store, 'readBackward'), reverts: vi.spyOn(store, 'reverts'), revertsTable: vi.spyOn(store.db.reverts, 'toArray') };
    await s.execute({ type: 'addStock', itemId: sword, quantity: 2 });
    expect(Object.fromEntries(Object.entries(spies).map(([k, spy]) => [k, spy.mock.calls.length]))).toEqual({ readRange: 0, readBackward: 0, reverts: 0, revertsTable: 0 });
  });
});
