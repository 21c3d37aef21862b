// Data version 2 (item codes) meets databases of the release before it: storage-v4.json is what that release
// writes (events, a snapshot, a kept import file). It opens here with every event intact, its snapshot's items
// (written before codes existed) read as having no codes, and once this release has opened it, a tab of an older
// release gets the existing "newer version" message instead of writing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findByCode } from '../../src/domain/codes';
import { DATA_VERSION, type InventoryEvent } from '../../src/domain/events';
import { execute, getMeta, inventory, resetForTests, start, storageProblem } from '../../src/state/app';
import { EventoryDB } from '../../src/store/db';
import { loadDatabase, pageEvents, type DatabaseDump } from '../fixtures/storageDump';
import { freshDbName } from '../support/engine';
import { useAppReset } from '../support/startedApp';
import { readLog } from './support/reads';

const v4 = JSON.parse(readFileSync(new URL('../fixtures/storage-v4.json', import.meta.url), 'utf8')) as { database: DatabaseDump };
const stored = pageEvents<InventoryEvent>(v4.database);
const sword = () => [...inventory.value.items.values()].find((i) => i.name === 'Sword')!;

useAppReset();

async function openV4(): Promise<string> {
  const name = freshDbName();
  await loadDatabase(name, v4.database);
  await start(name);
  return name;
}

describe('a database of the release before item codes', () => {
  it('opens with no item having codes (its snapshot predates them) and records that data version 2 may follow', async () => {
    await openV4();
    expect([...inventory.value.items.values()].filter((i) => i.codes !== undefined)).toEqual([]);
    expect(await getMeta('dataVersion')).toBe(DATA_VERSION);
  });

  it('takes codes, and keeps every old event byte for byte beside the new one after a reload', async () => {
    const name = await openV4();
    const r = await execute({ type: 'editItem', itemId: sword().id, changes: { codes: ['4006381333931'] } });
    expect(r).toMatchObject({ ok: true, events: [{ dataversion: 2 }] });
    resetForTests();
    await start(name);
    expect(findByCode(inventory.value.items.values(), '4006381333931')?.name).toBe('Sword');
    const events = await readLog();
    expect(events.filter((e) => e.dataversion === 1).map((e) => JSON.stringify(e))).toEqual(stored.map((e) => JSON.stringify(e)));
  });

  it('is closed to a tab of an older release once a newer data version is recorded: the clear message, nothing written', async () => {
    const name = await openV4();
    resetForTests();
    // What an older release sees after this one opened the database: a data version above its own.
    const db = new EventoryDB(name);
    await db.open();
    await db.meta.put({ key: 'dataVersion', value: DATA_VERSION + 1 });
    db.close();
    await start(name);
    expect(storageProblem.value).toEqual({ kind: 'outdated', message: expect.stringContaining('saved by a newer version of Eventory') });
    const r = await execute({ type: 'addStock', itemId: sword().id, quantity: 1 });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('newer version') });
    expect(await readLog()).toHaveLength(stored.length);
  });
});
