// Helpers for tests that look inside the event store: read everything, check the page layout.
import { expect } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { historyKey } from '../../src/domain/history';
import { EventoryDB, PAGE_SPLIT } from '../../src/store/db';
import { decodePage } from '../../src/store/pages/codec';
import { pageTexts } from '../../src/store/pages/files';
import { EventStore } from '../../src/store/eventStore';
import { freshDbName } from './engine';
import { added } from './events';

/** `n` StockAdded events for item i1 at minutes start, start+step, ... */
export function series(n: number, start: number, step = 1): InventoryEvent[] {
  return Array.from({ length: n }, (_, i) => added({ item: 'i1', quantity: 1, at: start + i * step }));
}

export async function collect(chunks: AsyncIterable<InventoryEvent[]>): Promise<InventoryEvent[]> {
  const out: InventoryEvent[] = [];
  for await (const c of chunks) out.push(...c);
  return out;
}

/** Every table of the store, to check that a failed or refused write changed nothing. */
export async function dump(store: EventStore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { head: await store.readHead() };
  for (const t of store.db.tables) out[t.name] = await t.toArray();
  return out;
}

/** Pages are non-empty, at most PAGE_SPLIT long, sorted, and each holds exactly the keys in [lo, next lo). */
export async function pageInvariants(store: EventStore): Promise<void> {
  const stored = await store.db.pages.toArray();
  const pages = (await pageTexts(store.db, stored)).map(decodePage);
  expect(pages[0]?.lo).toBe('');
  pages.forEach((p, i) => {
    expect(stored[i]!.n).toBe(p.events.length);
    expect(p.events.length).toBeGreaterThan(0);
    expect(p.events.length).toBeLessThanOrEqual(PAGE_SPLIT);
    const keys = p.events.map(historyKey);
    for (let j = 1; j < keys.length; j++) expect(keys[j]! > keys[j - 1]!).toBe(true);
    expect(keys[0]! >= p.lo).toBe(true);
    const next = pages[i + 1]?.lo;
    if (next !== undefined) expect(keys[keys.length - 1]! < next).toBe(true);
  });
}

const opened: EventStore[] = [];

/** An EventStore over a fresh (or the named) fake-indexeddb database; closed by closeStores(). */
export async function openStore(name = freshDbName()): Promise<EventStore> {
  const db = new EventoryDB(name);
  await db.open();
  const store = new EventStore(db);
  opened.push(store);
  return store;
}

export function closeStores(): void {
  for (const s of opened.splice(0)) s.close();
}
