import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { quantityOf } from '../../src/domain/inventory';
import { importEvents } from '../../src/state/importer';
import { createItem, makeEngine } from '../support/engine';
import { engineScenario } from '../support/engineScenario';

async function exportAll(engine: Awaited<ReturnType<typeof makeEngine>>['engine']): Promise<InventoryEvent[]> {
  const out: InventoryEvent[] = [];
  for await (const c of engine.store.readRange('', '\uffff')) out.push(...c);
  return out;
}

describe('importEvents', () => {
  it('adds another device’s events and skips them the second time', async () => {
    const a = await engineScenario({ seed: 1, source: 'eventory:device:a' });
    const id = await a.create('Rope');
    await a.execute({ type: 'addStock', itemId: id, quantity: 3 });
    const events = await exportAll(a.engine);
    const b = await makeEngine({ seed: 2, source: 'eventory:device:b' });
    expect(await importEvents(b.engine, events)).toEqual({ ok: true, added: 2, skipped: 0 });
    expect(await importEvents(b.engine, events)).toEqual({ ok: true, added: 0, skipped: 2 });
    expect(quantityOf(b.engine.state.value.items.get(id)!)).toBe(3);
  });

  it('rejects an event whose id is in the log with different content and writes nothing', async () => {
    const a = await makeEngine();
    const id = await createItem(a.engine, 'Rope');
    const [created] = await exportAll(a.engine);
    const version = a.engine.head.version;
    const forged = { ...created!, data: { itemId: id, name: 'Other' } } as InventoryEvent;
    const r = await importEvents(a.engine, [forged]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`Event 1 (id "${created!.id}")`);
    expect(a.engine.head.version).toBe(version);
  });

  it('rejects a stock event for an item neither the file nor the log creates', async () => {
    const a = await makeEngine();
    const r = await importEvents(a.engine, [
      { specversion: '1.0', id: 'x1', source: 's', type: 'StockAdded', time: '2026-01-01T00:00:00.000Z', dataversion: 1, data: { itemId: 'ghost', quantity: 1 } },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('"ghost"');
    expect(a.engine.head.count).toBe(0);
  });

  it('merges two devices’ logs to the same state in either order', async () => {
    const a = await engineScenario({ seed: 1, source: 'eventory:device:a' });
    const b = await engineScenario({ seed: 2, source: 'eventory:device:b' });
    const ia = await a.at(0).create('Rope');
    const ib = await b.at(0.5).create('Lamp');
    await a.at(1).execute({ type: 'addStock', itemId: ia, quantity: 2 });
    await b.at(1.5).execute({ type: 'addStock', itemId: ib, quantity: 7 });
    const ea = await exportAll(a.engine);
    const eb = await exportAll(b.engine);
    await importEvents(a.engine, eb);
    await importEvents(b.engine, ea);
    expect(await exportAll(a.engine)).toEqual(await exportAll(b.engine));
    const items = (e: typeof a.engine) => [...e.state.value.items.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(items(a.engine)).toEqual(items(b.engine));
  });
});
