import { describe, expect, it } from 'vitest';
import { quantityOf } from '../../src/domain/inventory';
import { createItem, makeEngine, ok } from '../support/engine';
import { collect } from '../support/store';
import { expectHeadMatches } from '../support/scenario';

const qty = (e: Awaited<ReturnType<typeof makeEngine>>['engine'], id: string) => quantityOf(e.state.value.items.get(id)!);

async function undone(engine: Awaited<ReturnType<typeof makeEngine>>['engine'], ids: string[]) {
  const r = await engine.undo(ids);
  if (!r.ok) throw new Error(`expected the undo to succeed: ${r.error}`);
  return r.events.map((e) => e.id);
}

describe('undo and redo', () => {
  it('undo, redo, undo: the quantity follows the latest word', async () => {
    const { engine, clock, store } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const [add] = await ok(engine, { type: 'addStock', itemId: id, quantity: 5 });
    clock.tick();
    const u1 = await undone(engine, [add!.id]);
    clock.tick();
    const u2 = await undone(engine, u1);
    expect(qty(engine, id)).toBe(5);
    clock.tick();
    await undone(engine, u2);
    expect(qty(engine, id)).toBe(0);
    expectHeadMatches(engine.state.value, await collect(store.readRange('', '\uffff')));
  });

  it('refuses to undo an event that is already undone and appends nothing', async () => {
    const { engine, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    const [add] = await ok(engine, { type: 'addStock', itemId: id, quantity: 5 });
    clock.tick();
    await undone(engine, [add!.id]);
    const version = engine.head.version;
    const r = await engine.undo([add!.id]);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/already undone/) });
    expect(engine.head.version).toBe(version);
  });

  it('refuses to undo an id that is not in the log', async () => {
    const { engine } = await makeEngine();
    await createItem(engine, 'Sword');
    expect(await engine.undo(['nope'])).toMatchObject({ ok: false, error: expect.stringMatching(/not in the log/) });
  });

  it('refuses to undo the creation of an item that later events act on', async () => {
    const { engine, clock } = await makeEngine();
    const [created] = await ok(engine, { type: 'createItem', name: 'Sword' });
    const id = (created!.data as { itemId: string }).itemId;
    clock.tick();
    const added = await ok(engine, { type: 'addStock', itemId: id, quantity: 1 });
    const r = await engine.undo([created!.id]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.dependents?.map((e) => e.id)).toEqual(added.map((e) => e.id));
  });

  it('refuses a redo that would take more than a later removal left', async () => {
    const { engine, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    await ok(engine, { type: 'addStock', itemId: id, quantity: 5 });
    clock.tick();
    const [rm] = await ok(engine, { type: 'removeStock', itemId: id, quantity: 3 });
    clock.tick();
    const u1 = await undone(engine, [rm!.id]);
    clock.tick();
    await ok(engine, { type: 'removeStock', itemId: id, quantity: 4 });
    const r = await engine.undo(u1);
    expect(r.ok).toBe(false);
    expect(qty(engine, id)).toBe(1);
  });

  // Undoing a redo undoes the original events again, so a removal made after the redo must block it, exactly as
  // it blocks a first undo (spec §3: reverting an event whose removal would make a later quantity negative is
  // refused).
  it('refuses undoing a redo when a later removal depends on the redone addition', async () => {
    const { engine, clock, store } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const [add] = await ok(engine, { type: 'addStock', itemId: id, quantity: 5 });
    clock.tick();
    const u1 = await undone(engine, [add!.id]);
    clock.tick();
    const u2 = await undone(engine, u1);
    clock.tick();
    const [rm] = await ok(engine, { type: 'removeStock', itemId: id, quantity: 5 });
    clock.tick();
    const r = await engine.undo(u2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.dependents?.map((e) => e.id)).toEqual([rm!.id]);
    expect(qty(engine, id)).toBe(0);
    expectHeadMatches(engine.state.value, await collect(store.readRange('', '\uffff')));
  });

  it('refuses undoing a redo of an item’s creation when later events act on the item', async () => {
    const { engine, clock } = await makeEngine();
    const [created] = await ok(engine, { type: 'createItem', name: 'Sword' });
    const id = (created!.data as { itemId: string }).itemId;
    clock.tick();
    const u1 = await undone(engine, [created!.id]);
    clock.tick();
    const u2 = await undone(engine, u1);
    clock.tick();
    await ok(engine, { type: 'addStock', itemId: id, quantity: 2 });
    clock.tick();
    expect((await engine.undo(u2)).ok).toBe(false);
    expect(engine.state.value.items.get(id)!.known).toBe(true);
  });

  it('undoing several events at once reverts them all in one EventsReverted', async () => {
    const { engine, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const [a] = await ok(engine, { type: 'addStock', itemId: id, quantity: 2 });
    const [b] = await ok(engine, { type: 'addStock', itemId: id, quantity: 3, location: 'A' });
    clock.tick();
    const r = await engine.undo([a!.id, b!.id]);
    expect(r.ok && r.events.map((e) => e.data)).toEqual([{ eventIds: [a!.id, b!.id] }]);
    expect(qty(engine, id)).toBe(0);
  });
});
