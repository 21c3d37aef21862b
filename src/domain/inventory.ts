// The inventory as a fold of the log. Folding never throws and never drops an event (spec §3): a stock event
// for an unknown item makes a placeholder item marked `known: false`, and a negative quantity is kept; both are
// shown to the user as conflicts.
import { assertNever, ITEM_FIELDS, type InventoryEvent, type ItemFields } from './events';
import { historyKey } from './history';

/** The location key of the "unassigned" bucket. Stored in snapshots: changing it needs a migration. */
export const UNASSIGNED = '';

export interface Item extends ItemFields {
  id: string;
  /** False while only stock events (no ItemCreated) name this item: a conflict to resolve. */
  known: boolean;
  archived: boolean;
  createdAt?: string;
  /** Time of the latest event that touched the item. */
  updatedAt: string;
  /** Quantity per location; the unassigned bucket is under UNASSIGNED. Zero buckets are removed. */
  stock: Record<string, number>;
  /** Events folded for this item. */
  eventCount: number;
}

export interface InventoryState {
  items: ReadonlyMap<string, Item>;
  /** Events folded into this state (reverted ones excluded). */
  eventCount: number;
  /** History key of the last event folded, '' for the empty state. */
  lastKey: string;
}

export const emptyState = (): InventoryState => ({ items: new Map(), eventCount: 0, lastKey: '' });

// Quantities may be decimals; rounding to 1e-9 keeps 0.1 + 0.2 from showing as 0.30000000000000004.
export const roundQty = (q: number): number => Math.round(q * 1e9) / 1e9;

export function quantityOf(item: Item): number {
  let sum = 0;
  for (const q of Object.values(item.stock)) sum += q;
  return roundQty(sum);
}

/**
 * The quantity held at one location. Locations are user text: "__proto__" or "constructor" must read as a
 * location like any other, so stock is read and written as own properties only.
 */
export function stockAt(stock: Readonly<Record<string, number>>, location: string): number {
  return Object.hasOwn(stock, location) ? stock[location]! : 0;
}

export function quantityAt(item: Item | undefined, location: string | undefined): number {
  return item ? stockAt(item.stock, location ?? UNASSIGNED) : 0;
}

export function hasConflict(item: Item): boolean {
  return !item.known || Object.values(item.stock).some((q) => q < 0);
}

export function isLowStock(item: Item): boolean {
  return item.minQuantity !== undefined && quantityOf(item) < item.minQuantity;
}

function withStock(item: Item, location: string | undefined, delta: number): Record<string, number> {
  const key = location ?? UNASSIGNED;
  const next = { ...item.stock };
  const q = roundQty(stockAt(next, key) + delta);
  if (q === 0) delete next[key];
  // Only "__proto__" misbehaves on assignment; defining every key would put stock objects in slow dictionary
  // mode (measured: the fold of a million events spent 5 s in here).
  else if (key === '__proto__') Object.defineProperty(next, key, { value: q, enumerable: true, writable: true, configurable: true });
  else next[key] = q;
  return next;
}

function placeholder(id: string, time: string): Item {
  return { id, name: id, known: false, archived: false, updatedAt: time, stock: {}, eventCount: 0 };
}

/** The next version of one item after `e`, or undefined when `e` is not about an item. Pure. */
export function evolveItem(prev: Item | undefined, e: InventoryEvent): Item | undefined {
  if (e.type === 'EventsReverted') return undefined;
  const base = prev ?? placeholder(e.data.itemId, e.time);
  const item: Item = { ...base, updatedAt: e.time, eventCount: base.eventCount + 1 };
  switch (e.type) {
    case 'ItemCreated': {
      const { itemId: _id, ...fields } = e.data;
      return { ...item, ...fields, known: true, createdAt: base.createdAt ?? e.time };
    }
    case 'ItemUpdated': {
      const next: Item = { ...item };
      for (const field of ITEM_FIELDS) {
        const change = e.data.changes[field];
        if (!change) continue;
        if (change.to === undefined) delete next[field];
        else (next as unknown as Record<string, unknown>)[field] = change.to;
      }
      return next;
    }
    case 'StockAdded':
      return { ...item, stock: withStock(item, e.data.location, e.data.quantity) };
    case 'StockRemoved':
      return { ...item, stock: withStock(item, e.data.location, -e.data.quantity) };
    case 'StockMoved': {
      const moved = { ...item, stock: withStock(item, e.data.from, -e.data.quantity) };
      return { ...moved, stock: withStock(moved, e.data.to, e.data.quantity) };
    }
    case 'StockCounted': {
      const current = quantityAt(item, e.data.location);
      return { ...item, stock: withStock(item, e.data.location, e.data.counted - current) };
    }
    case 'ItemArchived':
      return { ...item, archived: true };
    case 'ItemRestored':
      return { ...item, archived: false };
    default:
      return assertNever(e);
  }
}

/**
 * Folds `events` (in history order) onto `state`, skipping ids in `skip` (reverted events). Returns a new state;
 * `state` is not modified. The item map is copied once per call, not once per event, so folding a million
 * events costs a million item updates, not a million map copies.
 */
export function fold(
  state: InventoryState,
  events: Iterable<InventoryEvent>,
  skip: ReadonlySet<string> = new Set(),
  keyOf: (e: InventoryEvent) => string = historyKey,
): InventoryState {
  const items = new Map(state.items);
  let { eventCount, lastKey } = state;
  for (const e of events) {
    lastKey = keyOf(e);
    if (skip.has(e.id)) continue;
    eventCount++;
    const id = e.type === 'EventsReverted' ? undefined : e.data.itemId;
    if (id === undefined) continue;
    items.set(id, evolveItem(items.get(id), e)!);
  }
  return { items, eventCount, lastKey };
}

/** The pure `evolve(state, event) -> state` of the design: one event, no reverts. */
export const evolve = (state: InventoryState, e: InventoryEvent): InventoryState => fold(state, [e]);
