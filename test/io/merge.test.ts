// Files through the engine (spec §4–5): export on one device, import on another; idempotence, order
// independence of merges, and the export → import → export round trip through IndexedDB byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { quantityOf, type InventoryState } from '../../src/domain/inventory';
import type { Engine } from '../../src/state/engine';
import { exportText, importText } from '../support/exchange';
import { makeEngine } from '../support/engine';
import { engineScenario } from '../support/engineScenario';
import { arbLog } from './arbitraries';
import { logText } from './fixtures';

const AT = new Date('2026-11-23T10:00:00.000Z');

const exportOf = (engine: Engine) => exportText(engine, AT);

const itemsOf = (s: InventoryState) => [...s.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Two devices with their own items and a shared history after one exchange. */
async function twoDevices() {
  const a = await engineScenario({ seed: 1, source: 'eventory:device:a' });
  const b = await engineScenario({ seed: 2, source: 'eventory:device:b' });
  const rope = await a.at(0).create('Rope');
  await a.execute({ type: 'addStock', itemId: rope, quantity: 5, location: 'Shed' });
  const lamp = await b.at(0.5).create('Lampe à huile 🪔');
  await b.execute({ type: 'addStock', itemId: lamp, quantity: 2 });
  return { a, b, rope, lamp };
}

describe('merging devices through files', () => {
  it('imports another device’s export, and nothing the second time', async () => {
    const { a, b, rope } = await twoDevices();
    const fromA = await exportOf(a.engine);
    expect(await importText(b.engine, fromA)).toEqual({ ok: true, added: 2, skipped: 0 });
    expect(await importText(b.engine, fromA)).toEqual({ ok: true, added: 0, skipped: 2 });
    expect(quantityOf(b.engine.state.value.items.get(rope)!)).toBe(5);
    expect(b.engine.eventCount.value).toBe(4);
  });

  it('gives both devices the same log and inventory after exchanging files, and changes made after', async () => {
    const { a, b, rope, lamp } = await twoDevices();
    await importText(b.engine, await exportOf(a.engine));
    await importText(a.engine, await exportOf(b.engine));
    expect(await exportOf(a.engine)).toBe(await exportOf(b.engine));
    // Both go on working, then exchange again.
    a.clock.set('2026-01-02T00:00:00.000Z');
    await a.execute({ type: 'removeStock', itemId: lamp, quantity: 1 });
    b.clock.set('2026-01-01T12:00:00.000Z');
    await b.execute({ type: 'moveStock', itemId: rope, quantity: 2, from: 'Shed', to: 'Van' });
    await importText(b.engine, await exportOf(a.engine));
    await importText(a.engine, await exportOf(b.engine));
    expect(await exportOf(a.engine)).toBe(await exportOf(b.engine));
    expect(itemsOf(a.engine.state.value)).toEqual(itemsOf(b.engine.state.value));
    expect(a.engine.state.value.items.get(rope)!.stock).toEqual({ Shed: 3, Van: 2 });
  });

  it('round-trips through an empty profile byte for byte', async () => {
    const { a } = await twoDevices();
    const first = await exportOf(a.engine);
    const empty = await makeEngine({ seed: 3 });
    await importText(empty.engine, first);
    expect(await exportOf(empty.engine)).toBe(first);
  });

  it('leaves the log exactly as it was when a file is refused', async () => {
    const { a, b } = await twoDevices();
    const before = await exportOf(b.engine);
    const version = b.engine.head.version;
    const doc = JSON.parse(await exportOf(a.engine));
    doc.events[1].data.quantity = '5';
    const r = await importText(b.engine, logText(doc.events));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Event 2') });
    expect(b.engine.head.version).toBe(version);
    expect(await exportOf(b.engine)).toBe(before);
  });

  it('undoes an event whose undo arrived first (the revert is imported before its target)', async () => {
    const c = { specversion: '1.0', id: 'c', source: 's', type: 'ItemCreated', time: '2026-01-01T00:00:00.000Z', dataversion: 1, data: { itemId: 'i-1', name: 'Rope' } };
    const add = { specversion: '1.0', id: 'add', source: 's', type: 'StockAdded', time: '2026-01-02T00:00:00.000Z', dataversion: 1, data: { itemId: 'i-1', quantity: 5 } };
    const undo = { specversion: '1.0', id: 'undo', source: 's', type: 'EventsReverted', time: '2026-01-03T00:00:00.000Z', dataversion: 1, data: { eventIds: ['add'] } };
    const x = await makeEngine();
    await importText(x.engine, logText([c, undo]));
    await importText(x.engine, logText([c, add]));
    const y = await makeEngine();
    await importText(y.engine, logText([c, add, undo]));
    expect(x.engine.state.value.items.get('i-1')!.stock).toEqual({});
    expect(itemsOf(x.engine.state.value)).toEqual(itemsOf(y.engine.state.value));
  });

  it('counts repeats inside a file as already here', async () => {
    const { a, b } = await twoDevices();
    const events = JSON.parse(await exportOf(a.engine)).events as InventoryEvent[];
    expect(await importText(b.engine, logText([...events, ...events]))).toEqual({ ok: true, added: 2, skipped: 2 });
  });
});

/** A random valid log whose every item is created in the file (the engine refuses dangling item ids). */
const arbMergeableLog = arbLog({ maxLength: 25, types: ['ItemUpdated', 'StockAdded', 'StockRemoved', 'StockMoved', 'StockCounted', 'ItemArchived', 'ItemRestored', 'EventsReverted'] }).map(
  (events): InventoryEvent[] => {
    const ids = [...new Set(events.flatMap((e) => (e.type === 'EventsReverted' ? [] : [e.data.itemId])))];
    const creations = ids.map((itemId, i) => ({
      specversion: '1.0', id: `c-${i}`, source: 's', type: 'ItemCreated', time: '1999-12-31T00:00:00.000Z', dataversion: 1, data: { itemId, name: `Item ${i}` },
    })) as InventoryEvent[];
    // Reverts name events of the log (a random id would name nothing), including other reverts: redo.
    const named = events.map((e, i) => (e.type === 'EventsReverted' ? { ...e, data: { ...e.data, eventIds: [events[(i * 7 + 1) % events.length]!.id] } } : e));
    return [...creations, ...named];
  },
);

describe('merge properties', () => {
  it('export → import into an empty profile → export is identical, and a second import adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(arbMergeableLog, async (events) => {
        const source = await makeEngine();
        const text = logText(events).replace(/"exportedAt":"[^"]*"/, `"exportedAt":"${AT.toISOString()}"`);
        const r = await importText(source.engine, text);
        expect(r).toMatchObject({ ok: true, added: events.length, skipped: 0 });
        const exported = await exportOf(source.engine);
        const target = await makeEngine();
        await importText(target.engine, exported);
        expect(await exportOf(target.engine)).toBe(exported);
        expect(await importText(target.engine, exported)).toEqual({ ok: true, added: 0, skipped: events.length });
        source.db.close();
        target.db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('two overlapping files give the same log and inventory in either order', async () => {
    await fc.assert(
      fc.asyncProperty(arbMergeableLog, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), async (events, inA) => {
        const creations = events.filter((e) => e.type === 'ItemCreated');
        // Each file holds the creations (so neither dangles) and an overlapping share of the rest.
        const rest = events.filter((e) => e.type !== 'ItemCreated');
        const fileA = logText([...creations, ...rest.filter((_, i) => inA[i % 40])]);
        const fileB = logText([...creations, ...rest.filter((_, i) => !inA[i % 40] || i % 3 === 0)]);
        const x = await makeEngine();
        const y = await makeEngine();
        await importText(x.engine, fileA);
        await importText(x.engine, fileB);
        await importText(y.engine, fileB);
        await importText(y.engine, fileA);
        expect(await exportOf(x.engine)).toBe(await exportOf(y.engine));
        expect(itemsOf(x.engine.state.value)).toEqual(itemsOf(y.engine.state.value));
        expect(x.engine.revertedIds.value).toEqual(y.engine.revertedIds.value);
        x.db.close();
        y.db.close();
      }),
      { numRuns: 25, timeout: 5000, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
    );
  }, 120_000);
});
