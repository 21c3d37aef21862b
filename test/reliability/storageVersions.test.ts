// Databases written by released storage versions (test/fixtures/storage-v<N>.json, one per SCHEMA_VERSION ever
// released) open in the current app with every event intact and the same inventory, and the app goes on
// writing to them. A dump is loaded with the raw IndexedDB API exactly as that release laid it out, so a schema
// upgrade (Dexie's version(N).upgrade) runs here the way it runs in a user's browser.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { historyKey } from '../../src/domain/history';
import type { Item } from '../../src/domain/inventory';
import { eventCount, execute, getMeta, inventory, rebuild, resetForTests, revertedIds, start, stateAt, status, storageProblem, undo } from '../../src/state/app';
import { importStatus, listImports } from '../../src/state/logReads';
import { EventoryDB, SCHEMA_VERSION } from '../../src/store/db';
import { dumpDatabase, loadDatabase, pageEvents, type DatabaseDump } from '../fixtures/storageDump';
import { freshDbName } from '../support/engine';
import { useAppReset } from '../support/startedApp';
import { plain, replay, specOrder } from '../support/oracle';
import { readLog } from './support/reads';

interface Fixture {
  schemaVersion: number;
  expected: { eventCount: number; items: Item[]; revertedIds: string[]; imports: unknown[] };
  database: DatabaseDump;
}

const DIR = new URL('../fixtures/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => /^storage-v\d+\.json$/.test(f));
const fixture = (file: string) => JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Fixture;
const records = (f: Fixture, store: string) => f.database.stores.find((s) => s.name === store)!.records.map((r) => r.value as Record<string, unknown>);

const items = () => [...inventory.value.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

useAppReset();

describe('the storage layout', () => {
  it(`has a fixture for the current version (storage-v${SCHEMA_VERSION}.json)`, () => {
    expect(FILES).toContain(`storage-v${SCHEMA_VERSION}.json`);
  });

  it('matches that fixture: changing stores, keys or indexes needs a new SCHEMA_VERSION (and, once released, a fixture)', async () => {
    const name = freshDbName();
    const db = new EventoryDB(name);
    await db.open();
    db.close();
    const shape = (d: DatabaseDump) => ({ idbVersion: d.idbVersion, stores: d.stores.map(({ records: _r, ...s }) => s) });
    expect(shape(await dumpDatabase(name))).toEqual(shape(fixture(`storage-v${SCHEMA_VERSION}.json`).database));
  });
});

describe.each(FILES)('a database written by %s', (file) => {
  const f = fixture(file);
  const stored = pageEvents<InventoryEvent>(f.database);

  async function open() {
    const name = freshDbName();
    await loadDatabase(name, f.database);
    await start(name);
    return name;
  }

  it('is a complete fixture: items, stock in and out, a move, a count, archive, undo, redo, an import, a snapshot', () => {
    const types = new Set(stored.map((e) => e.type));
    for (const t of ['ItemCreated', 'ItemUpdated', 'StockAdded', 'StockRemoved', 'StockMoved', 'StockCounted', 'ItemArchived', 'ItemRestored', 'EventsReverted']) expect(types).toContain(t);
    for (const s of ['pages', 'snapshots', 'reverts', 'journal', 'meta', 'imports']) expect(records(f, s).length, s).toBeGreaterThan(0);
    expect(f.database.idbVersion).toBeLessThanOrEqual(SCHEMA_VERSION * 10);
  });

  it('opens with every event intact, byte for byte, in history order', async () => {
    await open();
    expect(status.value).toEqual({ kind: 'ready' });
    expect(storageProblem.value).toBeUndefined();
    const events = await readLog();
    expect(events.map((e) => JSON.stringify(e))).toEqual(stored.map((e) => JSON.stringify(e)));
    expect([...events].sort(specOrder)).toEqual(events);
    expect(eventCount.value).toBe(f.expected.eventCount);
  });

  it('shows the inventory that version showed, which is also the replay of its log', async () => {
    await open();
    expect(items()).toEqual(f.expected.items);
    expect(plain(inventory.value)).toEqual(plain(replay(stored)));
    expect([...revertedIds.value].sort()).toEqual(f.expected.revertedIds);
  });

  it('keeps its import record, device name, last export, and its past (time travel)', async () => {
    await open();
    expect(await listImports()).toEqual(f.expected.imports);
    const [imp] = f.expected.imports as { id: string }[];
    expect(await importStatus(imp!.id)).toBe('active');
    const meta = new Map(records(f, 'meta').map((r) => [r.key, r.value]));
    expect(await getMeta('source')).toEqual(meta.get('source'));
    expect(await getMeta('lastExport')).toEqual(meta.get('lastExport'));
    // At every event's time; in a fixture of more than 100 events (version 4 holds a 1,000-event import), at 100
    // of them spread evenly, the first and the last included.
    const at = stored.length <= 100 ? stored : Array.from({ length: 100 }, (_, i) => stored[Math.round((i * (stored.length - 1)) / 99)]!);
    for (const e of at) expect(plain(await stateAt(e.time)), `at ${e.time}`).toEqual(plain(replay(stored, { time: e.time })));
  });

  it('agrees with its own snapshot: rebuilding from the log alone changes nothing', async () => {
    await open();
    const before = plain(inventory.value);
    const [snap] = records(f, 'snapshots') as { key: string }[];
    expect(stored.some((e) => historyKey(e) === snap!.key)).toBe(true);
    await rebuild();
    expect(plain(inventory.value)).toEqual(before);
  });

  it('takes new commands and undoes old events, and keeps them after a reload', async () => {
    const name = await open();
    const [sword] = f.expected.items.filter((i) => i.name === 'Sword');
    const archived = stored.find((e) => e.type === 'ItemArchived')!;
    expect((await execute({ type: 'removeStock', itemId: sword!.id, quantity: 1, location: 'Van' })).ok).toBe(true);
    expect((await undo([archived.id])).ok).toBe(true);
    const after = plain(inventory.value);
    expect(inventory.value.items.get(archived.data.itemId)!.archived).toBe(false);
    resetForTests();
    await start(name);
    expect(plain(inventory.value)).toEqual(after);
    const events = await readLog();
    expect(events).toHaveLength(f.expected.eventCount + 2);
    expect(plain(inventory.value)).toEqual(plain(replay(events)));
  });
});
