// Sync against a real CouchDB-compatible server (pouchdb-server, in memory, started here): push and pull of
// content-addressed batches, two devices meeting through it, and the refusals that lose nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/domain/commands';
import { execute, importEvents, resetForTests, start } from '../../src/state/app';
import { exportEvents } from '../../src/state/logReads';
import { makeBatch } from '../../src/sync/batch';
import { checkDatabase } from '../../src/sync/connect';
import { CouchClient } from '../../src/sync/couch';
import { readState, writeState } from '../../src/sync/ledger';
import { pull } from '../../src/sync/pull';
import { push } from '../../src/sync/push';
import { freshDbName } from '../support/engine';
import { added, created } from '../support/events';
import { startCouch } from '../support/couchServer.mjs';

let couch: Awaited<ReturnType<typeof startCouch>>;
beforeAll(async () => {
  couch = await startCouch();
}, 60_000);
afterAll(() => couch?.stop());

let dbCount = 0;
/** A new database on the server, set up as Eventory's. */
async function newDatabase(): Promise<CouchClient> {
  const client = new CouchClient(`${couch.url}/sync-${++dbCount}`);
  const checked = await checkDatabase(client, true);
  if (!checked.ok) throw new Error(checked.error);
  return client;
}

const devices = new Map<string, string>();
/** Switches the app to device `name` (each its own IndexedDB database). */
async function device(name: string): Promise<void> {
  resetForTests();
  if (!devices.has(name)) devices.set(name, freshDbName());
  await start(devices.get(name));
}

async function round(client: CouchClient) {
  const state = await readState(client.db);
  const pushed = await push(client, state);
  const pulled = await pull(client, state);
  await writeState(state);
  return { pushed, pulled };
}

async function log(): Promise<string[]> {
  const out: string[] = [];
  for await (const page of exportEvents()) for (const e of page) out.push(JSON.stringify(e));
  return out;
}

async function serverDocCount(client: CouchClient): Promise<number> {
  const page = await client.changes(0, 1000);
  if (!page.ok) throw new Error(page.kind);
  return page.value.results.length;
}

beforeEach(() => devices.clear());

/** Runs a command that must succeed; the id of the item it made or changed. */
async function run(cmd: Command): Promise<string> {
  const res = await execute(cmd);
  if (!res.ok) throw new Error(res.error);
  return (res.events[0]!.data as { itemId: string }).itemId;
}

describe('push', () => {
  it('pushes what is new once: a second push sends and writes nothing', async () => {
    const client = await newDatabase();
    await device('a');
    const sword = await run({ type: 'createItem', name: 'Sword' });
    await run({ type: 'addStock', itemId: sword, quantity: 2 });
    const first = await round(client);
    expect(first.pushed).toMatchObject({ ok: true, sent: 2, written: 1 });
    const docs = await serverDocCount(client);
    const second = await round(client);
    expect(second.pushed).toMatchObject({ ok: true, sent: 0, written: 0 });
    expect(await serverDocCount(client)).toBe(docs);
  });

  it('writes nothing when the same batch is sent again (its id is the hash of its content)', async () => {
    const client = await newDatabase();
    const events = [created({ item: 'i-1', name: 'Sword' }), added({ item: 'i-1', quantity: 1 })];
    const batch = await makeBatch(events);
    expect((await makeBatch(events))._id).toBe(batch._id);
    expect((await makeBatch(events.slice(0, 1)))._id).not.toBe(batch._id);
    const once = await client.bulkDocs([batch]);
    const twice = await client.bulkDocs([batch]);
    expect(once).toEqual({ ok: true, value: [{ id: batch._id, written: true }] });
    expect(twice).toEqual({ ok: true, value: [{ id: batch._id, written: false }] });
  });

  it('pushes the events of a large import too (which the journal does not hold), but not what came from the server', async () => {
    const client = await newDatabase();
    await device('a');
    const many = [created({ item: 'big', name: 'Bolt' }), ...Array.from({ length: 500 }, (_, i) => added({ item: 'big', quantity: 1, at: i + 1 }))];
    expect(await importEvents(many)).toMatchObject({ ok: true, added: 501 });
    expect((await round(client)).pushed).toMatchObject({ ok: true, sent: 501 });
    await device('b');
    expect((await round(client)).pulled).toMatchObject({ ok: true, added: 501 });
    await run({ type: 'addStock', itemId: 'big', quantity: 3 });
    expect((await round(client)).pushed).toMatchObject({ ok: true, sent: 1 });
  });
});

describe('push after a large import', () => {
  it('compares the whole log, and sends only what the server does not have', async () => {
    const client = await newDatabase();
    await device('a');
    const sword = await run({ type: 'createItem', name: 'Sword' });
    expect((await round(client)).pushed).toMatchObject({ ok: true, sent: 1 });
    // More than 200 events: a bulk write, whose events the journal does not keep.
    const many = Array.from({ length: 300 }, (_, i) => added({ item: sword, quantity: 1, at: i + 1 }));
    expect(await importEvents(many)).toMatchObject({ ok: true, added: 300 });
    expect((await round(client)).pushed).toMatchObject({ ok: true, sent: 300 });
  });
});

describe('off until configured', () => {
  it('loads no sync code and sends no request when no server is set', async () => {
    await device('quiet');
    const calls: unknown[] = [];
    const real = globalThis.fetch;
    globalThis.fetch = ((...args: unknown[]) => (calls.push(args), real(...(args as Parameters<typeof fetch>)))) as typeof fetch;
    try {
      const { resumeSyncIfSet } = await import('../../src/sync/resumeIfSet');
      await resumeSyncIfSet();
      const { syncStatus } = await import('../../src/sync/live');
      expect(syncStatus.value.phase).toBe('off');
      expect(calls).toEqual([]);
    } finally {
      globalThis.fetch = real;
    }
  });
});

describe('two devices', () => {
  it('each sees the other’s changes, and both end with the same log', async () => {
    const client = await newDatabase();
    await device('a');
    const sword = await run({ type: 'createItem', name: 'Sword' });
    await round(client);
    await device('b');
    expect((await round(client)).pulled).toMatchObject({ ok: true, added: 1 });
    await run({ type: 'addStock', itemId: sword, quantity: 5 });
    await round(client);
    const onB = await log();
    await device('a');
    expect((await round(client)).pulled).toMatchObject({ ok: true, added: 1 });
    expect(await log()).toEqual(onB);
    // Nothing goes back and forth once both are in step.
    expect((await round(client)).pushed).toMatchObject({ ok: true, sent: 0 });
  });
});

describe('pull', () => {
  it('reads a server of many pages of changes in one pull, and then has nothing left to read', async () => {
    const client = await newDatabase();
    // 25 batches: more than two pages of changes, read one after the other in a single pull.
    const batches = await Promise.all(Array.from({ length: 25 }, (_, i) => makeBatch([created({ item: `i-${i}`, name: `Item ${i}`, at: i }), added({ item: `i-${i}`, quantity: i + 1, at: i })])));
    expect((await client.bulkDocs(batches)).ok).toBe(true);
    await device('pages');
    expect((await round(client)).pulled).toMatchObject({ ok: true, received: 50, added: 50 });
    expect((await round(client)).pulled).toMatchObject({ ok: true, received: 0, added: 0 });
  });
});

describe('refusals', () => {
  it('refuses a database that holds other data, and writes nothing to it', async () => {
    const client = new CouchClient(`${couch.url}/someone-else`);
    expect(await client.createDb()).toMatchObject({ ok: true });
    await client.putDoc({ _id: 'invoice-1', total: 12 });
    const checked = await checkDatabase(client, true);
    expect(checked).toMatchObject({ ok: false, kind: 'server' });
    expect(!checked.ok && checked.error).toMatch(/not an Eventory database/);
    expect(await serverDocCount(client)).toBe(1);
  });

  it('skips a batch with a bad event, naming it, and imports the others', async () => {
    const client = await newDatabase();
    const good = await makeBatch([created({ item: 'i-1', name: 'Sword' })]);
    const bad = await makeBatch([{ ...added({ item: 'i-1', quantity: 1 }), data: { itemId: 'i-1', quantity: -3 } }]);
    expect((await client.bulkDocs([good, bad])).ok).toBe(true);
    await device('c');
    const { pulled } = await round(client);
    expect(pulled).toMatchObject({ ok: true, added: 1 });
    expect(pulled.ok && pulled.rejected).toEqual([{ id: bad._id, error: expect.stringMatching(/quantity/) }]);
    expect((await log()).length).toBe(1);
    expect((await readState(client.db)).rejected.map((r) => r.id)).toEqual([bad._id]);
  });

  it('skips a batch whose content no longer matches its id', async () => {
    const client = await newDatabase();
    const batch = await makeBatch([created({ item: 'i-1', name: 'Sword' })]);
    await client.bulkDocs([{ ...batch, lines: batch.lines.replace('Sword', 'Spoon') }]);
    await device('d');
    const { pulled } = await round(client);
    expect(pulled.ok && pulled.rejected[0]?.error).toMatch(/does not match its id/);
    expect(await log()).toEqual([]);
  });
});
