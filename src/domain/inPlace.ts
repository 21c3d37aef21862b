// A command is decided against the head, but stamped by the clock: when the log holds events dated after the
// clock (another device's clock ran ahead), the command takes its place before them in history. It is kept only
// if that place changes nothing about it: its items end up exactly as if it had been appended after the head,
// and neither it nor any later event is left broken (a negative quantity, an item that does not exist yet).
import { clashInHistory, mayClash } from './codeHistory';
import type { CodeClash } from './codes';
import type { InventoryEvent } from './events';
import { fold, type InventoryState, type Item } from './inventory';
import { findDependents } from './revert';

export type InPlaceProblem =
  /** These events (the command's own or later ones) would be broken. */
  | { kind: 'breaks'; events: InventoryEvent[] }
  /** `by`, a later event, would change what the command does to its items. */
  | { kind: 'overridden'; by: InventoryEvent }
  /** At its place the command would give a code to a second listed item (a later event takes it off the first). */
  | { kind: 'clash'; clash: CodeClash };

/** What the user sees of an item: a command's effect on it is judged by this. */
function seen(item: Item | undefined): string {
  if (!item) return '';
  const { id: _id, createdAt: _c, updatedAt: _u, eventCount: _n, stock, ...fields } = item;
  const buckets = Object.keys(stock).sort().map((k) => [k, stock[k]]);
  return JSON.stringify([fields, buckets]);
}

/**
 * Checks `added` (the command's events) at their place in `merged`, the history from just after `start` to the
 * head with `added` in it, all folded with the head's undone set `skip`. `head` is the state before the command.
 */
export function checkInPlace(
  start: InventoryState,
  merged: readonly InventoryEvent[],
  added: readonly InventoryEvent[],
  skip: ReadonlySet<string>,
  head: InventoryState,
): InPlaceProblem | undefined {
  const addedIds = new Set(added.map((e) => e.id));
  const without = new Set([...skip, ...addedIds]);
  const broken = findDependents(start, merged, without, skip);
  if (broken.length) return { kind: 'breaks', events: broken };
  // Checked against the head when decided; at its place, an item that gives the code up later may still have it.
  const clash = added.some(mayClash) ? clashInHistory(start, merged, without, skip) : undefined;
  if (clash) return { kind: 'clash', clash };
  const items = new Set<string>();
  for (const e of added) if (e.type !== 'EventsReverted') items.add(e.data.itemId);
  const actual = fold(start, merged, skip).items;
  const expected = fold(head, added, skip).items;
  const changed = [...items].filter((id) => seen(actual.get(id)) !== seen(expected.get(id)));
  if (changed.length === 0) return undefined;
  let first = Infinity;
  for (const e of added) first = Math.min(first, merged.indexOf(e));
  for (let i = first + 1; i < merged.length; i++) {
    const e = merged[i]!;
    if (addedIds.has(e.id) || skip.has(e.id) || e.type === 'EventsReverted') continue;
    if (changed.includes(e.data.itemId)) return { kind: 'overridden', by: e };
  }
  // Only a later event can make the two differ; reaching here is a bug.
  throw new Error('checkInPlace: the command’s effect changed, but no later event touches its items');
}

