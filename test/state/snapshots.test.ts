// Snapshots are a cache of the fold: a state loaded from one plus the tail must equal the full replay, whatever
// happened after the snapshot was written (late events before it, undos of events before it, redos).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { InventoryEvent } from '../../src/domain/events';
import { historyKey, keyAtTime } from '../../src/domain/history';
import { SNAPSHOT_EVERY } from '../../src/state/engine';
import type { EventStore } from '../../src/store/eventStore';
import { BIG_ITEMS, BIG_SIZE, bigLog, engineOverBigLog } from '../support/bigLog';
import { makeEngine, testClock } from '../support/engine';
import { EngineScenario } from '../support/engineScenario';
import { importEvents } from '../../src/state/importer';
import { ev } from '../support/events';
import { plain, replay } from '../support/oracle';
import { expectHeadMatches, runSteps, stepsArb } from '../support/scenario';
import { collect } from '../support/store';

/** An engine over `log` (see engineOverBigLog), run as a scenario. */
const overBigLog = async (log: InventoryEvent[]) => new EngineScenario(await engineOverBigLog(log));

/** A second engine on the same database; reports the key its first read of the log started after. */
async function reopen(s: EngineScenario) {
  let firstAfter: string | undefined;
  const spy = (store: EventStore) => {
    const orig = store.readRange.bind(store);
    vi.spyOn(store, 'readRange').mockImplementation((after, to, n) => {
      firstAfter ??= after;
      return orig(after, to, n);
    });
  };
  const again = await s.reopen({ seed: 77, beforeLoad: spy });
  return { again, startedAfter: firstAfter };
}

/** Every stored snapshot equals the oracle's state at its key (reverts as of that key). */
async function expectSnapshotsTrue(s: Pick<EngineScenario, 'store'>, log: readonly InventoryEvent[]) {
  const rows = await s.store.db.snapshots.toArray();
  for (const row of rows) {
    const at = { time: row.key.slice(0, 23) + 'Z', id: row.key.slice(29) };
    const want = replay(log, at);
    expect({ eventCount: row.eventCount, items: [...row.items].sort((a, b) => (a.id < b.id ? -1 : 1)) }, `snapshot at ${row.key}`).toEqual({
      eventCount: want.eventCount,
      items: plain(want).items,
    });
  }
  return rows.length;
}

const minute = (log: readonly InventoryEvent[], i: number) => log[i]!.time;

describe('snapshots', () => {
  it('loading a log longer than SNAPSHOT_EVERY writes a snapshot that equals the replay at its key', async () => {
    const log = bigLog(BIG_SIZE);
    const s = await overBigLog(log);
    expect(await expectSnapshotsTrue(s, log)).toBeGreaterThan(0);
    expectHeadMatches(s.engine.state.value, log);
  });

  it('a reload starts from the snapshot, folds only the tail, and equals the full replay', async () => {
    const log = bigLog(BIG_SIZE);
    const s = await overBigLog(log);
    const { again, startedAfter } = await reopen(s);
    expect(startedAfter).not.toBe('');
    expect(startedAfter! > historyKey(log[SNAPSHOT_EVERY - 10]!)).toBe(true);
    expectHeadMatches(again.engine.state.value, log);
  });

  it('a load that ends far past the last snapshot writes one at the head, so the next start folds nothing', async () => {
    const log = bigLog(SNAPSHOT_EVERY + 1500);
    const s = await overBigLog(log);
    await expectSnapshotsTrue(s, log);
    const { again, startedAfter } = await reopen(s);
    expect(startedAfter).toBe(s.engine.head.lastKey);
    expectHeadMatches(again.engine.state.value, log);
  });

  it('snapshotHead() leaves a true snapshot at the head, where the next start begins', async () => {
    const log = bigLog(BIG_SIZE);
    const s = await overBigLog(log);
    const [add] = await s.execute({ type: 'addStock', itemId: BIG_ITEMS[2], quantity: 5 });
    await s.engine.snapshotHead();
    const all = [...log, add!];
    await expectSnapshotsTrue(s, all);
    const { again, startedAfter } = await reopen(s);
    expect(startedAfter).toBe(historyKey(add!));
    expectHeadMatches(again.engine.state.value, all);
  });

  it('a large batch landing after the head is folded with snapshots inside it, each equal to the replay at its key', async () => {
    // Snapshots are taken between fold slices of the batch: it must be longer than SNAPSHOT_EVERY and a slice.
    const log = bigLog(BIG_SIZE * 2);
    const s = await makeEngine({ clock: testClock(log[log.length - 1]!.time) });
    expect((await importEvents(s.engine, log.slice(0, 10))).ok).toBe(true);
    expect((await importEvents(s.engine, log.slice(10))).ok).toBe(true);
    expectHeadMatches(s.engine.state.value, log);
    await expectSnapshotsTrue(s, log);
    const keys = (await s.store.db.snapshots.toArray()).map((r) => r.key);
    // Time travel into the batch starts from one of these, not from before the batch.
    expect(keys.some((k) => k > historyKey(log[9]!) && k < s.engine.head.lastKey)).toBe(true);
  });

  it('folding a long log reports progress that rises to the number of events', async () => {
    const log = bigLog(BIG_SIZE);
    const first = await makeEngine();
    expect((await first.store.append(log, 0)).ok).toBe(true);
    first.db.close();
    const reports: [number, number][] = [];
    await makeEngine({ name: first.name, onFold: (done, total) => reports.push([done, total]) });
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.every(([d, t], i) => t === log.length && d <= t && (i === 0 || d >= reports[i - 1]![0]))).toBe(true);
    expect(reports[reports.length - 1]![0]).toBe(log.length);
  });

  it('a late event before the snapshot replaces it, and both the head and a reload equal the replay', async () => {
    const log = bigLog(BIG_SIZE);
    const s = await overBigLog(log);
    const late = ev('StockAdded', { itemId: BIG_ITEMS[0], quantity: 100 }, { time: minute(log, 10), id: 'late-1' });
    await s.arrive(late);
    const all = [...log, late];
    expectHeadMatches(s.engine.state.value, all);
    // The old snapshot no longer describes history: whatever is stored now must include the late event.
    expect(await expectSnapshotsTrue(s, all)).toBeGreaterThan(0);
    expectHeadMatches((await reopen(s)).again.engine.state.value, all);
  });

  it('an undo of an event before the snapshot: a reload does not trust the snapshot and equals the replay', async () => {
    const log = bigLog(BIG_SIZE);
    const s = await overBigLog(log);
    const target = log.find((e, i) => i < 100 && e.type === 'StockAdded')!;
    const all = [...log, ...(await s.undo(target))];
    expectHeadMatches(s.engine.state.value, all);
    await expectSnapshotsTrue(s, all);
    expectHeadMatches((await reopen(s)).again.engine.state.value, all);
  });

  it('time travel across the snapshot equals the fold up to each time', async () => {
    const log = bigLog(BIG_SIZE);
    const s = await overBigLog(log);
    const [add] = await s.execute({ type: 'addStock', itemId: BIG_ITEMS[1], quantity: 3 });
    const all = [...log, add!];
    for (const i of [1, SNAPSHOT_EVERY - 1, SNAPSHOT_EVERY, SNAPSHOT_EVERY + 1, BIG_SIZE]) {
      expect(plain(await s.engine.stateAtKey(keyAtTime(minute(log, i)))), `at event ${i}`).toEqual(plain(replay(all, { time: minute(log, i) })));
    }
  });

  it('time travel that cannot read its snapshot and pages in one go reads them in steps, to the same states', async () => {
    const log = bigLog(BIG_SIZE);
    const s = await overBigLog(log);
    const at = [1, SNAPSHOT_EVERY, BIG_SIZE].map((i) => keyAtTime(minute(log, i)));
    const inOneRead = await Promise.all(at.map((k) => s.engine.stateAtKey(k)));
    const readAt = vi.spyOn(s.store, 'readAt').mockResolvedValue(undefined);
    const inSteps = await Promise.all(at.map((k) => s.engine.stateAtKey(k)));
    expect(readAt).toHaveBeenCalledTimes(at.length);
    expect(inSteps.map(plain)).toEqual(inOneRead.map(plain));
    at.forEach((k, i) => expect(plain(inSteps[i]!)).toEqual(plain(replay(log, { time: minute(log, [1, SNAPSHOT_EVERY, BIG_SIZE][i]!) }))));
  });

  it('property: after random commands, late events, undos and redos on a long log, head == reload (snapshot + tail) == replay, and every snapshot is true', async () => {
    let reloadsFromSnapshot = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), stepsArb(['add', 'remove', 'count'], 4, 10), async (seed, steps) => {
        const base = bigLog(BIG_SIZE, seed);
        const s = await overBigLog(base);
        const { log } = await runSteps(steps, {}, s.env, [...base]);
        expect(await collect(s.store.readRange('', '\uffff'))).toHaveLength(log.length);
        expectHeadMatches(s.engine.state.value, log);
        await expectSnapshotsTrue(s, log);
        const { again, startedAfter } = await reopen(s);
        if (startedAfter) reloadsFromSnapshot++;
        expectHeadMatches(again.engine.state.value, log);
        const t = minute(base, SNAPSHOT_EVERY + 1);
        expect(plain(await again.engine.stateAtKey(keyAtTime(t)))).toEqual(plain(replay(log, { time: t })));
        again.env.db.close();
        await s.env.db.delete();
      }),
      { numRuns: 5, seed: 424242 },
    );
    expect(reloadsFromSnapshot, 'some reloads used a snapshot').toBeGreaterThan(0);
  });
});
