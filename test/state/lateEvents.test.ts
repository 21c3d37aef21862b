// Events that arrive after later ones (another device's, back-dated, merged) take their place in history.
// They are written straight to the store here, the way another tab's or an import's events reach an engine.
// The minutes are what these tests are about, so each step says when it happens.
import { describe, expect, it } from 'vitest';
import { keyAtTime } from '../../src/domain/history';
import { uuidv7Generator } from '../../src/domain/ids';
import { quantityOf } from '../../src/domain/inventory';
import { seededRandom } from '../support/engine';
import { engineScenario } from '../support/engineScenario';
import { added, at, counted, ev, removed, reverted } from '../support/events';
import { plain, replay } from '../support/oracle';

describe('late events', () => {
  it('a back-dated addition before a count is overridden by the count', async () => {
    const s = await engineScenario();
    const sword = await s.at(0).create('Sword');
    await s.at(2).execute({ type: 'addStock', itemId: sword, quantity: 5 });
    await s.at(4).execute({ type: 'countStock', itemId: sword, counted: 3 });
    await s.arrive(added({ item: sword, quantity: 10, at: 1, id: 'other-1' }));
    expect(s.quantity(sword)).toBe(3);
    await s.expectHeadMatchesLog();
  });

  it('a back-dated addition after the last count adds to the head', async () => {
    const s = await engineScenario();
    const sword = await s.at(0).create('Sword');
    await s.at(4).execute({ type: 'countStock', itemId: sword, counted: 3 });
    await s.at(8).execute({ type: 'addStock', itemId: sword, quantity: 1 });
    await s.arrive(added({ item: sword, quantity: 10, at: 5, id: 'other-1' }));
    expect(s.quantity(sword)).toBe(14);
  });

  it('time travel shows a late event from its own time on, not before', async () => {
    const s = await engineScenario();
    const sword = await s.at(0).create('Sword');
    await s.at(10).execute({ type: 'addStock', itemId: sword, quantity: 1 });
    await s.arrive(added({ item: sword, quantity: 7, at: 5, id: 'other-1' }));
    const qtyAt = async (m: number) => quantityOf((await s.engine.stateAtKey(keyAtTime(at(m)))).items.get(sword)!);
    expect([await qtyAt(4), await qtyAt(5), await qtyAt(10)]).toEqual([0, 7, 8]);
  });

  it('a late removal that goes below zero is kept and shown as a conflict, not dropped', async () => {
    const s = await engineScenario();
    const sword = await s.at(0).create('Sword');
    await s.at(10).execute({ type: 'addStock', itemId: sword, quantity: 1 });
    await s.arrive(removed({ item: sword, quantity: 3, at: 5, id: 'other-1' }));
    expect(s.item(sword).stock).toEqual({ '': -2 });
  });

  it('a second tab loading the same log after late events gets the same state', async () => {
    const s = await engineScenario();
    const sword = await s.at(0).create('Sword');
    await s.at(10).execute({ type: 'addStock', itemId: sword, quantity: 4 });
    await s.arrive(counted({ item: sword, counted: 9, at: 3, id: 'other-1' }));
    const again = await s.reopen({ seed: 99 });
    expect(plain(again.engine.state.value)).toEqual(plain(s.engine.state.value));
  });

  // An event named by an EventsReverted is treated as never having happened, whenever it arrives.
  it('a revert that arrives before the event it names still undoes that event', async () => {
    const s = await engineScenario();
    const sword = await s.at(0).create('Sword');
    s.at(10);
    const x = added({ item: sword, quantity: 5, at: 2, id: 'other-x' });
    await s.arrive(reverted({ events: [x.id], at: 3, id: 'other-u' }));
    await s.arrive(x);
    const all = await s.log();
    expect(s.quantity(sword)).toBe(0);
    await s.expectHeadMatchesLog();
    expect(plain(await s.engine.stateAtKey(s.engine.head.lastKey))).toEqual(plain(replay(all)));
  });

  it('an event another device recorded at this instant does not hide a command made right after it', async () => {
    // Another device's clock runs ahead: its event carries a time this device's clock has not reached, and an
    // id made at that (later) millisecond. A command made now is made after seeing it, so it must come after it.
    const s = await engineScenario();
    const sword = await s.create('Sword');
    await s.execute({ type: 'addStock', itemId: sword, quantity: 5 });
    const ahead = new Date(s.clock.now().getTime() + 5 * 60_000);
    const otherId = uuidv7Generator(() => ahead.getTime(), seededRandom(42))();
    await s.arrive(ev('StockCounted', { itemId: sword, counted: 0, expected: 5 }, { time: ahead.toISOString(), id: otherId }));
    const [later] = await s.execute({ type: 'addStock', itemId: sword, quantity: 3 });
    expect(s.quantity(sword)).toBe(3);
    const all = await s.log();
    expect(all[all.length - 1]!.id).toBe(later!.id);
  });
});
