// An import keeps its file and its pages refer to the file's bytes (storage version 4, src/store/pages/files.ts):
// whatever reads the log gets exactly the events it would get from text pages.
import { describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { importLogFile } from '../../src/io/importLog';
import { eventCount, execute, inventory, rebuild, resetForTests, start, stateAt } from '../../src/state/app';
import { exportEvents } from '../../src/state/logReads';
import { EventoryDB } from '../../src/store/db';
import type { StoredPage } from '../../src/store/types';
import { EventStore } from '../../src/store/eventStore';
import { useStartedApp } from '../support/startedApp';
import { added, created } from '../support/events';
import { plain, replay } from '../support/oracle';
import { pageInvariants } from '../support/store';
import { exported, file, logText } from './fixtures';

const app = useStartedApp();

/** An item and `n` additions to it, a minute apart from `minute`. */
function series(n: number, minute = 0, item = 'i-1'): InventoryEvent[] {
  return [created({ item, name: 'Bolt', at: minute, id: `c-${item}-${minute}` }), ...Array.from({ length: n }, (_, i) => added({ item, quantity: 1 + (i % 7), at: minute + 1 + i, id: `a-${item}-${minute + 1 + i}` }))];
}

const pages = () => app.db.pages.toArray();
const filePages = (rows: StoredPage[]) => rows.filter((p) => 'src' in p);

async function readAll(): Promise<InventoryEvent[]> {
  const out: InventoryEvent[] = [];
  for await (const chunk of exportEvents()) out.push(...chunk);
  return out;
}


describe('an imported file', () => {
  it('is kept, and every page of its events refers to its bytes', async () => {
    const events = series(2500);
    const text = logText(events);
    expect(await importLogFile(file([text]))).toEqual({ ok: true, added: 2501, skipped: 0 });
    const rows = await pages();
    expect(rows).toHaveLength(3);
    expect(filePages(rows)).toHaveLength(3);
    const [kept] = await app.db.importFiles.toArray();
    expect(await kept!.file.text()).toBe(text);
    expect(rows.every((p) => (p as { src: string }).src === kept!.id)).toBe(true);
  });

  it('reads back, folds, travels in time and rebuilds exactly as the events in it', async () => {
    const events = series(2500);
    await importLogFile(file([logText(events)]));
    expect((await readAll()).map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)));
    expect(plain(inventory.value)).toEqual(plain(replay(events)));
    const mid = events[1234]!.time;
    expect(plain(await stateAt(mid))).toEqual(plain(replay(events, { time: mid })));
    await rebuild();
    expect(plain(inventory.value)).toEqual(plain(replay(events)));
  });

  it('exports as the same event lines, without reading them', async () => {
    const events = series(1500);
    const text = logText(events);
    await importLogFile(file([text]));
    const out = await exported();
    expect(out.split('\n').slice(1)).toEqual(text.split('\n').slice(1));
  });

  it('takes late events into a page that refers to it: the page is rewritten as text, nothing is lost', async () => {
    const events = series(2500, 10);
    await importLogFile(file([logText(events)]));
    const late = [added({ item: 'i-1', quantity: 5, at: 100, id: 'late-1' })];
    await importLogFile(file([logText([...events.slice(0, 1), ...late])]));
    const rows = await pages();
    expect(filePages(rows)).toHaveLength(2);
    await pageInvariants(new EventStore(app.db));
    const all = [...events, ...late];
    expect(eventCount.value).toBe(all.length);
    expect(plain(inventory.value)).toEqual(plain(replay(all)));
    expect((await readAll()).map((e) => e.id).sort()).toEqual(all.map((e) => e.id).sort());
  });

  it('takes commands after a restart: the last pages are read from the file', async () => {
    const events = series(1500);
    await importLogFile(file([logText(events)]));
    resetForTests();
    await start(app.name);
    expect((await execute({ type: 'addStock', itemId: 'i-1', quantity: 3 })).ok).toBe(true);
    expect(eventCount.value).toBe(1502);
    await pageInvariants(new EventStore(app.db));
    expect((await readAll()).slice(0, 1501).map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)));
  });

  it('is not kept when most of it is already here: its pages hold their text', async () => {
    const events = series(1500);
    await importLogFile(file([logText(events.slice(0, 1400))]));
    const before = await app.db.importFiles.count();
    expect(await importLogFile(file([logText(events)]))).toEqual({ ok: true, added: 101, skipped: 1400 });
    expect(await app.db.importFiles.count()).toBe(before);
    expect(plain(inventory.value)).toEqual(plain(replay(events)));
  });

  it('of other characters than ASCII reads back exactly (pages hold text where bytes and characters differ)', async () => {
    const events = series(1200).map((e, i) => (i === 0 ? { ...e, data: { ...e.data, name: 'Säge 🪚 “Ω”' } } : e)) as InventoryEvent[];
    const text = logText(events);
    expect(await importLogFile(file([text]))).toEqual({ ok: true, added: 1201, skipped: 0 });
    expect((await readAll()).map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)));
    expect((await exported()).split('\n').slice(1)).toEqual(text.split('\n').slice(1));
  });

  it('missing, makes reading the pages that refer to it fail with a message, never an empty page', async () => {
    await importLogFile(file([logText(series(1500))]));
    await app.db.importFiles.clear();
    const fresh = new EventoryDB(app.name);
    await fresh.open();
    try {
      const store = new EventStore(fresh);
      await expect((async () => {
        for await (const chunk of store.readRange('', '\uffff')) void chunk;
      })()).rejects.toThrow(/imported file .* is missing/);
    } finally {
      fresh.close();
    }
  });
});
