// Two engines on one database are two tabs of the app. The store's version check makes a writer that has not
// seen the other's latest events catch up and decide again, so both see one log and nothing goes negative.
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { quantityOf } from '../../src/domain/inventory';
import type { Engine } from '../../src/state/engine';
import { createItem, freshDbName, makeEngine, ok, testClock } from '../support/engine';
import { plain } from '../support/oracle';
import { expectHeadMatches } from '../support/scenario';
import { collect } from '../support/store';

async function twoTabs() {
  const name = freshDbName();
  const clock = testClock();
  const a = await makeEngine({ name, clock, seed: 1, source: 'eventory:device:tab-a' });
  const b = await makeEngine({ name, clock, seed: 2, source: 'eventory:device:tab-b' });
  return { a: a.engine, b: b.engine, store: a.store, clock };
}

const qty = (e: Engine, id: string) => quantityOf(e.state.value.items.get(id)!);

describe('two tabs on one database', () => {
  it('interleaved commands from both tabs end in one log with every event once, and the same state in both', async () => {
    const { a, b, store, clock } = await twoTabs();
    const sword = await createItem(a, 'Sword');
    clock.tick();
    // b has not caught up: its first write is refused by the store, it catches up and decides again.
    const rope = await createItem(b, 'Rope');
    const accepted: InventoryEvent[] = [];
    for (let i = 0; i < 6; i++) {
      clock.tick();
      accepted.push(...(await ok(i % 2 ? a : b, { type: 'addStock', itemId: i % 3 ? sword : rope, quantity: i + 1 })));
    }
    await a.catchUp();
    await b.catchUp();
    const log = await collect(store.readRange('', '\uffff'));
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    expect(log).toHaveLength(2 + accepted.length);
    expect(accepted.every((e) => log.some((l) => l.id === e.id))).toBe(true);
    expect(plain(b.state.value)).toEqual(plain(a.state.value));
    expectHeadMatches(a.state.value, log);
  });

  it('both tabs removing the last unit at once: exactly one succeeds, the other is refused, nothing goes negative', async () => {
    const { a, b, store, clock } = await twoTabs();
    const id = await createItem(a, 'Sword');
    clock.tick();
    await ok(a, { type: 'addStock', itemId: id, quantity: 1 });
    await b.catchUp();
    clock.tick();
    const results = await Promise.all([a.execute({ type: 'removeStock', itemId: id, quantity: 1 }), b.execute({ type: 'removeStock', itemId: id, quantity: 1 })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: expect.stringMatching(/only 0/) });
    await a.catchUp();
    await b.catchUp();
    expect([qty(a, id), qty(b, id)]).toEqual([0, 0]);
    const log = await collect(store.readRange('', '\uffff'));
    expect(log.filter((e) => e.type === 'StockRemoved')).toHaveLength(1);
  });

  it('both tabs adding at once: both succeed and the quantity is the sum', async () => {
    const { a, b, clock } = await twoTabs();
    const id = await createItem(a, 'Sword');
    await b.catchUp();
    clock.tick();
    const results = await Promise.all([a.execute({ type: 'addStock', itemId: id, quantity: 2 }), b.execute({ type: 'addStock', itemId: id, quantity: 3 })]);
    expect(results.every((r) => r.ok)).toBe(true);
    await a.catchUp();
    await b.catchUp();
    expect([qty(a, id), qty(b, id)]).toEqual([5, 5]);
  });

  it('an undo in one tab reaches the other', async () => {
    const { a, b, clock } = await twoTabs();
    const id = await createItem(a, 'Sword');
    clock.tick();
    const [add] = await ok(a, { type: 'addStock', itemId: id, quantity: 4 });
    await b.catchUp();
    expect(qty(b, id)).toBe(4);
    clock.tick();
    expect((await b.undo([add!.id])).ok).toBe(true);
    await a.catchUp();
    expect(qty(a, id)).toBe(0);
    expect(a.revertedIds.value.has(add!.id)).toBe(true);
  });

  it('two tabs creating the same name at once: one is refused', async () => {
    const { a, b } = await twoTabs();
    const results = await Promise.all([a.execute({ type: 'createItem', name: 'Sword' }), b.execute({ type: 'createItem', name: 'sword' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    await a.catchUp();
    await b.catchUp();
    expect(a.state.value.items.size).toBe(1);
  });

  // Tabs share a clock but not an id generator: when both act in the same millisecond, the ids of the later
  // command need not sort after the earlier one's, and a count made first can override an addition made after.
  it.each([11, 222, 3333, 6666666])('a command made after seeing the other tab’s event lands after it in history (tab b seed %i)', async (seed) => {
    const name = freshDbName();
    const clock = testClock();
    const a = (await makeEngine({ name, clock, seed: 1 })).engine;
    const b = (await makeEngine({ name, clock, seed })).engine;
    const id = await createItem(a, 'Sword');
    clock.tick();
    await ok(a, { type: 'addStock', itemId: id, quantity: 5 });
    clock.tick();
    await ok(a, { type: 'countStock', itemId: id, counted: 0 });
    await b.catchUp();
    await ok(b, { type: 'addStock', itemId: id, quantity: 2 });
    expect(qty(b, id)).toBe(2);
  });
});
