// A time-travel seek reads its snapshot and the pages after it in one transaction (EventStore.readAt); these
// check what it returns against the log read page by page.
import { afterEach, describe, expect, it } from 'vitest';
import { historyKey } from '../../src/domain/history';
import { emptyState, fold } from '../../src/domain/inventory';
import { PAGE_SIZE, SNAPSHOT_FORMAT } from '../../src/store/db';
import type { SnapshotRow } from '../../src/store/types';
import { closeStores, collect, openStore, series } from '../support/store';

afterEach(closeStores);

const snapshotAt = (events: ReturnType<typeof series>, n: number): SnapshotRow => {
  const state = fold(emptyState(), events.slice(0, n), new Set());
  return { key: historyKey(events[n - 1]!), format: SNAPSHOT_FORMAT, eventCount: n, items: [...state.items.values()] };
};

describe('readAt', () => {
  it('returns the nearest snapshot at or before the key and exactly the events after it up to the key', async () => {
    const store = await openStore();
    const log = series(3 * PAGE_SIZE + 10, 0);
    expect((await store.append(log, 0, { bulk: true })).ok).toBe(true);
    const snaps = [snapshotAt(log, 900), snapshotAt(log, 2100)];
    expect(await store.putSnapshots(snaps, 1)).toBe(true);
    const toKey = historyKey(log[2600]!);

    const read = await store.readAt(toKey, () => true);

    expect(read?.snapshot?.key).toBe(snaps[1]!.key);
    expect(read!.chunks.flat()).toEqual(log.slice(2100, 2601));
  });

  it('passes over a snapshot the caller cannot use, to an older one', async () => {
    const store = await openStore();
    const log = series(3 * PAGE_SIZE, 0);
    await store.append(log, 0, { bulk: true });
    const snaps = [snapshotAt(log, 500), snapshotAt(log, 1500), snapshotAt(log, 2500)];
    await store.putSnapshots(snaps, 1);
    const toKey = historyKey(log[2900]!);

    const read = await store.readAt(toKey, (row) => row.key !== snaps[2]!.key);

    expect(read?.snapshot?.key).toBe(snaps[1]!.key);
    expect(read!.chunks.flat()).toEqual(log.slice(1500, 2901));
  });

  it('without a snapshot, reads from the start of the log', async () => {
    const store = await openStore();
    const log = series(2 * PAGE_SIZE + 5, 0);
    await store.append(log, 0, { bulk: true });
    const toKey = historyKey(log[log.length - 1]!);

    const read = await store.readAt(toKey, () => true);

    expect(read?.snapshot).toBeUndefined();
    expect(read!.chunks.flat()).toEqual(await collect(store.readRange('', toKey)));
  });

  it('gives up, reading nothing to fold, when more pages than allowed lie between', async () => {
    const store = await openStore();
    const log = series(3 * PAGE_SIZE, 0);
    await store.append(log, 0, { bulk: true });

    expect(await store.readAt(historyKey(log[log.length - 1]!), () => true, 2)).toBeUndefined();
  });
});
