// Two engines on one database are two tabs of the app. The store's version check makes a writer that has not
// seen the other's latest events catch up and decide again, so both see one log and nothing goes negative.
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { engineScenario } from '../support/engineScenario';
import { plain } from '../support/oracle';
import { expectHeadMatches } from '../support/scenario';

/** Tab a and tab b: two engines on one database, sharing the test clock. */
async function twoTabs() {
  const a = await engineScenario({ seed: 1, source: 'eventory:device:tab-a' });
  const b = await a.reopen({ seed: 2, source: 'eventory:device:tab-b' });
  return { a, b };
}

describe('two tabs on one database', () => {
  it('interleaved commands from both tabs end in one log with every event once, and the same state in both', async () => {
    const { a, b } = await twoTabs();
    const sword = await a.create('Sword');
    // b has not caught up: its first write is refused by the store, it catches up and decides again.
    const rope = await b.create('Rope');
    const accepted: InventoryEvent[] = [];
    for (let i = 0; i < 6; i++) accepted.push(...(await (i % 2 ? a : b).execute({ type: 'addStock', itemId: i % 3 ? sword : rope, quantity: i + 1 })));
    await a.engine.catchUp();
    await b.engine.catchUp();
    const log = await a.log();
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    expect(log).toHaveLength(2 + accepted.length);
    expect(accepted.every((e) => log.some((l) => l.id === e.id))).toBe(true);
    expect(plain(b.engine.state.value)).toEqual(plain(a.engine.state.value));
    expectHeadMatches(a.engine.state.value, log);
  });

  it('both tabs removing the last unit at once: exactly one succeeds, the other is refused, nothing goes negative', async () => {
    const { a, b } = await twoTabs();
    const sword = await a.create('Sword');
    await a.execute({ type: 'addStock', itemId: sword, quantity: 1 });
    await b.engine.catchUp();
    const results = await Promise.all([a.engine.execute({ type: 'removeStock', itemId: sword, quantity: 1 }), b.engine.execute({ type: 'removeStock', itemId: sword, quantity: 1 })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: expect.stringMatching(/only 0/) });
    await a.engine.catchUp();
    await b.engine.catchUp();
    expect([a.quantity(sword), b.quantity(sword)]).toEqual([0, 0]);
    expect((await a.log()).filter((e) => e.type === 'StockRemoved')).toHaveLength(1);
  });

  it('both tabs adding at once: both succeed and the quantity is the sum', async () => {
    const { a, b } = await twoTabs();
    const sword = await a.create('Sword');
    await b.engine.catchUp();
    const results = await Promise.all([a.engine.execute({ type: 'addStock', itemId: sword, quantity: 2 }), b.engine.execute({ type: 'addStock', itemId: sword, quantity: 3 })]);
    expect(results.every((r) => r.ok)).toBe(true);
    await a.engine.catchUp();
    await b.engine.catchUp();
    expect([a.quantity(sword), b.quantity(sword)]).toEqual([5, 5]);
  });

  it('an undo in one tab reaches the other', async () => {
    const { a, b } = await twoTabs();
    const sword = await a.create('Sword');
    const [add] = await a.execute({ type: 'addStock', itemId: sword, quantity: 4 });
    await b.engine.catchUp();
    expect(b.quantity(sword)).toBe(4);
    await b.undo(add!);
    await a.engine.catchUp();
    expect(a.quantity(sword)).toBe(0);
    expect(a.engine.revertedIds.value.has(add!.id)).toBe(true);
  });

  it('two tabs creating the same name at once: one is refused', async () => {
    const { a, b } = await twoTabs();
    const results = await Promise.all([a.engine.execute({ type: 'createItem', name: 'Sword' }), b.engine.execute({ type: 'createItem', name: 'sword' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    await a.engine.catchUp();
    await b.engine.catchUp();
    expect(a.engine.state.value.items.size).toBe(1);
  });

  // Tabs share a clock but not an id generator: when both act in the same millisecond, the ids of the later
  // command need not sort after the earlier one's, and a count made first can override an addition made after.
  it.each([11, 222, 3333, 6666666])('a command made after seeing the other tab’s event lands after it in history (tab b seed %i)', async (seed) => {
    const a = await engineScenario({ seed: 1 });
    const b = await a.reopen({ seed });
    const sword = await a.at(0).create('Sword');
    await a.at(1).execute({ type: 'addStock', itemId: sword, quantity: 5 });
    await a.at(2).execute({ type: 'countStock', itemId: sword, counted: 0 });
    await b.engine.catchUp();
    await b.at(2).execute({ type: 'addStock', itemId: sword, quantity: 2 });
    expect(b.quantity(sword)).toBe(2);
  });
});
