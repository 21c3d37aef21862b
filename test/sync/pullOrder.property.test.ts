// Pulls in any order, with batches repeated, end in the same log: the log is a grow-only set of events, and a
// batch that names an item from a batch not yet arrived is imported once that one has come.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { importEvents, resetForTests, start } from '../../src/state/app';
import { exportEvents } from '../../src/state/logReads';
import { makeBatch, type BatchDoc } from '../../src/sync/batch';
import { checkDatabase } from '../../src/sync/connect';
import { CouchClient } from '../../src/sync/couch';
import { readState, writeState } from '../../src/sync/ledger';
import { pull } from '../../src/sync/pull';
import { freshDbName } from '../support/engine';
import { added, created } from '../support/events';
import { startCouch } from '../support/couchServer.mjs';

let couch: Awaited<ReturnType<typeof startCouch>>;
beforeAll(async () => {
  couch = await startCouch();
}, 60_000);
afterAll(() => couch?.stop());

/** Three items, each created and then stocked a few times, as six batches (some stock before its item's batch). */
function history(): InventoryEvent[][] {
  const runs: InventoryEvent[][] = [];
  for (const item of ['a', 'b', 'c']) {
    runs.push([created({ item, name: `Item ${item}`, id: `${item}-0` }), added({ item, quantity: 1, at: 1, id: `${item}-1` })]);
    runs.push([added({ item, quantity: 2, at: 2, location: 'shelf', id: `${item}-2` }), added({ item, quantity: 3, at: 3, id: `${item}-3` })]);
  }
  return runs;
}

async function logOf(): Promise<string[]> {
  const out: string[] = [];
  for await (const page of exportEvents()) for (const e of page) out.push(JSON.stringify(e));
  return out;
}

let runs = 0;
it('pulls of the batches in any order, repeated, give the same log', async () => {
  const batches: BatchDoc[] = await Promise.all(history().map((events) => makeBatch(events)));
  resetForTests();
  await start(freshDbName());
  await importEvents(history().flat());
  const expected = await logOf();

  // A sequence of arrivals (indexes into `batches`, repeats allowed) cut into pulls.
  const arrivals = fc.array(fc.array(fc.nat({ max: batches.length - 1 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
  await fc.assert(
    fc.asyncProperty(arrivals, fc.shuffledSubarray(batches.map((_, i) => i), { minLength: batches.length }), async (pulls, rest) => {
      const client = new CouchClient(`${couch.url}/order-${++runs}`);
      expect((await checkDatabase(client, true)).ok).toBe(true);
      resetForTests();
      await start(freshDbName());
      // Every batch arrives at last (in a shuffled order), after the random pulls.
      for (const group of [...pulls, rest]) {
        expect((await client.bulkDocs(group.map((i) => batches[i]!))).ok).toBe(true);
        const state = await readState(client.db);
        expect((await pull(client, state)).ok).toBe(true);
        await writeState(state);
      }
      expect(await logOf()).toEqual(expected);
    }),
    { numRuns: 12 },
  );
}, 120_000);
