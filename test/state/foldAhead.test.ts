// A command's events are shown before IndexedDB commits them (issue 6: append within a frame), and taken back
// when the write fails or another tab wrote first. The store's append is held open here, so that what the
// engine shows while the write is under way can be looked at.
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../../src/store/eventStore';
import { engineScenario } from '../support/engineScenario';
import { plain } from '../support/oracle';

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

describe('a command shown before its write commits', () => {
  it('the table can show the new quantity while the write is under way, and the commit keeps that very state', async () => {
    const s = await engineScenario();
    const { engine } = s;
    const sword = await s.create('Sword');
    const hold = holdNextAppend(s.store);
    const done = engine.execute({ type: 'addStock', itemId: sword, quantity: 3 });
    await hold.started;
    const shown = engine.state.value;
    expect(s.quantity(sword)).toBe(3);
    expect(engine.eventCount.value).toBe(1); // the log's own figures move with the commit
    expect(engine.saving.value).toBe(true);
    hold.release();
    expect((await done).ok).toBe(true);
    expect(engine.saving.value).toBe(false);
    expect(engine.state.value).toBe(shown);
    expect(engine.eventCount.value).toBe(2);
    await s.expectHeadMatchesLog();
  });

  it('a write that fails puts the inventory back as it was and reports the failure', async () => {
    const s = await engineScenario();
    const { engine } = s;
    const sword = await s.create('Sword');
    await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    const before = engine.state.value;
    const hold = holdNextAppend(s.store);
    const done = engine.execute({ type: 'removeStock', itemId: sword, quantity: 2 });
    await hold.started;
    expect(s.quantity(sword)).toBe(3);
    hold.release(new DOMException('full', 'QuotaExceededError'));
    await expect(done).rejects.toThrow('full');
    expect(engine.saving.value).toBe(false);
    expect(engine.state.value).toBe(before);
    expect(s.quantity(sword)).toBe(5);
    await s.expectHeadMatchesLog();
  });

  it('when another tab wrote first, the shown change is taken back and the command is decided again on the new log', async () => {
    const a = await engineScenario({ seed: 1, source: 'eventory:device:tab-a' });
    const b = await a.reopen({ seed: 2, source: 'eventory:device:tab-b' });
    const sword = await a.create('Sword');
    await a.execute({ type: 'addStock', itemId: sword, quantity: 2 });
    await b.engine.catchUp();
    // b holds its write while a removes both units: b's "remove 2" is then refused on the log as it is.
    const hold = holdNextAppend(b.store);
    const fromB = b.engine.execute({ type: 'removeStock', itemId: sword, quantity: 2 });
    await hold.started;
    expect(b.quantity(sword)).toBe(0);
    await a.execute({ type: 'removeStock', itemId: sword, quantity: 2 });
    hold.release();
    const r = await fromB;
    expect(r.ok).toBe(false);
    expect(b.quantity(sword)).toBe(0);
    expect(b.engine.eventCount.value).toBe(3);
    expect(plain(b.engine.state.value)).toEqual(plain(a.engine.state.value));
    await b.expectHeadMatchesLog();
  });

  it('an undo is not shown ahead: it waits for the log, as it may refold the past', async () => {
    const s = await engineScenario();
    const { engine } = s;
    const sword = await s.create('Sword');
    const [added] = await s.execute({ type: 'addStock', itemId: sword, quantity: 4 });
    const hold = holdNextAppend(s.store);
    const done = engine.undo([added!.id]);
    await hold.started;
    expect(s.quantity(sword)).toBe(4);
    expect(engine.saving.value).toBe(false);
    hold.release();
    expect((await done).ok).toBe(true);
    expect(s.quantity(sword)).toBe(0);
  });
});
