// A snapshot is a cache of the fold: one that is missing, damaged, of another format or ahead of the log must be
// noticed and passed over, and the state then folded from the log must equal the full replay exactly. A sound
// one is used (the control case), so a test that passes here proves the damaged ones were really refused.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { historyKey } from '../../src/domain/history';
import { SNAPSHOT_FORMAT } from '../../src/store/db';
import type { SnapshotRow } from '../../src/store/types';
import type { EventStore } from '../../src/store/eventStore';
import { createItem, makeEngine, ok, type TestClock } from '../support/engine';
import { plain, replay, specOrder } from '../support/oracle';
import { expectHeadMatches } from '../support/scenario';
import { collect } from '../support/store';
import { added } from '../support/events';
import { engineScenario } from '../support/engineScenario';
import { importEvents } from '../../src/state/importer';

type Env = Awaited<ReturnType<typeof makeEngine>>;
const opened: Env[] = [];
afterEach(() => {
  for (const e of opened.splice(0)) e.db.close();
});

/** A short history with locations, decimals, a move, a count, an archive, an undo and a redo (all early). */
async function history(): Promise<{ env: Env; log: InventoryEvent[] }> {
  const env = await makeEngine();
  opened.push(env);
  const { engine, clock } = env;
  const step = (c: TestClock) => c.tick(1000);
  const sword = await createItem(engine, 'Sword');
  step(clock);
  const rope = await createItem(engine, 'Rope', { unit: 'm', minQuantity: 10 });
  step(clock);
  const [add] = await ok(engine, { type: 'addStock', itemId: sword, quantity: 5, location: 'Armory' });
  step(clock);
  const undone = await engine.undo([add!.id]);
  if (!undone.ok) throw new Error(undone.error);
  step(clock);
  const redone = await engine.undo([undone.events[0]!.id]);
  if (!redone.ok) throw new Error(redone.error);
  for (let i = 0; i < 12; i++) {
    step(clock);
    await ok(engine, { type: 'addStock', itemId: i % 3 ? rope : sword, quantity: 0.5 + i, location: i % 2 ? 'Van' : undefined });
  }
  step(clock);
  await ok(engine, { type: 'moveStock', itemId: sword, quantity: 2, from: 'Armory', to: 'Van' });
  step(clock);
  await ok(engine, { type: 'countStock', itemId: rope, counted: 7.25 });
  step(clock);
  await ok(engine, { type: 'archiveItem', itemId: rope });
  for (let i = 0; i < 8; i++) {
    step(clock);
    await ok(engine, { type: 'removeStock', itemId: sword, quantity: 1, location: 'Van' });
  }
  const log = (await collect(env.store.readRange('', '\uffff'))).sort(specOrder);
  return { env, log };
}

/** The true snapshot at the `i`-th event of history. */
function trueSnapshot(log: readonly InventoryEvent[], i: number): SnapshotRow {
  const e = log[i]!;
  const state = replay(log, { time: e.time, id: e.id });
  return { key: historyKey(e), format: SNAPSHOT_FORMAT, eventCount: state.eventCount, items: [...state.items.values()] };
}

/** A second engine (another load of the app) on the same database; reports where its first read of the log began. */
async function reload(env: Env) {
  let startedAfter: string | undefined;
  const spy = (store: EventStore) => {
    const orig = store.readRange.bind(store);
    vi.spyOn(store, 'readRange').mockImplementation((after, to, n) => {
      startedAfter ??= after;
      return orig(after, to, n);
    });
  };
  const again = await makeEngine({ name: env.name, clock: env.clock, seed: 99, beforeLoad: spy });
  opened.push(again);
  return { again, startedAfter };
}

const SNAP_AT = 20;

describe('snapshots on load', () => {
  it('control: a sound snapshot is used (the load reads only the tail) and gives the replay', async () => {
    const { env, log } = await history();
    const row = trueSnapshot(log, SNAP_AT);
    await env.db.snapshots.put(row);
    const { again, startedAfter } = await reload(env);
    expect(startedAfter).toBe(row.key);
    expectHeadMatches(again.engine.state.value, log);
  });

  it('a missing snapshot: the state is folded from the whole log and equals the replay', async () => {
    const { env, log } = await history();
    await env.db.snapshots.clear();
    const { again, startedAfter } = await reload(env);
    expect(startedAfter).toBe('');
    expectHeadMatches(again.engine.state.value, log);
  });

  type Damage = [string, (row: SnapshotRow) => unknown];
  const item = (row: SnapshotRow) => row.items.find((i) => Object.keys(i.stock).length > 0)!;
  const damages: Damage[] = [
    ['items is not a list (a string)', (r) => ({ ...r, items: 'garbage' })],
    ['items is not a list (an object)', (r) => ({ ...r, items: { 0: r.items[0] } })],
    ['items is missing', ({ items: _items, ...r }) => r],
    ['an older format', (r) => ({ ...r, format: SNAPSHOT_FORMAT - 1 })],
    ['a newer format', (r) => ({ ...r, format: SNAPSHOT_FORMAT + 1 })],
    ['the format as text', (r) => ({ ...r, format: String(SNAPSHOT_FORMAT) })],
    ['no format', ({ format: _f, ...r }) => r],
    ['an event count that is not a number', (r) => ({ ...r, eventCount: 'many' })],
    ['an event count that is not whole', (r) => ({ ...r, eventCount: r.eventCount + 0.5 })],
    ['a negative event count', (r) => ({ ...r, eventCount: -3 })],
    ['an item that is null', (r) => ({ ...r, items: [...r.items, null] })],
    ['an item without an id', (r) => ({ ...r, items: r.items.map(({ id: _id, ...i }) => i) })],
    ['an item whose stock is missing', (r) => ({ ...r, items: r.items.map(({ stock: _s, ...i }) => i) })],
    ['an item whose stock is a list', (r) => ({ ...r, items: r.items.map((i) => (i === item(r) ? { ...i, stock: [3] } : i)) })],
    ['a quantity stored as text', (r) => ({ ...r, items: r.items.map((i) => (i === item(r) ? { ...i, stock: { ...i.stock, '': '5' } } : i)) })],
    ['a quantity that is not finite', (r) => ({ ...r, items: r.items.map((i) => (i === item(r) ? { ...i, stock: { ...i.stock, Van: null } } : i)) })],
    ['an item whose name is not text', (r) => ({ ...r, items: r.items.map((i) => ({ ...i, name: 42 })) })],
    ['an item whose archived flag is not true/false', (r) => ({ ...r, items: r.items.map((i) => ({ ...i, archived: 'no' })) })],
    ['an item whose known flag is missing', (r) => ({ ...r, items: r.items.map(({ known: _k, ...i }) => i) })],
    ['an item event count that is not a number', (r) => ({ ...r, items: r.items.map((i) => ({ ...i, eventCount: '3' })) })],
  ];

  it.each(damages)('a damaged snapshot (%s) is passed over; the state equals the full replay', async (_what, damage) => {
    const { env, log } = await history();
    const row = trueSnapshot(log, SNAP_AT);
    await env.db.snapshots.put(damage(row) as SnapshotRow);
    const { again, startedAfter } = await reload(env);
    expect(startedAfter, 'the damaged snapshot was used').toBe('');
    expectHeadMatches(again.engine.state.value, log);
    // And a damaged snapshot is no worse than none for time travel either.
    const mid = log[SNAP_AT + 3]!;
    expect(plain(await again.engine.stateAtKey(historyKey(mid)))).toEqual(plain(replay(log, { time: mid.time, id: mid.id })));
  });

  it('a snapshot ahead of the log (its key after the last event) is not used', async () => {
    const { env, log } = await history();
    const row = trueSnapshot(log, log.length - 1);
    await env.db.snapshots.put({ ...row, key: `${row.key.slice(0, 4)}9${row.key.slice(5)}`, eventCount: 1, items: [] });
    const { again } = await reload(env);
    expectHeadMatches(again.engine.state.value, log);
  });

  it('rebuild() after a damaged snapshot gives exactly the state of a full replay, and writes no damaged row back', async () => {
    const { env, log } = await history();
    await env.db.snapshots.put({ ...trueSnapshot(log, SNAP_AT), items: 'garbage' } as unknown as SnapshotRow);
    await env.engine.rebuild();
    expectHeadMatches(env.engine.state.value, log);
    expect(await env.db.snapshots.count()).toBe(0);
  });
});

describe('a snapshot folded before another tab wrote', () => {
  it('is not stored when that write put events before it, so a later start folds the true past', async () => {
    const a = await engineScenario();
    opened.push(a.env);
    const item = await a.at(0).create('Sword');
    await a.at(1).execute({ type: 'addStock', itemId: item, quantity: 1 });
    // Another tab (here, another engine on the same database) imports an event from before tab A's head.
    const b = await makeEngine({ name: a.env.name });
    opened.push(b);
    const late = added({ item, quantity: 3, at: 0.5, id: 'late-1' });
    expect(await importEvents(b.engine, [late])).toEqual({ ok: true, added: 1, skipped: 0 });
    // Tab A, not caught up yet, is hidden: it snapshots the head it knows.
    await a.engine.snapshotHead();
    await a.engine.settled();

    const c = await makeEngine({ name: a.env.name });
    opened.push(c);
    const all = (await collect(c.store.readRange('', '\uffff'))).sort(specOrder);
    expect(all.map((e) => e.id)).toContain('late-1');
    expect(plain(c.engine.state.value)).toEqual(plain(replay(all)));
  });
});
