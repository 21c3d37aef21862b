// An import into an empty log is folded while its transaction commits (src/state/engine.ts foldWhileCommitting):
// the result is that of folding after the commit, the snapshots wait for the commit, and a commit that fails
// leaves neither state nor snapshots behind.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_SIZE } from '../../src/store/db';
import { RELEASE_GROUP } from '../../src/state/fold/snapshotWriter';
import { importEvents } from '../../src/state/importer';
import { reverted } from '../support/events';
import { BIG_SIZE, bigLog } from '../support/bigLog';
import { makeEngine } from '../support/engine';
import { plain, replay } from '../support/oracle';
import { quotaAtCommit, type Fault } from '../reliability/support/faults';

let fault: Fault | undefined;
afterEach(() => {
  fault?.restore();
  fault = undefined;
});

const snapshotsOf = async (db: { snapshots: { toArray(): Promise<{ key: string; eventCount: number }[]> } }) =>
  (await db.snapshots.toArray()).map((s) => [s.key, s.eventCount]);

describe('an import into an empty log, folded while it commits', () => {
  it('gives the replay of the file, and the snapshots of a rebuild, written only once the commit is known', async () => {
    const events = bigLog(BIG_SIZE * 2);
    const { engine, store, db } = await makeEngine();
    const writesBeforeCommit: string[] = [];
    let committed = false;
    const putMany = store.putSnapshots.bind(store);
    store.putSnapshots = async (rows, version) => (committed || writesBeforeCommit.push(...rows.map((r) => r.key)), putMany(rows, version));
    const append = store.append.bind(store);
    store.append = async (evs, v, opts) => {
      const res = await append(evs, v, opts);
      committed = true;
      return res;
    };
    expect(await importEvents(engine, events)).toMatchObject({ ok: true, added: events.length, skipped: 0 });
    expect(writesBeforeCommit).toEqual([]);
    expect(plain(engine.state.value)).toEqual(plain(replay(events)));
    // The newest snapshot is written before the import returns, the ones behind it meanwhile.
    await engine.settled();
    const written = await snapshotsOf(db);
    expect(written.length).toBeGreaterThanOrEqual(2);

    // The same log, folded after the fact by a rebuild, snapshots the same moments.
    await engine.rebuild();
    expect(await snapshotsOf(db)).toEqual(written);
    expect(plain(engine.state.value)).toEqual(plain(replay(events)));
  });

  it('writes the held snapshots after the commit a group per transaction, reporting each group', async () => {
    // More snapshots than two groups hold, one per page.
    const events = bigLog(PAGE_SIZE * (2 * RELEASE_GROUP + 10));
    const progress: [number, number][] = [];
    const { engine, store, db } = await makeEngine({ snapshotEvery: PAGE_SIZE, onSnapshots: (done, total) => progress.push([done, total]) });
    const groups: number[] = [];
    const putMany = store.putSnapshots.bind(store);
    store.putSnapshots = async (rows, version) => (groups.push(rows.length), putMany(rows, version));
    expect((await importEvents(engine, events)).ok).toBe(true);
    await engine.settled();
    const total = progress[0]![1];
    expect(total).toBeGreaterThan(RELEASE_GROUP);
    // The newest first and alone (the next start loads it), then the others in groups, each reported.
    expect(groups[0]).toBe(1);
    expect(groups.slice(1)).toEqual(Array.from({ length: Math.ceil(total / RELEASE_GROUP) }, (_, i) => Math.min(RELEASE_GROUP, total - i * RELEASE_GROUP)));
    expect(progress).toEqual(groups.slice(1).map((_, i) => [Math.min((i + 1) * RELEASE_GROUP, total), total]));
    expect((await snapshotsOf(db)).length).toBe(total + 1);
  });

  it('keeps an undo in the file right, refolding what it changes from memory', async () => {
    const events = bigLog(BIG_SIZE);
    const undo = reverted({ events: [events[10]!.id, events[BIG_SIZE - 5]!.id], at: BIG_SIZE + 10, id: 'undo-1' });
    const { engine, store } = await makeEngine();
    // The undo of events[10] is refolded from the fold's own (held) snapshots: nothing is read back from the log.
    const readRange = vi.spyOn(store, 'readRange');
    const snapshotReads = vi.spyOn(store, 'snapshotsAtOrBefore');
    expect((await importEvents(engine, [...events, undo])).ok).toBe(true);
    expect(readRange).not.toHaveBeenCalled();
    expect(snapshotReads).not.toHaveBeenCalled();
    expect(plain(engine.state.value)).toEqual(plain(replay([...events, undo])));
    expect([...engine.revertedIds.value].sort()).toEqual([events[10]!.id, events[BIG_SIZE - 5]!.id].sort());
  });

  it('leaves no state and no snapshot when the commit fails, and the same file then imports', async () => {
    const events = bigLog(BIG_SIZE * 2);
    const { engine, db } = await makeEngine();
    fault = quotaAtCommit({ stores: ['pages'], times: 1 });
    await expect(importEvents(engine, events)).rejects.toThrow();
    expect(fault.hits).toBe(1);
    expect(engine.eventCount.value).toBe(0);
    expect(plain(engine.state.value)).toEqual(plain(replay([])));
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);

    expect(await importEvents(engine, events)).toMatchObject({ ok: true, added: events.length, skipped: 0 });
    expect(plain(engine.state.value)).toEqual(plain(replay(events)));
    expect(await db.snapshots.count()).toBeGreaterThanOrEqual(2);
  });
});
