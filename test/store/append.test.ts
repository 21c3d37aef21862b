import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyKey } from '../../src/domain/history';
import { SNAPSHOT_FORMAT } from '../../src/store/db';
import { parseReverts, REVERTS_KEY } from '../../src/store/reverts/record';
import type { RevertRow } from '../../src/store/types';
import { quotaAtWrite } from '../reliability/support/faults';
import { added, reverted } from '../support/events';
import { closeStores, dump, openStore as makeStore, series } from '../support/store';

afterEach(() => {
  vi.restoreAllMocks();
  closeStores();
});

describe('EventStore.append', () => {
  it('bumps the version, counts the events and remembers the greatest key', async () => {
    const store = await makeStore();
    const evs = series(3, 10);
    const res = await store.append([evs[2]!, evs[0]!, evs[1]!], 0);
    expect(res).toMatchObject({ ok: true, head: { version: 1, count: 3, lastKey: historyKey(evs[2]!) } });
    expect(await store.readHead()).toEqual({ version: 1, count: 3, lastKey: historyKey(evs[2]!) });
  });

  it('keeps the head key when a late event lands before it', async () => {
    const store = await makeStore();
    const evs = series(2, 10);
    await store.append(evs, 0);
    const late = added({ item: 'i1', quantity: 1, at: 5 });
    const res = await store.append([late], 1);
    expect(res.ok && res.head).toEqual({ version: 2, count: 3, lastKey: historyKey(evs[1]!) });
  });

  it('refuses, writing nothing, an event the log already holds', async () => {
    const store = await makeStore();
    const evs = series(3, 10);
    await store.append(evs, 0);
    const before = await dump(store);
    await expect(store.append([added({ item: 'i1', quantity: 1, at: 30 }), evs[1]!], 1)).rejects.toThrow(`Event ${evs[1]!.id} is already in the log`);
    expect(await dump(store)).toEqual(before);
  });

  it('refuses, writing nothing, a batch that holds one event twice', async () => {
    const store = await makeStore();
    const [e] = series(1, 10);
    await expect(store.append([e!, { ...e! }], 0)).rejects.toThrow(`Event ${e!.id} is already in the log`);
    expect((await store.readHead()).count).toBe(0);
  });

  it('refuses an empty batch as a bug', async () => {
    const store = await makeStore();
    await expect(store.append([], 0)).rejects.toThrow();
  });

  it('writes nothing when expectedVersion is stale, and reports the current head', async () => {
    const store = await makeStore();
    await store.append(series(2, 0), 0);
    await store.append(series(2, 5), 1);
    const before = await dump(store);
    const res = await store.append([added({ item: 'i1', quantity: 1, at: 1 })], 1);
    expect(res).toEqual({ ok: false, head: before.head });
    expect(await dump(store)).toEqual(before);
  });

  it('writes nothing when the transaction fails half way (pages, snapshots, reverts, journal and head unchanged)', async () => {
    const store = await makeStore();
    const evs = series(5, 0);
    await store.append(evs, 0);
    await store.db.snapshots.put({ key: historyKey(evs[3]!), format: SNAPSHOT_FORMAT, eventCount: 4, items: [] });
    const before = await dump(store);
    vi.spyOn(store.db.journal, 'add').mockImplementation(() => Promise.reject(new Error('disk on fire')) as never);
    // A late event (deletes a snapshot) plus a revert (writes a revert row): every table would change.
    await expect(store.append([added({ item: 'i1', quantity: 1, at: 2.5 }), reverted({ events: [evs[0]!.id], at: 9 })], 1)).rejects.toThrow('disk on fire');
    expect(await dump(store)).toEqual(before);
  });

  it('still appends after a failed transaction', async () => {
    const store = await makeStore();
    await store.append(series(2, 0), 0);
    const fault = quotaAtWrite(['pages'], { times: 1 });
    await expect(store.append([added({ item: 'i1', quantity: 1, at: 3 })], 1)).rejects.toThrow('quota');
    fault.restore();
    const res = await store.append([added({ item: 'i1', quantity: 1, at: 3 })], 1);
    expect(res.ok && res.head.count).toBe(3);
  });

  it('records a revert with the smallest key among the events it names that are in the log', async () => {
    const store = await makeStore();
    const evs = series(4, 0);
    await store.append(evs, 0);
    const u = reverted({ events: [evs[2]!.id, evs[1]!.id, 'not-in-log'], at: 10 });
    const keys = new Map(evs.map((e) => [e.id, historyKey(e)]));
    await store.append([u], 1, { targetKey: (id) => keys.get(id) });
    expect(await store.reverts()).toEqual([{ id: u.id, key: historyKey(u), eventIds: u.data.eventIds, minTargetKey: historyKey(evs[1]!) }]);
  });

  it('finds a revert’s targets in the same batch', async () => {
    const store = await makeStore();
    const a = added({ item: 'i1', quantity: 1, at: 1 });
    const u = reverted({ events: [a.id], at: 2 });
    await store.append([u, a], 0);
    expect((await store.reverts())[0]!.minTargetKey).toBe(historyKey(a));
  });

  it('records a revert that names nothing in the log with its own key', async () => {
    const store = await makeStore();
    const u = reverted({ events: ['ghost'], at: 2 });
    await store.append([u], 0);
    expect((await store.reverts())[0]!.minTargetKey).toBe(historyKey(u));
  });

  it('keeps every revert row also as one record in meta, equal to the table, through undo, redo, a late target and an import', async () => {
    const store = await makeStore();
    const byId = (rows: RevertRow[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
    const recordAndTable = async () => {
      const row = await store.db.meta.get(REVERTS_KEY);
      return [byId(parseReverts(row!.value as string)), byId(await store.db.reverts.toArray())] as const;
    };
    const evs = series(4, 0);
    await store.append(evs, 0);
    const keys = new Map(evs.map((e) => [e.id, historyKey(e)]));
    const targetKey = (id: string) => keys.get(id);
    const undo = reverted({ events: [evs[3]!.id], at: 10 });
    await store.append([undo], 1, { targetKey });
    const redo = reverted({ events: [undo.id], at: 11 });
    await store.append([redo], 2, { targetKey });
    // An undo of an event not in the log yet, then that event: the command path lowers the undo's key.
    const late = added({ item: 'i1', quantity: 1, at: 1 });
    const early = reverted({ events: [late.id], at: 12 });
    await store.append([early], 3, { targetKey });
    await store.append([late], 4);
    // An import (over a thousand events: reverts settled before the transaction) with undos of its own.
    const many = series(1500, 100);
    const undoMany = reverted({ events: [many[0]!.id, evs[0]!.id], at: 2000 });
    await store.append([...many, undoMany], 5, { bulk: true, targetKey });
    const [record, table] = await recordAndTable();
    expect(record).toEqual(table);
    expect(record.map((r) => r.id).sort()).toEqual([undo.id, redo.id, early.id, undoMany.id].sort());
    expect(record.find((r) => r.id === early.id)!.minTargetKey).toBe(historyKey(late));
    expect(record.find((r) => r.id === undoMany.id)!.minTargetKey).toBe(historyKey(evs[0]!));
    expect(byId(await store.reverts())).toEqual(table);
  });

  it('reads the reverts from their record, not from the table', async () => {
    const store = await makeStore();
    const evs = series(2, 0);
    await store.append(evs, 0);
    await store.append([reverted({ events: [evs[1]!.id], at: 5 })], 1, { targetKey: (id) => (id === evs[1]!.id ? historyKey(evs[1]!) : undefined) });
    const table = vi.spyOn(store.db.reverts, 'toArray');
    const [head, reverts] = await store.readHeadAndReverts();
    expect(head.version).toBe(2);
    expect(reverts.map((r) => r.eventIds)).toEqual([[evs[1]!.id]]);
    expect(table).not.toHaveBeenCalled();
  });
});

describe('EventStore snapshots', () => {
  it('deletes the snapshots at or after a late event and keeps the earlier ones', async () => {
    const store = await makeStore();
    const evs = series(40, 0);
    await store.append(evs, 0);
    for (const i of [10, 20, 30]) await store.db.snapshots.put({ key: historyKey(evs[i]!), format: SNAPSHOT_FORMAT, eventCount: i + 1, items: [] });
    await store.append([added({ item: 'i1', quantity: 1, at: 15.5 })], 1);
    expect((await store.db.snapshots.toArray()).map((s) => s.key)).toEqual([historyKey(evs[10]!)]);
  });

  it('keeps every snapshot when events land at the end of history', async () => {
    const store = await makeStore();
    const evs = series(10, 0);
    await store.append(evs, 0);
    await store.db.snapshots.put({ key: historyKey(evs[9]!), format: SNAPSHOT_FORMAT, eventCount: 10, items: [] });
    await store.append(series(3, 20), 1);
    expect(await store.db.snapshots.count()).toBe(1);
  });

  it('returns snapshots at or before a key, newest first, ignoring other formats', async () => {
    const store = await makeStore();
    const evs = series(10, 0);
    await store.append(evs, 0);
    await store.db.snapshots.put({ key: historyKey(evs[2]!), format: SNAPSHOT_FORMAT, eventCount: 3, items: [] });
    await store.db.snapshots.put({ key: historyKey(evs[4]!), format: SNAPSHOT_FORMAT + 1, eventCount: 5, items: [] });
    await store.db.snapshots.put({ key: historyKey(evs[6]!), format: SNAPSHOT_FORMAT, eventCount: 7, items: [] });
    await store.db.snapshots.put({ key: historyKey(evs[8]!), format: SNAPSHOT_FORMAT, eventCount: 9, items: [] });
    const got = [];
    for await (const s of store.snapshotsAtOrBefore(historyKey(evs[6]!))) got.push(s.eventCount);
    expect(got).toEqual([7, 3]);
  });
});
