// Tabs are engines on one database. Each command is decided against the tab's state and appended only if the
// log is still at the version the tab has seen; otherwise the tab catches up and decides again. Over hundreds of
// rounds of commands issued at the same moment, nothing may be lost, doubled or driven below zero, and every tab
// must end with the state of the log. (test/state/tabs*.test.ts check single races and short random runs.)
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/domain/commands';
import { quantityAt } from '../../src/domain/inventory';
import type { Engine, ExecResult } from '../../src/state/engine';
import { importEvents } from '../../src/state/importer';
import { createItem } from '../support/engine';
import { at, ev } from '../support/events';
import { negativeBuckets } from '../support/scenario';
import { collect } from '../support/store';
import { expectConverged, ledger, prng, tabs } from './support/tabs';

const LOCS = [undefined, 'A', 'B'] as const;

function randomCommand(rand: (n: number) => number, items: readonly string[]): Command {
  const itemId = items[rand(items.length)]!;
  const location = LOCS[rand(LOCS.length)];
  switch (rand(5)) {
    case 0:
    case 1:
      return { type: 'addStock', itemId, quantity: 1 + rand(3), location };
    case 2:
      return { type: 'removeStock', itemId, quantity: 1 + rand(2), location };
    case 3:
      return { type: 'moveStock', itemId, quantity: 1, from: location, to: LOCS[(LOCS.indexOf(location) + 1 + rand(2)) % LOCS.length] };
    default:
      return { type: 'countStock', itemId, counted: rand(6), location };
  }
}

describe('tabs acting at the same moment, for hundreds of rounds', () => {
  it.each([
    [2, 200],
    [3, 60],
  ])('%i tabs, %i rounds of concurrent commands: every accepted event once, none lost, none negative, all tabs converge', async (n, rounds) => {
    const { engines, store, clock, deliver } = await tabs(n);
    const book = ledger();
    for (const name of ['Sword', 'Rope', 'Flour']) book.take(await engines[0]!.execute({ type: 'createItem', name }));
    await deliver();
    const items = [...engines[0]!.state.value.items.keys()];
    expect(items).toHaveLength(3);
    const rand = prng(4242 + n);
    for (let round = 0; round < rounds; round++) {
      // Sometimes in the same millisecond: ties in time are broken by id, which tabs draw independently.
      clock.tick([0, 1, 1000][rand(3)]);
      const results = await Promise.all(engines.map((e) => e.execute(randomCommand(rand, items))));
      results.forEach(book.take);
      for (const e of engines) expect(negativeBuckets(e.state.value), `round ${round}`).toEqual([]);
      // Most rounds the tabs hear of each other before the next; some rounds they act on what they last saw.
      if (rand(4)) await deliver();
    }
    await deliver();
    const log = await expectConverged(engines, store, book.accepted);
    expect(book.refusals.every((m) => /^Cannot (remove|move) /.test(m)), `only stock refusals:\n${book.refusals.join('\n')}`).toBe(true);
    expect(log.length).toBeGreaterThan(rounds * n * 0.6);
  });

  it('both tabs removing the last unit, 100 times: one success and one clear refusal each time, never negative', async () => {
    const { engines, store, clock, deliver } = await tabs(2);
    const [a, b] = engines as [Engine, Engine];
    const book = ledger();
    const id = await createItem(a, 'Potion');
    book.accepted.push(...(await collect(store.readRange('', '\uffff'))));
    await deliver();
    const rand = prng(7);
    for (let round = 0; round < 100; round++) {
      const location = LOCS[rand(LOCS.length)];
      clock.tick(rand(2));
      const add = await (round % 2 ? a : b).execute({ type: 'addStock', itemId: id, quantity: 1, location });
      book.take(add);
      expect(add.ok).toBe(true);
      // Both tabs show the unit, and the user acts in both at once. The second to write has not seen the first
      // one's removal: the store refuses its write, it catches up, decides again, and the domain refuses.
      await deliver();
      clock.tick(rand(2));
      const order: Engine[] = round % 3 ? [a, b] : [b, a];
      const tries: Command[] = [
        { type: 'removeStock', itemId: id, quantity: 1, location },
        rand(2) ? { type: 'removeStock', itemId: id, quantity: 1, location } : { type: 'moveStock', itemId: id, quantity: 1, from: location, to: location === 'A' ? 'B' : 'A' },
      ];
      const results = await Promise.all(order.map((e, i) => e.execute(tries[i]!)));
      results.forEach(book.take);
      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
      const refused = results.find((r) => !r.ok) as Extract<ExecResult, { ok: false }>;
      expect(refused.error).toMatch(/^Cannot (remove|move) 1: only 0 of “Potion”/);
      for (const e of engines) {
        expect(negativeBuckets(e.state.value)).toEqual([]);
        expect(quantityAt(e.state.value.items.get(id), location)).toBe(0);
      }
      // The unit that was moved is removed by the next round's race; keep only the race's own unit in play.
      const moved = results.find((r) => r.ok && r.events[0]!.type === 'StockMoved');
      if (moved) {
        await deliver();
        book.take(await a.execute({ type: 'removeStock', itemId: id, quantity: 1, location: location === 'A' ? 'B' : 'A' }));
      }
      await deliver();
    }
    const log = await expectConverged(engines, store, book.accepted);
    expect(log.filter((e) => e.type === 'StockAdded')).toHaveLength(100);
    expect(book.refusals).toHaveLength(100);
  });

  it('a tab that missed a write the journal does not carry (an import) reloads the log at its next write, and converges', async () => {
    const { engines, store, clock, deliver, asleep } = await tabs(2);
    const [a, b] = engines as [Engine, Engine];
    const book = ledger();
    const id = await createItem(a, 'Nail');
    book.accepted.push(...(await collect(store.readRange('', '\uffff'))));
    await deliver();
    asleep.add(b);
    const file = Array.from({ length: 300 }, (_, i) => ev('StockAdded', { itemId: id, quantity: 1, location: i % 2 ? 'A' : undefined }, { id: `imp-${i}`, time: at(i) }));
    expect(await importEvents(a, file)).toEqual({ ok: true, added: 300, skipped: 0 });
    book.accepted.push(...file);
    expect(await store.journalSince(b.head.version)).toBe('gap');
    clock.tick(1);
    // b's view is 300 events behind; its write is refused by the store, the journal cannot bring it up to date,
    // so it reloads the log and decides again.
    const r = await b.execute({ type: 'addStock', itemId: id, quantity: 1, location: 'A' });
    expect(r.ok).toBe(true);
    book.take(r);
    await expectConverged(engines, store, book.accepted);
    expect(quantityAt(b.state.value.items.get(id), 'A')).toBe(151);
  });
});

describe('a refusal is decided on the latest log, not on what a tab last heard', () => {
  it('a tab that has not yet heard of an addition does not refuse a removal the log allows', async () => {
    const { engines, store } = await tabs(2);
    const [a, b] = engines as [Engine, Engine];
    const id = await createItem(a, 'Rope');
    await b.catchUp();
    await a.execute({ type: 'addStock', itemId: id, quantity: 3 });
    // The announcement is still in flight when b's command runs: b's own view says 0.
    const r = await b.execute({ type: 'removeStock', itemId: id, quantity: 2 });
    expect(r).toMatchObject({ ok: true });
    await expectConverged(engines, store, await collect(store.readRange('', '\uffff')));
    expect(quantityAt(a.state.value.items.get(id), undefined)).toBe(1);
  });

  it('a tab that has not yet heard of an item acts on it instead of saying it does not exist', async () => {
    const { engines } = await tabs(2);
    const [a, b] = engines as [Engine, Engine];
    const id = await createItem(a, 'Lamp');
    expect(await b.execute({ type: 'addStock', itemId: id, quantity: 1 })).toMatchObject({ ok: true });
  });

  it('the message of a refusal reflects the latest log', async () => {
    const { engines } = await tabs(2);
    const [a, b] = engines as [Engine, Engine];
    const id = await createItem(a, 'Bolt');
    await b.catchUp();
    await a.execute({ type: 'addStock', itemId: id, quantity: 1 });
    expect(await b.execute({ type: 'removeStock', itemId: id, quantity: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/^Cannot remove 2: only 1 of “Bolt”/) });
  });
});
