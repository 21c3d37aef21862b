// States at a point of history, read from the store: the nearest snapshot still true there, then one fold of the
// events after it. A time-travel seek is usually one read (the snapshot and the few pages after it).
import { historyKey, revertedAt } from '../../domain/history';
import { emptyState, fold, type InventoryState } from '../../domain/inventory';
import type { Checkpoint } from '../../domain/refold';
import type { EventStore } from '../../store/eventStore';
import type { SnapshotRow } from '../../store/types';
import type { UndoIndex } from './undoIndex';

export interface LogView {
  store: EventStore;
  undos: UndoIndex;
}

export const START: Checkpoint = { key: '', state: emptyState() };

/** A snapshot row as the exact state at its key. */
export const positionedAt = (row: SnapshotRow): Checkpoint => ({ key: row.key, state: { items: new Map(row.items.map((i) => [i.id, i])), eventCount: row.eventCount, lastKey: row.key } });

/** The newest snapshot usable for the state at `toKey` (strictly before `below`, when given), or the start. */
export async function usableSnapshot({ store, undos }: LogView, toKey: string, below?: string): Promise<Checkpoint> {
  for await (const row of store.snapshotsAtOrBefore(below !== undefined && below < toKey ? below : toKey)) {
    if (below !== undefined && row.key >= below) continue;
    if (row.key > toKey) continue;
    if (undos.staleFor(row, toKey)) continue;
    return positionedAt(row);
  }
  return START;
}

/** The state at history key `toKey` (inclusive). */
export async function stateAtKey(log: LogView, toKey: string): Promise<InventoryState> {
  const read = await log.store.readAt(toKey, (row) => !log.undos.staleFor(row, toKey));
  const skip = revertedAt(log.undos.all, toKey);
  if (read) {
    let state = read.snapshot ? positionedAt(read.snapshot).state : emptyState();
    for (const chunk of read.chunks) if (chunk.length) state = fold(state, chunk, skip);
    return state;
  }
  const start = await usableSnapshot(log, toKey);
  let state = start.state;
  for await (const chunk of log.store.readRange(start.key, toKey)) state = fold(state, chunk, skip);
  return state;
}

/**
 * A state strictly before `key`, positioned at its last folded key, folded with the undone set of `headKey`
 * (for checks that fold onwards to the head with that set).
 */
export async function stateBefore(log: LogView, key: string, headKey: string): Promise<Checkpoint> {
  const start = await usableSnapshot(log, headKey, key);
  const skip = revertedAt(log.undos.all, headKey);
  let state = start.state;
  let lastKey = start.key;
  for await (const chunk of log.store.readRange(start.key, key)) {
    const before = chunk.filter((e) => historyKey(e) < key);
    if (before.length) {
      state = fold(state, before, skip);
      lastKey = state.lastKey;
    }
  }
  return { state, key: lastKey };
}
