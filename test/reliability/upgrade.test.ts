// Another tab changes the database version under this one (issue 7): a newer release opening the database
// makes this tab step aside (`versionchange`) without losing or half-writing anything, and this release's
// upgrade waits, with a message, while an older release's tab still holds the database (`blocked`), then
// proceeds with every event intact. Driven through src/state/app.ts; the other tab is a raw IndexedDB connection.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import type { Item } from '../../src/domain/inventory';
import { eventCount, execute, importEvents, inventory, resetForTests, revertedIds, start, status, storageProblem } from '../../src/state/app';
import type { ExecResult } from '../../src/state/engine';
import { SCHEMA_VERSION } from '../../src/store/db';
import { parseReverts, REVERTS_KEY } from '../../src/store/reverts/record';
import type { MetaRow, RevertRow } from '../../src/store/types';
import { dumpDatabase, loadDatabase, pageEvents, type DatabaseDump } from '../fixtures/storageDump';
import { freshDbName } from '../support/engine';
import { ev } from '../support/events';
import { plain, replay } from '../support/oracle';
import { readLog } from './support/reads';

const V1 = JSON.parse(readFileSync(new URL('../fixtures/storage-v1.json', import.meta.url), 'utf8')) as {
  expected: { items: Item[]; revertedIds: string[] };
  database: DatabaseDump;
};
const v1Events = pageEvents<InventoryEvent>(V1.database);
/** The release before this one: what an older tab holds open. */
const PREVIOUS = JSON.parse(readFileSync(new URL(`../fixtures/storage-v${SCHEMA_VERSION - 1}.json`, import.meta.url), 'utf8')) as typeof V1;
const V2 = JSON.parse(readFileSync(new URL('../fixtures/storage-v2.json', import.meta.url), 'utf8')) as typeof V1;

/** A raw connection, as another tab running another release holds it; it ignores `versionchange`. */
function connect(name: string, version?: number, onUpgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => onUpgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every event in the pages of the database, read by a raw connection at whatever version it now has. */
async function eventsOnDisk(name: string): Promise<InventoryEvent[]> {
  return pageEvents<InventoryEvent>(await dumpDatabase(name));
}

beforeEach(() => {
  resetForTests();
});
afterEach(() => {
  resetForTests();
  vi.unstubAllGlobals();
});

describe('an upgrade blocked by an older release’s tab', () => {
  it('waits and says why, then opens with every event intact once the old tab lets go', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const name = freshDbName();
    // The older release's layout, at a version between it and this one.
    const older = SCHEMA_VERSION * 10 - 5;
    await loadDatabase(name, { ...PREVIOUS.database, idbVersion: older });
    const oldTab = await connect(name, older);
    oldTab.onversionchange = () => undefined;

    const opening = start(name);
    await until(() => storageProblem.value?.kind === 'blocked', 'the blocked notice');
    expect(storageProblem.value?.message).toMatch(/another open Eventory tab is using the old version/);
    expect(status.value).toEqual({ kind: 'loading' });

    oldTab.close();
    await opening;
    expect(status.value).toEqual({ kind: 'ready' });
    expect(storageProblem.value).toBeUndefined();
    expect(await readLog()).toEqual(pageEvents<InventoryEvent>(PREVIOUS.database));
    expect([...inventory.value.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(PREVIOUS.expected.items);
    expect((await dumpDatabase(name)).idbVersion).toBe(SCHEMA_VERSION * 10);
  });
});

describe('the upgrade from storage version 1', () => {
  it('rewrites every page as export text and moves every import’s ids to importIds as JSON text, with the same events and inventory', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const name = freshDbName();
    await loadDatabase(name, V1.database);
    await start(name);
    const pages = (await dumpDatabase(name)).stores.find((s) => s.name === 'pages')!.records.map((r) => r.value as Record<string, unknown>);
    expect(pages.length).toBe(V1.database.stores.find((s) => s.name === 'pages')!.records.length);
    for (const p of pages) expect(Object.keys(p).sort()).toEqual(['lo', 'n', 'text']);
    expect(pages.map((p) => p.text).join(',\n')).toBe(v1Events.map((e) => JSON.stringify(e)).join(',\n'));
    const dumpOf = (d: DatabaseDump, store: string) => d.stores.find((s) => s.name === store)!.records.map((r) => r.value as Record<string, unknown>);
    const after = await dumpDatabase(name);
    const imports = dumpOf(after, 'imports');
    const v1Imports = dumpOf(V1.database, 'imports');
    expect(imports.map((r) => Object.keys(r).sort())).toEqual(v1Imports.map(() => ['added', 'at', 'id', 'name', 'skipped']));
    const ids = new Map(dumpOf(after, 'importIds').map((r) => [r.id, JSON.parse(r.ids as string) as string[]]));
    expect(imports.map((r) => ids.get(r.id as string))).toEqual(v1Imports.map((r) => r.eventIds));
    expect(await readLog()).toEqual(v1Events);
    expect([...inventory.value.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(V1.expected.items);
  });
});

describe('the upgrade from storage version 2', () => {
  it('writes every revert row of the table into the one record read at start, and the undone events stay undone', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const name = freshDbName();
    await loadDatabase(name, V2.database);
    const table = V2.database.stores.find((s) => s.name === 'reverts')!.records.map((r) => r.value as RevertRow);
    expect(table.length).toBeGreaterThan(0);
    await start(name);
    const meta = (await dumpDatabase(name)).stores.find((s) => s.name === 'meta')!.records.map((r) => r.value as MetaRow);
    const record = meta.find((r) => r.key === REVERTS_KEY);
    const byId = (rows: RevertRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(parseReverts(record!.value as string))).toEqual(byId(table));
    expect([...revertedIds.value].sort()).toEqual(V2.expected.revertedIds);
  });
});

describe('a newer release opening the database in another tab', () => {
  async function startWithItem() {
    const name = freshDbName();
    await start(name);
    const r = await execute({ type: 'createItem', name: 'Sword' });
    if (!r.ok) throw new Error(r.error);
    return { name, itemId: (r.events[0]!.data as { itemId: string }).itemId };
  }

  it('this tab steps aside at once (the upgrade is not blocked), commands in flight land whole or not at all, later ones are refused', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const { name, itemId } = await startWithItem();
    const seeded = await readLog();
    const results: Promise<ExecResult>[] = [];
    for (let i = 0; i < 40; i++) results.push(execute({ type: 'addStock', itemId, quantity: 1, location: i % 2 ? 'A' : undefined }));
    await until(() => eventCount.value >= 10, 'some commands to land');
    const newer = await connect(name, SCHEMA_VERSION * 10 + 10, (db) => db.createObjectStore('newInVersion2', { keyPath: 'id' }));
    newer.close();

    expect(storageProblem.value?.kind).toBe('outdated');
    expect(status.value).toMatchObject({ kind: 'error', message: expect.stringMatching(/Reload this tab/) });
    const settled = await Promise.all(results);
    const ok = settled.flatMap((r) => (r.ok ? r.events : []));
    for (const r of settled) if (!r.ok) expect(r.error).toMatch(/Reload this tab|updated in another tab/);
    expect(ok.length).toBeGreaterThanOrEqual(9);
    const disk = await eventsOnDisk(name);
    expect(disk.map((e) => e.id).sort()).toEqual([...seeded, ...ok].map((e) => e.id).sort());
    const head = (await dumpDatabase(name)).stores.find((s) => s.name === 'meta')!.records.map((r) => r.value as { key: string; value: { count: number } }).find((r) => r.key === 'head')!;
    expect(head.value.count).toBe(disk.length);

    // Nothing this tab does now reaches the database.
    expect(await execute({ type: 'addStock', itemId, quantity: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/Reload this tab/) });
    expect(await importEvents([ev('ItemCreated', { itemId: 'x', name: 'X' })])).toMatchObject({ ok: false });
    expect(await eventsOnDisk(name)).toEqual(disk);
    expect(plain(replay(disk)).items).toEqual(plain(replay([...seeded, ...ok])).items);
  });

  it('a change announced by the newer tab afterwards does not make this tab fail in the background', async () => {
    const { name } = await startWithItem();
    const failures: unknown[] = [];
    const onFailure = (err: unknown) => failures.push(err);
    process.on('unhandledRejection', onFailure);
    try {
      const newer = await connect(name, SCHEMA_VERSION * 10 + 10);
      await until(() => storageProblem.value?.kind === 'outdated', 'the outdated notice');
      // The newer release writes and tells the other tabs, as src/state/app.ts does.
      const channel = new BroadcastChannel('eventory');
      channel.postMessage({ type: 'appended', version: 1_000 });
      await new Promise((r) => setTimeout(r, 100));
      channel.close();
      newer.close();
      expect(failures).toEqual([]);
    } finally {
      process.off('unhandledRejection', onFailure);
    }
  });
});
