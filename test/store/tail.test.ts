// Appends at the end of history write small tail pages that are merged into full pages as the tail fills, using
// a page layout cached in the store. The cache must never outlive the version it was read at (another tab may
// have written, or compacted the tail), and history must read the same whatever the page sizes.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { historyKey, sortHistory } from '../../src/domain/history';
import { IDS_PART, PAGE_SIZE } from '../../src/store/db';
import type { EventStore } from '../../src/store/eventStore';
import { TAIL_PAGE } from '../../src/store/pages/layout';
import { freshDbName } from '../support/engine';
import { added } from '../support/events';
import { closeStores, collect, dump, openStore, pageInvariants, series } from '../support/store';

afterEach(closeStores);

const sizes = async (store: EventStore) => (await store.db.pages.toArray()).map((p) => p.n);

/** Appends `n` one-event commands at minutes start, start+1, ... and returns the events. */
async function commands(store: EventStore, n: number, start: number, version: number): Promise<InventoryEvent[]> {
  const evs = series(n, start);
  for (let i = 0; i < n; i++) {
    const res = await store.append([evs[i]!], version + i);
    if (!res.ok) throw new Error(`refused at version ${version + i}`);
  }
  return evs;
}

describe('tail pages', () => {
  it('a command after a full page starts a small page and grows it up to TAIL_PAGE', async () => {
    const store = await openStore();
    await store.append(series(PAGE_SIZE, 0), 0);
    await commands(store, TAIL_PAGE + 1, PAGE_SIZE, 1);
    expect(await sizes(store)).toEqual([PAGE_SIZE, TAIL_PAGE, 1]);
    await pageInvariants(store);
  });

  it('a command reads no page and writes one small page row, once the layout is cached', async () => {
    const store = await openStore();
    await store.append(series(PAGE_SIZE, 0), 0);
    await commands(store, 10, PAGE_SIZE, 1);
    const calls: string[] = [];
    const rows: number[] = [];
    const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = new Map(['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'put'].map((m) => [m, proto[m]!]));
    for (const [m, f] of originals) {
      proto[m] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'pages') calls.push(m);
        if (this.name === 'pages' && m === 'put') rows.push((args[0] as { n: number }).n);
        return f.apply(this, args);
      };
    }
    try {
      await commands(store, 1, PAGE_SIZE + 10, 11);
    } finally {
      for (const [m, f] of originals) proto[m] = f;
    }
    expect(calls).toEqual(['put']);
    expect(rows).toEqual([11]);
  });

  it('merges the tail into one page once it holds a page’s worth, keeping history order', async () => {
    const store = await openStore();
    const evs = await commands(store, PAGE_SIZE + 10, 0, 0);
    const got = await sizes(store);
    expect(got[0]).toBeGreaterThan(PAGE_SIZE - TAIL_PAGE);
    expect(got[0]).toBeLessThanOrEqual(PAGE_SIZE);
    expect(got.slice(1).every((n) => n <= TAIL_PAGE)).toBe(true);
    expect(got.reduce((a, b) => a + b)).toBe(PAGE_SIZE + 10);
    expect(await collect(store.readRange('', '\uffff'))).toEqual(evs);
    expect(await collect(store.readBackward(undefined, 1))).toEqual([...evs].reverse());
    await pageInvariants(store);
  });

  it('a reopened store picks up the small pages an earlier session left and merges them', async () => {
    const name = freshDbName();
    const first = await openStore(name);
    const a = await commands(first, 5 * TAIL_PAGE, 0, 0);
    first.close();
    const again = await openStore(name);
    const b = await commands(again, PAGE_SIZE, 5 * TAIL_PAGE, 5 * TAIL_PAGE);
    const got = await sizes(again);
    expect(got[0]).toBeGreaterThan(PAGE_SIZE - TAIL_PAGE);
    expect(await collect(again.readRange('', '\uffff'))).toEqual([...a, ...b]);
    await pageInvariants(again);
  });

  it('an import at the end of history takes the small tail pages into its full pages', async () => {
    const store = await openStore();
    const a = await commands(store, 3 * TAIL_PAGE, 0, 0);
    const b = series(2 * PAGE_SIZE, 1000);
    await store.append(b, 3 * TAIL_PAGE, { bulk: true });
    expect(await sizes(store)).toEqual([PAGE_SIZE, PAGE_SIZE, 3 * TAIL_PAGE]);
    expect(await collect(store.readRange('', '\uffff'))).toEqual([...a, ...b]);
    await pageInvariants(store);
  });
});

describe('the cached layout', () => {
  it('is dropped when another connection wrote: the stale append is refused and writes nothing', async () => {
    const name = freshDbName();
    const a = await openStore(name);
    const b = await openStore(name);
    await commands(a, 3, 0, 0);
    await b.append(series(1, 10), 3);
    const before = await dump(a);
    expect(await a.append(series(1, 20), 3)).toEqual({ ok: false, head: before.head });
    expect(await dump(a)).toEqual(before);
    expect((await a.append(series(1, 20), 4)).ok).toBe(true);
    await pageInvariants(a);
  });

  it('is re-read after another connection compacted the tail, so no event is lost or doubled', async () => {
    const name = freshDbName();
    const a = await openStore(name);
    const b = await openStore(name);
    // a caches a tail of small pages; b then appends until it merges those pages into one.
    const first = await commands(a, 3 * TAIL_PAGE + 5, 0, 0);
    let v = first.length;
    const second = await commands(b, PAGE_SIZE, v, v);
    v += PAGE_SIZE;
    expect((await b.db.pages.count())).toBeLessThan(1 + PAGE_SIZE / TAIL_PAGE);
    const third = await commands(a, 2, v, v);
    const all = [...first, ...second, ...third];
    expect(await collect(a.readRange('', '\uffff'))).toEqual(all);
    expect((await a.readHead()).count).toBe(all.length);
    await pageInvariants(a);
  });

  it('is dropped after a failed transaction', async () => {
    const store = await openStore();
    await commands(store, 3, 0, 0);
    const spy = store.db.journal.add.bind(store.db.journal);
    let fail = true;
    store.db.journal.add = ((row: never) => (fail ? ((fail = false), Promise.reject(new Error('disk'))) : spy(row))) as never;
    await expect(store.append(series(1, 10), 3)).rejects.toThrow('disk');
    const [e] = series(1, 11);
    const res = await store.append([e!], 3);
    expect(res.ok && res.head).toEqual({ version: 4, count: 4, lastKey: historyKey(e!) });
    await pageInvariants(store);
  });
});

describe('import writes', () => {
  it('reports progress that moves while the batch is prepared and as page slices are written, ending at the total', async () => {
    const store = await openStore();
    const reports: [number, number][] = [];
    const n = 45 * PAGE_SIZE;
    await store.append(series(n, 0), 0, { bulk: true, onProgress: (done, total) => reports.push([done, total]) });
    expect(reports.every(([, total]) => total === n)).toBe(true);
    reports.forEach(([done], i) => i > 0 && expect(done).toBeGreaterThanOrEqual(reports[i - 1]![0]));
    // Keys, sort, pages and reverts are steps of the first tenth; then a report per slice of whole pages.
    const prepared = reports.filter(([done]) => done > 0 && done <= n / 10);
    expect(new Set(prepared.map(([done]) => done)).size).toBeGreaterThanOrEqual(3);
    expect(reports.filter(([done]) => done > n / 10).length).toBeGreaterThanOrEqual(3);
    expect(reports[reports.length - 1]).toEqual([n, n]);
  });

  it('reports each page as IndexedDB writes it, not only each slice of pages', async () => {
    const store = await openStore();
    const written: number[] = [];
    const n = 45 * PAGE_SIZE;
    await store.append(series(n, 0), 0, { bulk: true, onProgress: (done) => done > n / 10 && written.push(done) });
    expect(new Set(written).size).toBe(45);
  });

  it('keeps a large import’s ids in parts written among its pages, and reads them back whole and in order', async () => {
    const store = await openStore();
    const events = series(IDS_PART * 2 + 10, 0);
    const record = (id: string) => ({ id, at: 'x', name: 'f', added: 1, skipped: 0 });
    await store.append(events, 0, { bulk: true, importRecord: record('imp') });
    // Another import whose id starts with the first one's: its parts are not the first one's.
    await store.append(series(3, IDS_PART * 3), 1, { importRecord: record('imp2') });
    expect((await store.db.importIds.toCollection().primaryKeys()).sort()).toEqual(['imp', 'imp 000001', 'imp 000002', 'imp2']);
    expect(await store.importedIds('imp')).toEqual(events.map((e) => e.id));
    expect(await store.importedIds('imp2')).toHaveLength(3);
    expect(await store.importedIds('im')).toBeUndefined();
  });

  it('writes an import’s parts of ids among its pages, not all after them', async () => {
    const store = await openStore();
    const order: string[] = [];
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      order.push(this.name);
      return put.apply(this, args);
    };
    try {
      await store.append(series(IDS_PART * 2 + 10, 0), 0, { bulk: true, importRecord: { id: 'imp', at: 'x', name: 'f', added: 1, skipped: 0 } });
    } finally {
      proto.put = put;
    }
    const pages = order.map((name, i) => [name, i] as const).filter(([name]) => name === 'pages');
    const parts = order.map((name, i) => [name, i] as const).filter(([name]) => name === 'importIds');
    expect(parts).toHaveLength(3);
    // Each part has pages written after it: the last pages' success does not wait for the ids.
    for (const [, i] of parts) expect(pages.some(([, j]) => j > i)).toBe(true);
  });

  it('writes nothing when a page put fails in a later slice (all or nothing)', async () => {
    const store = await openStore();
    await store.append(series(10, 0), 0);
    const before = await dump(store);
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    let pagePuts = 0;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'pages' && ++pagePuts === 30) throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(store.append(series(40 * PAGE_SIZE, 100), 1, { bulk: true, importRecord: { id: 'imp', at: 'x', name: 'f', added: 1, skipped: 0 } })).rejects.toThrow();
    } finally {
      proto.put = put;
    }
    expect(pagePuts).toBe(30);
    expect(await dump(store)).toEqual(before);
    expect((await store.append(series(1, 50), 1)).ok).toBe(true);
  });
});

type Op =
  | { kind: 'command'; n: number; conn: number }
  | { kind: 'late'; n: number; conn: number; seed: number }
  | { kind: 'batch'; n: number; conn: number; bulk: boolean }
  | { kind: 'stale'; conn: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('command' as const), n: fc.integer({ min: 1, max: 40 }), conn: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('late' as const), n: fc.integer({ min: 1, max: 30 }), conn: fc.integer({ min: 0, max: 1 }), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), n: fc.integer({ min: 65, max: 1500 }), conn: fc.integer({ min: 0, max: 1 }), bulk: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const), conn: fc.integer({ min: 0, max: 1 }) }) },
);

describe('history through tail pages, compactions and two connections (property)', () => {
  it('reads exactly what a sorted array of every appended event holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 60 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (ops, picks) => {
        const name = freshDbName();
        const conns = [await openStore(name), await openStore(name)];
        let all: InventoryEvent[] = [];
        let version = 0;
        let minute = 0;
        for (const o of ops) {
          const store = conns[o.conn]!;
          if (o.kind === 'stale') {
            if (version === 0) continue;
            expect((await store.append(series(1, minute), version - 1)).ok).toBe(false);
            continue;
          }
          let evs: InventoryEvent[];
          if (o.kind === 'late') {
            let s = o.seed;
            evs = Array.from({ length: o.n }, () => added({ item: 'i1', quantity: 1, at: ((s = (s * 1103515245 + 12345) % 2 ** 31), (s % Math.max(1, minute * 7)) / 7) }));
          } else {
            evs = series(o.n, minute);
            minute += o.n;
          }
          const res = await store.append(evs, version, o.kind === 'batch' ? { bulk: o.bulk } : {});
          expect(res.ok).toBe(true);
          version++;
          all = all.concat(evs);
        }
        const sorted = sortHistory(all);
        const keys = sorted.map(historyKey);
        for (const store of conns) {
          expect(await collect(store.readRange('', '\uffff', 3))).toEqual(sorted);
          expect((await store.readHead()).count).toBe(sorted.length);
        }
        await pageInvariants(conns[0]!);
        if (sorted.length === 0) return;
        const k = (i: number) => keys[picks[i]! % keys.length]!;
        const [lo, hi] = [k(0), k(1)].sort();
        expect(await collect(conns[0]!.readRange(lo!, hi!, 2))).toEqual(sorted.filter((_, i) => keys[i]! > lo! && keys[i]! <= hi!));
        expect(await collect(conns[1]!.readBackward(k(2), 1))).toEqual(sorted.filter((_, i) => keys[i]! < k(2)).reverse());
        const wanted = [sorted[picks[3]! % sorted.length]!, sorted[picks[4]! % sorted.length]!];
        const found = await conns[0]!.findEvents([...wanted.map((e) => e.id), 'absent']);
        expect([...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...new Map(wanted.map((e) => [e.id, e])).values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
