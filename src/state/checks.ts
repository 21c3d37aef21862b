// What deciding a command or an undo needs beyond the head: its time, and the stretch of history it lands in or
// changes, read from the log. Loaded with the first command (state/decisions.ts), not at start.
import type { Refusal } from '../domain/commands';
import { LIMITS, type InventoryEvent } from '../domain/events';
import { FUTURE_MS, historyKey, revertedAt, sortHistory, timeKey, TIME_KEY_LENGTH, type RevertRecord } from '../domain/history';
import { clashInHistory } from '../domain/codeHistory';
import { sharedMessage } from '../domain/codes';
import { checkInPlace } from '../domain/inPlace';
import type { InventoryState } from '../domain/inventory';
import { decideRevert, findDependents } from '../domain/revert';
import type { AppendOptions, HeadRow } from '../store/types';
import { stateBefore, type LogView } from './fold/seek';

/** 9999-12-31T23:59:59.999Z: the last instant an RFC 3339 time with a four-digit year can name. */
const LAST_MS = 253_402_300_799_999;

const refuse = (error: string): Refusal => ({ ok: false, error });
const minute = (time: string) => `${new Date(Date.parse(time)).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A command's time: the clock's. A command is decided against the head, so when the head is at the clock's time
 * or up to FUTURE_MS ahead of it (a clock set back, another device's event at this very millisecond whose id sorts
 * after ours), it is stamped just after the head instead: otherwise a count made elsewhere at the same instant
 * could silently override what the user just did. Future-dated events (a device whose clock was wrong) do not drag
 * local times along: the command takes its place before them, checked there (refusalInPlace).
 */
export function stamp(now: Date, headKey: string): string {
  const iso = now.toISOString();
  const headTime = headKey.slice(0, TIME_KEY_LENGTH);
  if (!headTime || timeKey(iso)! > headTime) return iso;
  const after = Date.parse(`${headTime.slice(0, 23)}Z`) + 1;
  return after - now.getTime() <= FUTURE_MS && after <= LAST_MS ? new Date(after).toISOString() : iso;
}

export interface HeadView extends LogView {
  head: HeadRow;
  state: InventoryState;
}

/**
 * A refusal when `events`, stamped before the head's last event, would not do at their place in history what they
 * were decided to do at the head (domain/inPlace.ts).
 */
export async function refusalInPlace(at: HeadView, events: readonly InventoryEvent[]): Promise<Refusal | undefined> {
  const sorted = sortHistory([...events]);
  const first = historyKey(sorted[0]!);
  if (first > at.head.lastKey) return undefined;
  const start = await stateBefore(at, first, at.head.lastKey);
  const merged: InventoryEvent[] = [...sorted];
  for await (const chunk of at.store.readRange(start.key, at.head.lastKey)) merged.push(...chunk);
  const problem = checkInPlace(start.state, sortHistory(merged), sorted, at.undos.undoneAt(at.head.lastKey), at.state);
  if (!problem) return undefined;
  const why = `the log holds events dated after this device's clock (the latest at ${minute(`${at.head.lastKey.slice(0, 23)}Z`)}; the device that recorded them probably had a wrong clock)`;
  if (problem.kind === 'clash') return refuse(`Not saved: ${why}, and recorded now, before them, ${sharedMessage(problem.clash)}.`);
  if (problem.kind === 'breaks') return refuse(`Not saved: ${why}, and recorded now, before them, this would leave a negative quantity or act on an item that does not exist yet.`);
  const name = problem.by.type === 'EventsReverted' ? undefined : at.state.items.get(problem.by.data.itemId)?.name;
  return refuse(`Not saved: ${why}. An event dated ${minute(problem.by.time)} would override this for “${name ?? 'this item'}”. Undo that event in History first.`);
}

/** Whether undoing `pending` redoes: every event it names is itself an undo. */
const redoes = (found: ReadonlyMap<string, InventoryEvent>, pending: readonly string[]): boolean => pending.every((id) => found.get(id)?.type === 'EventsReverted');

export type UndoDecision =
  | { ok: true; events: InventoryEvent[]; opts: AppendOptions }
  | { ok: false; error: string; dependents?: InventoryEvent[] };

/**
 * The events of an undo (or, for an EventsReverted, a redo) of `eventIds`, refused when one is not in the log,
 * all are undone already, or later events depend on them. `context` stamps the new events.
 */
export async function decideUndo(
  at: HeadView,
  eventIds: readonly string[],
  reason: string | undefined,
  context: (correlationId?: string) => { now: string; newId: () => string; source: string; correlationId?: string },
  newId: () => string,
): Promise<UndoDecision> {
  const found = await at.store.findEvents(eventIds);
  const missing = eventIds.filter((id) => !found.has(id));
  if (missing.length) return refuse(`${missing.length === 1 ? 'An event' : `${missing.length} events`} to undo ${missing.length === 1 ? 'is' : 'are'} not in the log.`);
  const headKey = at.head.lastKey;
  const oldSkip = at.undos.undoneAt(headKey);
  const pending = eventIds.filter((id) => !oldSkip.has(id));
  if (pending.length === 0) return refuse(eventIds.length === 1 ? 'This was already undone.' : 'These were already undone.');
  // Several EventsReverted (a large group) share one correlation id, so they are undone and redone together.
  const decided = decideRevert(pending, reason, context(pending.length > LIMITS.revertIds ? newId() : undefined));
  if (!decided.ok) return decided;
  const keyOf = new Map([...found.values()].map((e) => [e.id, historyKey(e)]));
  const records: RevertRecord[] = decided.events.map((e) => ({ id: e.id, key: historyKey(e), eventIds: (e.data as { eventIds: string[] }).eventIds, minTargetKey: '' }));
  const newKey = records[records.length - 1]!.key;
  // As of the head: undos dated after this one (from a clock that ran ahead) count there too.
  const newSkip = revertedAt([...at.undos.all, ...records], newKey > headKey ? newKey : headKey);
  // The earliest event whose inclusion changes: a target, or (for a redo) what the undone revert named.
  let earliest = newKey;
  for (const id of pending) {
    const own = keyOf.get(id)!;
    const undone = at.undos.all.find((x) => x.id === id)?.minTargetKey;
    const k = undone !== undefined && undone < own ? undone : own;
    if (k < earliest) earliest = k;
  }
  const start = await stateBefore(at, earliest, headKey);
  const after: InventoryEvent[] = [];
  for await (const chunk of at.store.readRange(start.key, headKey)) after.push(...chunk);
  const dependents = findDependents(start.state, after, oldSkip, newSkip);
  if (dependents.length) {
    return { ok: false, error: `Cannot undo: ${dependents.length === 1 ? 'a later event depends' : `${dependents.length} later events depend`} on it.`, dependents };
  }
  // An undo or redo that lists an item again or brings back its codes may give a code to a second listed item.
  const clash = clashInHistory(start.state, after, oldSkip, newSkip);
  if (clash) return refuse(`Cannot ${redoes(found, pending) ? 'redo' : 'undo'} this: ${sharedMessage(clash)}.`);
  return { ok: true, events: decided.events, opts: { targetKey: (id: string) => keyOf.get(id) } };
}
