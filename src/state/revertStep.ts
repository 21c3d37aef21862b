// One undo (or redo) met while folding history forward. Most undos name recent events: the state after one is
// refolded in memory from a checkpoint a little behind, and only for the items whose events changed. Refolding
// every event since the checkpoint instead made a rebuild of 1M events (2,000 undos) fold ~4M events, and
// recomputing the set of undone events from all reverts made it quadratic in the number of undos.
import type { InventoryEvent } from '../domain/events';
import { revertedAt, type RevertRecord } from '../domain/history';
import { fold, type InventoryState, type Item } from '../domain/inventory';

export interface Checkpoint {
  /** The exact state at `key`. */
  state: InventoryState;
  key: string;
}

export interface RevertStep {
  /** The state just before the revert, folded with `skip`. */
  state: InventoryState;
  /** Ids undone just before the revert. Updated in place. */
  skip: Set<string>;
  /** The checkpoint and every event after it, up to and including the revert. */
  base: Checkpoint;
  since: readonly InventoryEvent[];
  revert: Extract<InventoryEvent, { type: 'EventsReverted' }>;
  key: string;
  /** Every revert of the log in history order, and this one's record. */
  reverts: readonly RevertRecord[];
  record: RevertRecord | undefined;
  isRevert: (id: string) => boolean;
}

/** The state after the revert, or 'reread' when it changes events before the checkpoint. */
export function applyRevert(s: RevertStep): InventoryState | 'reread' {
  const r = s.record;
  // Without its record (written in the same transaction as the event) the store does not count it as a revert.
  if (!r) return fold(s.state, [s.revert], s.skip);
  const changed = updateSkip(s, r);
  if (r.minTargetKey >= s.key) return fold(s.state, [s.revert], s.skip);
  if (r.minTargetKey <= s.base.key) return 'reread';
  return refoldItems(s, changed);
}

/** Brings `skip` to the revert's key and returns the ids whose undone status changed. */
function updateSkip(s: RevertStep, r: RevertRecord): Set<string> {
  const named = r.eventIds;
  const changed = new Set<string>();
  // Naming no revert, the newest revert just adds its ids; a redo can re-enable a chain, so it is recomputed.
  if (!named.some(s.isRevert)) {
    for (const id of named) if (!s.skip.has(id)) (changed.add(id), s.skip.add(id));
    return changed;
  }
  const next = revertedAt(s.reverts, s.key);
  for (const id of next) if (!s.skip.has(id)) changed.add(id);
  for (const id of s.skip) if (!next.has(id)) changed.add(id);
  s.skip.clear();
  for (const id of next) s.skip.add(id);
  return changed;
}

/** Refolds, from the checkpoint, only the items of the events whose undone status changed. */
function refoldItems(s: RevertStep, changed: ReadonlySet<string>): InventoryState {
  const affected = new Set<string>();
  let delta = 0;
  for (const e of s.since) {
    if (!changed.has(e.id)) continue;
    delta += s.skip.has(e.id) ? -1 : 1;
    if (e.type !== 'EventsReverted') affected.add(e.data.itemId);
  }
  const items = new Map<string, Item>();
  for (const id of affected) {
    const item = s.base.state.items.get(id);
    if (item) items.set(id, item);
  }
  const events = s.since.filter((e) => e.type !== 'EventsReverted' && affected.has(e.data.itemId));
  const refolded = fold({ items, eventCount: 0, lastKey: s.base.key }, events, s.skip).items;
  const next = new Map(s.state.items);
  for (const id of affected) {
    const item = refolded.get(id);
    if (item) next.set(id, item);
    else next.delete(id);
  }
  return { items: next, eventCount: s.state.eventCount + delta + (s.skip.has(s.revert.id) ? 0 : 1), lastKey: s.key };
}
