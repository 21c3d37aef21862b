// The reference semantics of spec/event-log.md §3, written from the spec and kept naive on purpose: sort the
// whole log, work out which events are undone, fold from scratch. The engine's incremental paths (append at the
// end, late events, undo, snapshots, time travel) are all checked against it.
//
// It handles the canonical UTC times the engine and tests produce (`Date#toISOString`), which sort by
// (milliseconds, id); anything else is a test bug and throws.
import type { EventOf, InventoryEvent } from '../../src/domain/events';
import { emptyState, fold, type InventoryState } from '../../src/domain/inventory';

const ms = (time: string): number => {
  const t = Date.parse(time);
  if (Number.isNaN(t) || new Date(t).toISOString() !== time) throw new Error(`oracle: non-canonical time ${time}`);
  return t;
};

/** Spec order: by time, ties by id in plain code-unit order. */
export function specOrder(a: InventoryEvent, b: InventoryEvent): number {
  const d = ms(a.time) - ms(b.time);
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A point of history: every event at `time` (or, with `id`, every event up to that exact (time, id)). */
export interface Cutoff {
  time: string;
  id?: string;
}

function atOrBefore(e: InventoryEvent, c: Cutoff): boolean {
  const d = ms(e.time) - ms(c.time);
  if (d !== 0) return d < 0;
  return c.id === undefined || e.id <= c.id;
}

/**
 * Ids treated as never having happened, given the reverts that have happened. A revert counts unless a revert
 * that counts names it (undo of an undo is a redo), whatever their order in the log.
 */
export function undoneIds(events: readonly InventoryEvent[]): Set<string> {
  const reverts = events.filter((e): e is EventOf<'EventsReverted'> => e.type === 'EventsReverted');
  const namedBy = new Map<string, string[]>();
  for (const r of reverts) for (const id of r.data.eventIds) namedBy.set(id, [...(namedBy.get(id) ?? []), r.id]);
  const effective = new Map<string, boolean>();
  const counts = (id: string, depth: number): boolean => {
    const known = effective.get(id);
    if (known !== undefined) return known;
    if (depth > reverts.length) throw new Error('oracle: reverts name each other in a cycle');
    const v = !(namedBy.get(id) ?? []).some((other) => counts(other, depth + 1));
    effective.set(id, v);
    return v;
  };
  const undone = new Set<string>();
  for (const r of reverts) if (counts(r.id, 0)) for (const id of r.data.eventIds) undone.add(id);
  return undone;
}

/** The state at `cutoff` (the head when omitted): events up to it, minus those undone by reverts up to it. */
export function replay(log: readonly InventoryEvent[], cutoff?: Cutoff): InventoryState {
  const upTo = cutoff ? log.filter((e) => atOrBefore(e, cutoff)) : [...log];
  upTo.sort(specOrder);
  return fold(emptyState(), upTo, undoneIds(upTo));
}

export interface ItemView {
  known: boolean;
  archived: boolean;
  name: string;
  stock: Record<string, number>;
}

/**
 * Names, flags and stock per location from spec §2's table alone (no domain code), so that an error shared by
 * the engine and `fold` still shows. Zero buckets are left out; quantities are rounded to 1e-9.
 */
export function specView(log: readonly InventoryEvent[], cutoff?: Cutoff): Map<string, ItemView> {
  const upTo = (cutoff ? log.filter((e) => atOrBefore(e, cutoff)) : [...log]).sort(specOrder);
  const undone = undoneIds(upTo);
  const items = new Map<string, ItemView>();
  const get = (id: string) => {
    let v = items.get(id);
    if (!v) items.set(id, (v = { known: false, archived: false, name: id, stock: {} }));
    return v;
  };
  const bump = (v: ItemView, loc: string | undefined, d: number) => (v.stock[loc ?? ''] = (v.stock[loc ?? ''] ?? 0) + d);
  for (const e of upTo) {
    if (undone.has(e.id) || e.type === 'EventsReverted') continue;
    const v = get(e.data.itemId);
    switch (e.type) {
      case 'ItemCreated':
        Object.assign(v, { known: true, name: e.data.name });
        break;
      case 'ItemUpdated':
        if (e.data.changes.name?.to !== undefined) v.name = e.data.changes.name.to;
        break;
      case 'StockAdded':
        bump(v, e.data.location, e.data.quantity);
        break;
      case 'StockRemoved':
        bump(v, e.data.location, -e.data.quantity);
        break;
      case 'StockMoved':
        bump(v, e.data.from, -e.data.quantity);
        bump(v, e.data.to, e.data.quantity);
        break;
      case 'StockCounted':
        v.stock[e.data.location ?? ''] = e.data.counted;
        break;
      case 'ItemArchived':
        v.archived = true;
        break;
      case 'ItemRestored':
        v.archived = false;
        break;
    }
  }
  for (const v of items.values()) {
    for (const [loc, q] of Object.entries(v.stock)) {
      const r = Math.round(q * 1e9) / 1e9;
      if (r === 0) delete v.stock[loc];
      else v.stock[loc] = r;
    }
  }
  return items;
}

/** The same view of a state the engine produced. */
export function viewOf(state: InventoryState): Map<string, ItemView> {
  const out = new Map<string, ItemView>();
  for (const [id, i] of state.items) out.set(id, { known: i.known, archived: i.archived, name: i.name, stock: { ...i.stock } });
  return out;
}

/** Comparable form of a state: items sorted by id (Map equality would also do, this prints better on failure). */
export function plain(state: InventoryState) {
  return { eventCount: state.eventCount, lastKey: state.lastKey, items: [...state.items.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}
