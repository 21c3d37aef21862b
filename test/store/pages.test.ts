import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { historyKey, sortHistory } from '../../src/domain/history';
import { PAGE_SIZE, PAGE_SPLIT } from '../../src/store/db';
import { added } from '../support/events';
import { closeStores, collect, openStore as makeStore, pageInvariants, series } from '../support/store';

afterEach(closeStores);

describe('EventStore pages', () => {
  it('cuts a large batch at the end of history into pages of PAGE_SIZE', async () => {
    const store = await makeStore();
    await store.append(series(PAGE_SIZE * 3 + 500, 0), 0);
    expect((await store.db.pages.toArray()).map((p) => p.n)).toEqual([PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, 500]);
    await pageInvariants(store);
  });

  it('starts a new page when the last one is full', async () => {
    const store = await makeStore();
    await store.append(series(PAGE_SIZE, 0), 0);
    await store.append(series(1, PAGE_SIZE + 10), 1);
    expect((await store.db.pages.toArray()).map((p) => p.n)).toEqual([PAGE_SIZE, 1]);
  });

  it('lets a middle page grow up to PAGE_SPLIT before splitting it', async () => {
    const store = await makeStore();
    const base = series(PAGE_SIZE * 3, 0, 10);
    await store.append(base, 0);
    // Late events between the first page's events: minutes 1, 11, 21, ... (all below the second page's lo).
    await store.append(series(500, 1, 10), 1);
    expect((await store.db.pages.toArray()).map((p) => p.n)).toEqual([1500, PAGE_SIZE, PAGE_SIZE]);
    await pageInvariants(store);
  });

  it('splits a middle page that outgrows PAGE_SPLIT and keeps history order across the new pages', async () => {
    const store = await makeStore();
    const base = series(PAGE_SIZE * 3, 0, 10);
    const late = series(PAGE_SPLIT - PAGE_SIZE + 500, 1, 5).filter((e) => historyKey(e) < historyKey(base[PAGE_SIZE]!));
    expect(late.length).toBeGreaterThan(PAGE_SPLIT - PAGE_SIZE);
    await store.append(base, 0);
    await store.append(late, 1);
    const sizes = (await store.db.pages.toArray()).map((p) => p.n);
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PAGE_SPLIT);
    expect(await collect(store.readRange('', '\uffff'))).toEqual(sortHistory([...base, ...late]));
    await pageInvariants(store);
  });

  it('keeps every page ordered and bounded through many random late and on-time batches', async () => {
    const store = await makeStore();
    let seed = 12345;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const all: InventoryEvent[] = [];
    for (let v = 0; v < 15; v++) {
      const batch = Array.from({ length: 20 + rand(300) }, () => added({ item: 'i1', quantity: 1, at: rand(60_000) / 7 }));
      await store.append(batch, v);
      all.push(...batch);
    }
    await pageInvariants(store);
    expect(await collect(store.readRange('', '\uffff'))).toEqual(sortHistory(all));
    expect((await store.readHead()).count).toBe(all.length);
  });
});

describe('EventStore.readRange and readBackward', () => {
  // 2,500 events at minutes 0..2499: pages start at events 0, 1000 and 2000.
  async function paged() {
    const store = await makeStore();
    const evs = series(2500, 0);
    await store.append(evs, 0);
    const k = (i: number) => historyKey(evs[i]!);
    return { store, evs, k };
  }

  it('reads (afterKey, toKey]: excludes the event at afterKey and includes the one at toKey', async () => {
    const { store, evs, k } = await paged();
    expect(await collect(store.readRange(k(5), k(9)))).toEqual(evs.slice(6, 10));
  });

  it('reads across a page boundary, a page per read', async () => {
    const { store, evs, k } = await paged();
    expect(await collect(store.readRange(k(990), k(2010), 1))).toEqual(evs.slice(991, 2011));
  });

  it('starts right after afterKey when it is the first key of a page', async () => {
    const { store, evs, k } = await paged();
    expect(await collect(store.readRange(k(1000), k(1002)))).toEqual(evs.slice(1001, 1003));
  });

  it('includes the first event of a page when toKey is exactly that key', async () => {
    const { store, evs, k } = await paged();
    expect(await collect(store.readRange(k(999), k(1000)))).toEqual([evs[1000]]);
  });

  it('reads nothing for an empty range', async () => {
    const { store, k } = await paged();
    expect(await collect(store.readRange(k(7), k(7)))).toEqual([]);
    expect(await collect(store.readRange(k(8), k(7)))).toEqual([]);
  });

  it('reads no page for an empty range (a start whose snapshot is at the head)', async () => {
    const { store, k } = await paged();
    const where = vi.spyOn(store.db.pages, 'where');
    expect(await collect(store.readRange(k(2499), k(2499)))).toEqual([]);
    expect(where).not.toHaveBeenCalled();
  });

  it('reads the next pages while the caller works, but not for a caller taking a page at a time', async () => {
    const { store, evs } = await paged();
    const where = vi.spyOn(store.db.pages, 'where');
    const ahead = store.readRange('', '\uffff', 1);
    expect((await ahead.next()).value).toEqual(evs.slice(0, 1000));
    // The page key lookup and the first page: nothing for the second yet.
    expect(where).toHaveBeenCalledTimes(2);
    await ahead.return(undefined);
    where.mockClear();
    const chunks = store.readRange('', '\uffff', 2);
    await chunks.next();
    // The key lookup, the first two pages, and the next read already issued.
    expect(where).toHaveBeenCalledTimes(3);
    expect(await collect(chunks)).toEqual(evs.slice(1000));
  });

  it('reads the whole log from the empty key', async () => {
    const { store, evs } = await paged();
    expect(await collect(store.readRange('', '\uffff', 2))).toEqual(evs);
  });

  it('reads backward everything before beforeKey, newest first, excluding beforeKey', async () => {
    const { store, evs, k } = await paged();
    expect((await collect(store.readBackward(k(10)))).map((e) => e.id)).toEqual(evs.slice(0, 10).reverse().map((e) => e.id));
  });

  it('reads backward across page boundaries', async () => {
    const { store, evs } = await paged();
    expect(await collect(store.readBackward())).toEqual([...evs].reverse());
  });

  it('reads backward across page boundaries, a page per read', async () => {
    const { store, evs } = await paged();
    expect(await collect(store.readBackward(undefined, 1))).toEqual([...evs].reverse());
  });

  it('reads backward from the first key of a page: starts at the last event of the page before', async () => {
    const { store, evs, k } = await paged();
    const got = await collect(store.readBackward(k(2000)));
    expect(got[0]).toEqual(evs[1999]);
    expect(got).toHaveLength(2000);
  });

  it('reads backward from the first key of a page, a page per read', async () => {
    const { store, evs, k } = await paged();
    const got = await collect(store.readBackward(k(2000), 1));
    expect(got[0]).toEqual(evs[1999]);
    expect(got).toHaveLength(2000);
  });

  it('findEvents finds events on any page and leaves out ids not in the log', async () => {
    const { store, evs } = await paged();
    const found = await store.findEvents([evs[3]!.id, evs[2400]!.id, 'nope']);
    expect([...found.keys()].sort()).toEqual([evs[3]!.id, evs[2400]!.id].sort());
  });
});
