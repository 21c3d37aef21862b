// Time travel of projections: a projection at T is the fold of the events up to T, with the undos of T.
import fc from 'fast-check';
import type { InventoryEvent } from '../../src/domain/events';
import { afterAll, describe, expect, it } from 'vitest';
import { attributeKeys, itemOrigins, itemsByValue, type ItemOrigins } from '../../src/domain/projections/itemOrigins';
import { project } from '../../src/domain/projections/run';
import { importEvents, resetForTests, start } from '../../src/state/app';
import { projectionAt } from '../../src/state/projections';
import { freshDbName } from '../support/engine';
import { specOrder, undoneIds } from '../support/oracle';
import { eventLog } from './build';
import { history } from './arbitraries';

const answer = (acc: ItemOrigins) => attributeKeys(acc).map((key) => [key, itemsByValue(acc, key)]);

// The random histories name items a, b and c without always creating them first; an import needs them created.
const creations = ['a', 'b', 'c'].map(
  (id): InventoryEvent => ({ specversion: '1.0', id: `c-${id}`, source: 'eventory:device:prop', type: 'ItemCreated', time: '2026-01-01T00:00:00.000Z', dataversion: 1, data: { itemId: id, name: id } }),
);

async function freshApp(events: InventoryEvent[]) {
  resetForTests();
  await start(freshDbName());
  const res = await importEvents([...creations, ...events]);
  if (!res.ok) throw new Error(res.error);
}

afterAll(() => resetForTests());

describe('projectionAt', () => {
  it('counts an addition from its time on, and leaves it out from the time it was undone', async () => {
    const log = eventLog();
    log.add('ItemCreated', { itemId: 'a', name: 'A' });
    const t1 = log.add('StockAdded', { itemId: 'a', quantity: 2, attributes: { origin: 'castle' } }).time;
    const added = log.add('StockAdded', { itemId: 'a', quantity: 5, attributes: { origin: 'cave' } });
    const t3 = log.add('EventsReverted', { eventIds: [added.id] }).time;
    await freshApp(log.events);
    const before = new Date(Date.parse(t1) - 1).toISOString();
    expect(answer(await projectionAt(itemOrigins, before))).toEqual([]);
    expect(answer(await projectionAt(itemOrigins, added.time))).toEqual([
      ['origin', [{ itemId: 'a', total: 7, values: [{ value: 'cave', quantity: 5 }, { value: 'castle', quantity: 2 }] }]],
    ]);
    expect(answer(await projectionAt(itemOrigins, t3))).toEqual([['origin', [{ itemId: 'a', total: 2, values: [{ value: 'castle', quantity: 2 }] }]]]);
  });

  it('equals the fold of the events up to T with the undos of T, for any history', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), async ({ events }, cuts) => {
        if (events.length === 0) return;
        await freshApp(events);
        for (const c of cuts) {
          const t = events[c % events.length]!.time;
          const upTo = [...creations, ...events].filter((e) => Date.parse(e.time) <= Date.parse(t)).sort(specOrder);
          expect(answer(await projectionAt(itemOrigins, t))).toEqual(answer(project(itemOrigins, upTo, undoneIds(upTo))));
        }
      }),
      { numRuns: 25 },
    );
  });
});
