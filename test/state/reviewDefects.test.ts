// The defects an independent review found (each a minimal reproduction): every number the app shows must be
// the fold of the log, whatever the history's length, the order of a merge, or the times its events carry.
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { keyAtTime } from '../../src/domain/history';
import { quantityOf } from '../../src/domain/inventory';
import { importEvents } from '../../src/state/importer';
import { createItem, makeEngine, ok, testClock } from '../support/engine';
import { engineScenario, EngineScenario } from '../support/engineScenario';
import { exportText, importText } from '../support/exchange';
import { added, at, created, ev } from '../support/events';
import { plain, replay } from '../support/oracle';

type Env = Awaited<ReturnType<typeof makeEngine>>;
const qty = (env: Env, itemId: string) => quantityOf(env.engine.state.value.items.get(itemId)!);

describe('a long log: undos that reach before the fold’s checkpoint', () => {
  // 2,100 adds cross the 2,000-event checkpoint and snapshot intervals.
  const adds = (n: number) => [created({ item: 'i1', name: 'Rope', id: 'c-i1' }), ...Array.from({ length: n }, (_, i) => added({ item: 'i1', quantity: 1, at: 1 + i, id: `a-${String(i).padStart(5, '0')}` }))];

  /** The reviewer's reproduction: an early add undone (before the checkpoint), then a late one. */
  async function twoUndos(): Promise<EngineScenario> {
    const s = await engineScenario({ clock: testClock(at(10_000)) });
    expect(await importEvents(s.engine, adds(2100))).toMatchObject({ ok: true, added: 2101 });
    await s.undo('a-00005');
    await s.undo('a-02090');
    return s;
  }

  it('undoing an early add, then a late one, leaves the quantity a replay gives, at the head and after a restart', async () => {
    const s = await twoUndos();
    expect(s.quantity('i1')).toBe(2098);
    const all = await s.log();
    expect(plain(s.engine.state.value)).toEqual(plain(replay(all)));
    const again = await s.reopen();
    expect(plain(again.engine.state.value)).toEqual(plain(replay(all)));
    again.env.db.close();
  });

  it('a rebuild of that log folds to the replay too', async () => {
    const s = await twoUndos();
    await s.engine.rebuild();
    expect(plain(s.engine.state.value)).toEqual(plain(replay(await s.log())));
  });

  it('another device importing the export shows the same quantity', async () => {
    const s = await twoUndos();
    const other = await engineScenario({ clock: testClock(at(20_000)), seed: 9 });
    expect(await importText(other.engine, await exportText(s.engine, new Date(0)))).toMatchObject({ ok: true });
    expect(other.quantity('i1')).toBe(2098);
  });
});

describe('a merge after an undone creation', () => {
  it('imports the other device’s stock for an item whose creation this log holds but undid', async () => {
    const a = await engineScenario({ seed: 1, source: 'eventory:device:a' });
    const rope = await a.create('Rope');
    const b = await engineScenario({ seed: 2, source: 'eventory:device:b', clock: testClock(at(5)) });
    await importText(b.engine, await exportText(a.engine, new Date(0)));
    await b.execute({ type: 'addStock', itemId: rope, quantity: 2 });
    await a.undo((await a.log())[0]!);
    const r = await importText(a.engine, await exportText(b.engine, new Date(0)));
    expect(r).toMatchObject({ ok: true, added: 1 });
    expect(plain(a.engine.state.value)).toEqual(plain(replay(await a.log())));
  });
});

describe('times at the edges of what is valid', () => {
  it('a command after an event at 9999-12-31T23:59:59.999Z is saved, at the clock’s time', async () => {
    const env = await makeEngine({ clock: testClock('2026-03-01T00:00:00.000Z') });
    const id = await createItem(env.engine, 'Rope');
    await importEvents(env.engine, [ev('StockAdded', { itemId: id, quantity: 1 }, { time: '9999-12-31T23:59:59.999Z', id: 'far' })]);
    const [e] = await ok(env.engine, { type: 'addStock', itemId: id, quantity: 2 });
    expect(e!.time).toBe('2026-03-01T00:00:00.000Z');
    expect(qty(env, id)).toBe(3);
  });

  it('undoing an import that holds an event at the far end of time works', async () => {
    const env = await makeEngine({ clock: testClock('2026-03-01T00:00:00.000Z') });
    const id = await createItem(env.engine, 'Rope');
    await importEvents(env.engine, [ev('StockAdded', { itemId: id, quantity: 1 }, { time: '9999-12-31T23:59:59.999Z', id: 'far' })], { name: 'far.json' });
    const [imp] = await env.engine.store.imports();
    expect((await env.engine.undoImport(imp!.id)).ok).toBe(true);
    expect(qty(env, id)).toBe(0);
  });

  it('a future-dated event does not drag the times of later local commands', async () => {
    const env = await makeEngine({ clock: testClock('2026-03-01T00:00:00.000Z') });
    const id = await createItem(env.engine, 'Rope');
    await importEvents(env.engine, [ev('StockAdded', { itemId: id, quantity: 1 }, { time: '2031-01-01T00:00:00.000Z', id: 'future' })]);
    env.clock.tick(1000);
    const [e] = await ok(env.engine, { type: 'addStock', itemId: id, quantity: 2 });
    expect(e!.time).toBe('2026-03-01T00:00:01.000Z');
    expect(plain(await env.engine.stateAtKey(keyAtTime('2026-03-01T00:00:02.000Z'))).items[0]!.stock).toEqual({ '': 2 });
  });
});

describe('ids at the edges of what is valid', () => {
  it('an event whose id starts with U+FFFF counts at its own instant', async () => {
    const env = await makeEngine();
    const events: InventoryEvent[] = [created({ item: 'i1', name: 'Rope', id: 'c' }), added({ item: 'i1', quantity: 10, at: 1, id: 'a' }), added({ item: 'i1', quantity: 1, at: 1, id: '\uffffz' })];
    await importEvents(env.engine, events);
    expect(quantityOf((await env.engine.stateAtKey(keyAtTime(at(1)))).items.get('i1')!)).toBe(11);
  });
});
