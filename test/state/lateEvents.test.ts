// Events that arrive after later ones (another device's, back-dated, merged) take their place in history.
// They are written straight to the store here, the way another tab's or an import's events reach an engine.
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { keyAtTime } from '../../src/domain/history';
import { uuidv7Generator } from '../../src/domain/ids';
import { quantityOf } from '../../src/domain/inventory';
import { createItem, makeEngine, ok, seededRandom } from '../support/engine';
import { at, ev } from '../support/events';
import { plain, replay } from '../support/oracle';
import { expectHeadMatches } from '../support/scenario';
import { collect } from '../support/store';

type Env = Awaited<ReturnType<typeof makeEngine>>;

/** Writes `events` as another writer would, then lets the engine catch up. */
async function arrive(env: Env, ...events: InventoryEvent[]) {
  const res = await env.store.append(events, env.engine.head.version);
  expect(res.ok).toBe(true);
  await env.engine.catchUp();
}

const log = (env: Env) => collect(env.store.readRange('', '\uffff'));

describe('late events', () => {
  it('a back-dated addition before a count is overridden by the count', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    env.clock.tick(2 * 60_000);
    await ok(env.engine, { type: 'addStock', itemId: id, quantity: 5 });
    env.clock.tick(2 * 60_000);
    await ok(env.engine, { type: 'countStock', itemId: id, counted: 3 });
    await arrive(env, ev('StockAdded', { itemId: id, quantity: 10 }, { time: at(1), id: 'other-1' }));
    expect(quantityOf(env.engine.state.value.items.get(id)!)).toBe(3);
    expectHeadMatches(env.engine.state.value, await log(env));
  });

  it('a back-dated addition after the last count adds to the head', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    env.clock.tick(4 * 60_000);
    await ok(env.engine, { type: 'countStock', itemId: id, counted: 3 });
    env.clock.tick(4 * 60_000);
    await ok(env.engine, { type: 'addStock', itemId: id, quantity: 1 });
    await arrive(env, ev('StockAdded', { itemId: id, quantity: 10 }, { time: at(5), id: 'other-1' }));
    expect(quantityOf(env.engine.state.value.items.get(id)!)).toBe(14);
  });

  it('time travel shows a late event from its own time on, not before', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    env.clock.tick(10 * 60_000);
    await ok(env.engine, { type: 'addStock', itemId: id, quantity: 1 });
    await arrive(env, ev('StockAdded', { itemId: id, quantity: 7 }, { time: at(5), id: 'other-1' }));
    const qtyAt = async (m: number) => quantityOf((await env.engine.stateAtKey(keyAtTime(at(m)))).items.get(id)!);
    expect([await qtyAt(4), await qtyAt(5), await qtyAt(10)]).toEqual([0, 7, 8]);
  });

  it('a late removal that goes below zero is kept and shown as a conflict, not dropped', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    env.clock.tick(10 * 60_000);
    await ok(env.engine, { type: 'addStock', itemId: id, quantity: 1 });
    await arrive(env, ev('StockRemoved', { itemId: id, quantity: 3 }, { time: at(5), id: 'other-1' }));
    expect(env.engine.state.value.items.get(id)!.stock).toEqual({ '': -2 });
  });

  it('a second tab loading the same log after late events gets the same state', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    env.clock.tick(10 * 60_000);
    await ok(env.engine, { type: 'addStock', itemId: id, quantity: 4 });
    await arrive(env, ev('StockCounted', { itemId: id, counted: 9 }, { time: at(3), id: 'other-1' }));
    const again = await makeEngine({ name: env.name, clock: env.clock, seed: 99 });
    expect(plain(again.engine.state.value)).toEqual(plain(env.engine.state.value));
  });

  // Spec §3: an event named by an EventsReverted is treated as never having happened — whenever it arrives.
  it('a revert that arrives before the event it names still undoes that event', async () => {
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    env.clock.tick(10 * 60_000);
    const x = ev('StockAdded', { itemId: id, quantity: 5 }, { time: at(2), id: 'other-x' });
    await arrive(env, ev('EventsReverted', { eventIds: [x.id] }, { time: at(3), id: 'other-u' }));
    await arrive(env, x);
    const all = await log(env);
    expect(quantityOf(env.engine.state.value.items.get(id)!)).toBe(0);
    expectHeadMatches(env.engine.state.value, all);
    expect(plain(await env.engine.stateAtKey(env.engine.head.lastKey))).toEqual(plain(replay(all)));
  });

  it('an event another device recorded at this instant does not hide a command made right after it', async () => {
    // Another device's clock runs ahead: its event carries a time this device's clock has not reached, and an
    // id made at that (later) millisecond. A command made now is made after seeing it, so it must come after it.
    const env = await makeEngine();
    const id = await createItem(env.engine, 'Sword');
    await ok(env.engine, { type: 'addStock', itemId: id, quantity: 5 });
    const ahead = new Date(env.clock.now().getTime() + 5 * 60_000);
    const otherId = uuidv7Generator(() => ahead.getTime(), seededRandom(42))();
    await arrive(env, ev('StockCounted', { itemId: id, counted: 0, expected: 5 }, { time: ahead.toISOString(), id: otherId }));
    const [added] = await ok(env.engine, { type: 'addStock', itemId: id, quantity: 3 });
    expect(quantityOf(env.engine.state.value.items.get(id)!)).toBe(3);
    const all = await log(env);
    expect(all[all.length - 1]!.id).toBe(added!.id);
  });
});
