// Folding history forward through its undos. An undo (or redo) changes which events count from its own key on,
// so the state after it is a refold: most undos name recent events, so it is refolded in memory from a
// checkpoint a little behind, and only for the items whose events changed. An undo that changes an event at or
// before the checkpoint cannot be refolded from it: the caller reads the exact state at the undo's key back from
// the log, and that state becomes the new checkpoint (a checkpoint that predates such an undo still counts the
// events it undid, and would put them back into every later refold).
import type { InventoryEvent } from './events';
import { revertedAt, type RevertRecord } from './history';
import { fold, type InventoryState, type Item } from './inventory';

export interface Checkpoint {
  /** The exact state at `key`: every event up to it folded, with the undone set of `key`. */
  state: InventoryState;
  key: string;
}

/** What a refold needs to know of the log's undos. */
export interface RevertIndex {
  /** Every revert of the log, in history order. */
  readonly all: readonly RevertRecord[];
  /** The record of revert `id`, when the store counts it as one. */
  record(id: string): RevertRecord | undefined;
  /** Whether some revert names revert `id` (undoes or redoes it). */
  isNamed(id: string): boolean;
}

export function revertIndex(all: readonly RevertRecord[]): RevertIndex {
  const byId = new Map(all.map((r) => [r.id, r]));
  const named = new Set<string>();
  for (const r of all) for (const id of r.eventIds) if (byId.has(id)) named.add(id);
  return { all, record: (id) => byId.get(id), isNamed: (id) => named.has(id) };
}

/** Where a fold stopped: the revert at `key` needs the exact state there; `rest` is what follows it. */
export interface NeedsState {
  key: string;
  rest: readonly InventoryEvent[];
}

/**
 * Folds history forward from a checkpoint, event by event in history order, through its undos. A new checkpoint
 * is taken every `checkpointEvery` events (at the end of a `fold` call), and whenever `resume` hands in a state
 * read back from the log.
 */
export class Refold {
  state: InventoryState;
  private base: Checkpoint;
  private since: InventoryEvent[] = [];
  private readonly skip: Set<string>;

  constructor(
    start: Checkpoint,
    private readonly reverts: RevertIndex,
    private readonly checkpointEvery: number,
  ) {
    this.state = start.state;
    this.base = start;
    this.skip = revertedAt(reverts.all, start.key);
  }

  /**
   * Folds `events` (the next ones in history order). Returns undefined when all are folded, or where it stopped:
   * the caller reads the state at `key` and calls `resume` with it, then `fold(rest)`.
   */
  fold(events: readonly InventoryEvent[]): NeedsState | undefined {
    let run: InventoryEvent[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      this.since.push(e);
      if (e.type !== 'EventsReverted') {
        run.push(e);
        continue;
      }
      this.state = fold(this.state, run, this.skip);
      run = [];
      const next = this.applyRevert(e);
      if (typeof next === 'string') return { key: next, rest: events.slice(i + 1) };
      this.state = next;
    }
    this.state = fold(this.state, run, this.skip);
    if (this.since.length >= this.checkpointEvery) this.resume(this.state);
    return undefined;
  }

  /** Continues from `state`, the exact state at the key where `fold` stopped (or at the last folded key). */
  resume(state: InventoryState): void {
    this.state = state;
    this.base = { state, key: state.lastKey };
    this.since = [];
  }

  /**
   * The state after the revert `e` (the last of `since`), or its key when it changes events at or before the
   * checkpoint: the state there must be read back.
   */
  private applyRevert(e: Extract<InventoryEvent, { type: 'EventsReverted' }>): InventoryState | string {
    const r = this.reverts.record(e.id);
    // Without its record (written in the same transaction as the event) the store does not count it as a revert.
    if (!r) return fold(this.state, [e], this.skip);
    const key = r.key;
    const changed = this.updateSkip(r);
    if (r.minTargetKey >= key) return fold(this.state, [e], this.skip);
    if (r.minTargetKey <= this.base.key) return key;
    return this.refoldItems(e, key, changed);
  }

  /** Brings `skip` to the revert's key and returns the ids whose undone status changed. */
  private updateSkip(r: RevertRecord): Set<string> {
    const changed = new Set<string>();
    // A revert that names no revert and that no revert names just adds its ids; otherwise (a redo can re-enable
    // a chain, and a redo dated before its target cancels it) the set is recomputed.
    if (!this.reverts.isNamed(r.id) && !r.eventIds.some((id) => this.reverts.record(id))) {
      for (const id of r.eventIds) if (!this.skip.has(id)) (changed.add(id), this.skip.add(id));
      return changed;
    }
    const next = revertedAt(this.reverts.all, r.key);
    for (const id of next) if (!this.skip.has(id)) changed.add(id);
    for (const id of this.skip) if (!next.has(id)) changed.add(id);
    this.skip.clear();
    for (const id of next) this.skip.add(id);
    return changed;
  }

  /** Refolds, from the checkpoint, only the items of the events whose undone status changed. */
  private refoldItems(revert: InventoryEvent, key: string, changed: ReadonlySet<string>): InventoryState {
    const affected = new Set<string>();
    let delta = 0;
    for (const e of this.since) {
      if (!changed.has(e.id)) continue;
      delta += this.skip.has(e.id) ? -1 : 1;
      if (e.type !== 'EventsReverted') affected.add(e.data.itemId);
    }
    const items = new Map<string, Item>();
    for (const id of affected) {
      const item = this.base.state.items.get(id);
      if (item) items.set(id, item);
    }
    const events = this.since.filter((e) => e.type !== 'EventsReverted' && affected.has(e.data.itemId));
    const refolded = fold({ items, eventCount: 0, lastKey: this.base.key }, events, this.skip).items;
    const next = new Map(this.state.items);
    for (const id of affected) {
      const item = refolded.get(id);
      if (item) next.set(id, item);
      else next.delete(id);
    }
    return { items: next, eventCount: this.state.eventCount + delta + (this.skip.has(revert.id) ? 0 : 1), lastKey: key };
  }
}
