// Long folds of history into the state at the head: a rebuild (from the nearest usable snapshot, or of an import
// into an empty log from memory) and a large batch landing after the head, both with progress, snapshots along
// the way, and a pause now and then so the page stays responsive.
import type { InventoryEvent } from '../../domain/events';
import { fold, type InventoryState } from '../../domain/inventory';
import { Refold } from '../../domain/refold';
import { makeYielder } from '../../lib/yieldToMain';
import type { HeadRow } from '../../store/types';
import { START, stateAtKey, usableSnapshot, type LogView } from './seek';
import { SNAPSHOT_EVERY, type SnapshotWriter } from './snapshotWriter';

/** Events behind the fold kept in memory during a rebuild, so that undos of recent events refold cheaply. */
const CHECKPOINT_EVERY = 2000;
/** Events per fold call when a large batch lands after the head. */
export const FOLD_SLICE = 1000;
/**
 * Events per fold() call when an import into an empty log is folded from memory: fold copies each item it touches
 * once per call, so larger calls copy less. Equal to the snapshot interval, so both snapshot the same moments.
 */
const WHOLE_CHUNK = SNAPSHOT_EVERY;

export interface FoldDeps extends LogView {
  snapshots: SnapshotWriter;
  /** Progress: events folded so far, of about `total`. */
  onFold?: (done: number, total: number) => void;
}

function* inChunks<T>(all: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
}

/**
 * The exact state at `head`, folded event by event from the nearest usable snapshot (or, given `whole`, from
 * those events in memory: the whole log), so that every intermediate state is the true state at its key. An undo
 * that changes history before the fold's checkpoint takes the state at its key from `reread`.
 */
export async function foldHistory(
  deps: FoldDeps,
  head: HeadRow,
  whole?: readonly InventoryEvent[],
  reread: (key: string) => Promise<InventoryState> = (key) => stateAtKey(deps, key),
): Promise<InventoryState> {
  const { snapshots } = deps;
  snapshots.version = head.version;
  const start = whole ? START : await usableSnapshot(deps, head.lastKey);
  const total = Math.max(0, head.count - start.state.eventCount);
  let done = 0;
  const pause = makeYielder();
  snapshots.startAt(start.state, start.key);
  const refold = new Refold(start, deps.undos.index(), CHECKPOINT_EVERY);
  const chunks = whole ? inChunks(whole, WHOLE_CHUNK) : deps.store.readRange(start.key, head.lastKey);
  for await (const chunk of chunks) {
    let rest: readonly InventoryEvent[] = chunk;
    for (let stop = refold.fold(rest); stop; stop = refold.fold(rest)) {
      refold.resume(await reread(stop.key));
      rest = stop.rest;
    }
    deps.onFold?.((done = Math.min(total, done + chunk.length)), total);
    await snapshots.maybe(refold.state);
    await pause();
  }
  await snapshots.finish(refold.state);
  return refold.state;
}

/**
 * Folds many events that all land after the head (a large import onto an existing log) in slices, with progress
 * and snapshots along the way: time travel into them then starts near its target, not before them. Correct
 * because such a batch holds no undo, so the undone set is the same at every key in it.
 */
export async function foldInSlices(deps: FoldDeps, from: InventoryState, events: readonly InventoryEvent[], skip: ReadonlySet<string>): Promise<InventoryState> {
  const pause = makeYielder();
  let state = from;
  for (let i = 0; i < events.length; i += FOLD_SLICE) {
    state = fold(state, events.slice(i, i + FOLD_SLICE), skip);
    deps.onFold?.(Math.min(events.length, i + FOLD_SLICE), events.length);
    await deps.snapshots.maybe(state);
    await pause();
  }
  await deps.snapshots.finish(state);
  return state;
}
