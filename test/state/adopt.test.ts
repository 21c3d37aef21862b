// Engine.adopt: a tab takes over the head another engine on the same database folded (the page after an
// import in a worker), with nothing read from the log, and goes on from there as if it had folded it itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importEvents } from '../../src/state/importer';
import { quantityOf } from '../../src/domain/item';
import { BIG_SIZE, bigLog } from '../support/bigLog';
import { collect } from '../support/store';
import { reverted } from '../support/events';
import { createItem, makeEngine, ok } from '../support/engine';
import { plain, replay } from '../support/oracle';

afterEach(() => vi.restoreAllMocks());

async function twoEngines() {
  const page = await makeEngine();
  const worker = await makeEngine({ name: page.name });
  return { page, worker };
}

describe('Engine.adopt', () => {
  it('takes the other engine’s head, state and undone events without reading the log or a snapshot', async () => {
    const { page, worker } = await twoEngines();
    const events = bigLog(BIG_SIZE);
    const undo = reverted({ events: [events[3]!.id], at: BIG_SIZE + 5, id: 'undo-adopt' });
    expect((await importEvents(worker.engine, [...events, undo])).ok).toBe(true);
    const reads = ['readHead', 'readHeadAndReverts', 'reverts', 'readRange', 'readAt', 'snapshotsAtOrBefore', 'journalSince'].map((m) => vi.spyOn(page.store, m as 'readHead'));
    await page.engine.adopt(structuredClone(worker.engine.headState()));
    for (const r of reads) expect(r).not.toHaveBeenCalled();
    expect(plain(page.engine.state.value)).toEqual(plain(replay([...events, undo])));
    expect(page.engine.head).toEqual(worker.engine.head);
    expect(page.engine.eventCount.value).toBe(events.length + 1);
    expect([...page.engine.revertedIds.value]).toEqual([events[3]!.id]);
  });

  it('goes on from the adopted head: a command lands on it and an undo of an adopted event works', async () => {
    const { page, worker } = await twoEngines();
    const itemId = await createItem(worker.engine, 'Rope');
    const [added] = await ok(worker.engine, { type: 'addStock', itemId, quantity: 5 });
    await page.engine.adopt(structuredClone(worker.engine.headState()));
    await ok(page.engine, { type: 'addStock', itemId, quantity: 2 });
    expect((await page.engine.undo([added!.id])).ok).toBe(true);
    const log = await collect(page.store.readRange('', page.engine.head.lastKey));
    expect(plain(page.engine.state.value)).toEqual(plain(replay(log)));
    expect(quantityOf(page.engine.state.value.items.get(itemId)!)).toBe(2);
  });

  it('ignores a head that is not ahead of its own', async () => {
    const { page, worker } = await twoEngines();
    const itemId = await createItem(worker.engine, 'Rope');
    const stale = structuredClone(worker.engine.headState());
    await page.engine.catchUp();
    await ok(page.engine, { type: 'addStock', itemId, quantity: 1 });
    const before = plain(page.engine.state.value);
    await page.engine.adopt(stale);
    expect(plain(page.engine.state.value)).toEqual(before);
    expect(page.engine.head.version).toBe(2);
  });
});
