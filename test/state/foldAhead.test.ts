// A command's events are shown before IndexedDB commits them (issue 6: append within a frame), and taken back
// when the write fails or another tab wrote first. The store's append is held open here, so that what the
// engine shows while the write is under way can be looked at.
import { describe, expect, it } from 'vitest';
import { quantityOf } from '../../src/domain/inventory';
import type { EventStore } from '../../src/store/eventStore';
import type { Engine } from '../../src/state/engine';
import { createItem, freshDbName, makeEngine, ok, testClock } from '../support/engine';
import { plain } from '../support/oracle';
import { expectHeadMatches } from '../support/scenario';
import { collect } from '../support/store';

/** Holds the next store.append until release(); `started` resolves once the engine has called it. */
function holdNextAppend(store: EventStore) {
  const original = store.append.bind(store);
  let release!: (fail?: Error) => void;
  const gate = new Promise<Error | undefined>((r) => (release = r));
  let started!: () => void;
  const startedP = new Promise<void>((r) => (started = r));
  store.append = async (...args) => {
    store.append = original;
    started();
    const fail = await gate;
    if (fail) throw fail;
    return original(...args);
  };
  return { started: startedP, release };
}

const qty = (e: Engine, id: string) => quantityOf(e.state.value.items.get(id)!);

describe('a command shown before its write commits', () => {
  it('the table can show the new quantity while the write is under way, and the commit keeps that very state', async () => {
    const { engine, store, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const hold = holdNextAppend(store);
    const done = engine.execute({ type: 'addStock', itemId: id, quantity: 3 });
    await hold.started;
    const shown = engine.state.value;
    expect(qty(engine, id)).toBe(3);
    expect(engine.eventCount.value).toBe(1); // the log's own figures move with the commit
    expect(engine.saving.value).toBe(true);
    hold.release();
    expect((await done).ok).toBe(true);
    expect(engine.saving.value).toBe(false);
    expect(engine.state.value).toBe(shown);
    expect(engine.eventCount.value).toBe(2);
    expectHeadMatches(engine.state.value, await collect(store.readRange('', '\uffff')));
  });

  it('a write that fails puts the inventory back as it was and reports the failure', async () => {
    const { engine, store, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    await ok(engine, { type: 'addStock', itemId: id, quantity: 5 });
    const before = engine.state.value;
    clock.tick();
    const hold = holdNextAppend(store);
    const done = engine.execute({ type: 'removeStock', itemId: id, quantity: 2 });
    await hold.started;
    expect(qty(engine, id)).toBe(3);
    hold.release(new DOMException('full', 'QuotaExceededError'));
    await expect(done).rejects.toThrow('full');
    expect(engine.saving.value).toBe(false);
    expect(engine.state.value).toBe(before);
    expect(qty(engine, id)).toBe(5);
    expectHeadMatches(engine.state.value, await collect(store.readRange('', '\uffff')));
  });

  it('when another tab wrote first, the shown change is taken back and the command is decided again on the new log', async () => {
    const name = freshDbName();
    const clock = testClock();
    const a = await makeEngine({ name, clock, seed: 1, source: 'eventory:device:tab-a' });
    const b = await makeEngine({ name, clock, seed: 2, source: 'eventory:device:tab-b' });
    const id = await createItem(a.engine, 'Sword');
    clock.tick();
    await ok(a.engine, { type: 'addStock', itemId: id, quantity: 2 });
    await b.engine.catchUp();
    clock.tick();
    // b holds its write while a removes both units: b's "remove 2" is then refused on the log as it is.
    const hold = holdNextAppend(b.store);
    const fromB = b.engine.execute({ type: 'removeStock', itemId: id, quantity: 2 });
    await hold.started;
    expect(qty(b.engine, id)).toBe(0);
    await ok(a.engine, { type: 'removeStock', itemId: id, quantity: 2 });
    hold.release();
    const r = await fromB;
    expect(r.ok).toBe(false);
    expect(qty(b.engine, id)).toBe(0);
    expect(b.engine.eventCount.value).toBe(3);
    expect(plain(b.engine.state.value)).toEqual(plain(a.engine.state.value));
    expectHeadMatches(b.engine.state.value, await collect(b.store.readRange('', '\uffff')));
  });

  it('an undo is not shown ahead: it waits for the log, as it may refold the past', async () => {
    const { engine, store, clock } = await makeEngine();
    const id = await createItem(engine, 'Sword');
    clock.tick();
    const [added] = await ok(engine, { type: 'addStock', itemId: id, quantity: 4 });
    clock.tick();
    const hold = holdNextAppend(store);
    const done = engine.undo([added!.id]);
    await hold.started;
    expect(qty(engine, id)).toBe(4);
    expect(engine.saving.value).toBe(false);
    hold.release();
    expect((await done).ok).toBe(true);
    expect(qty(engine, id)).toBe(0);
  });
});
