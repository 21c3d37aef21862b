// How each event changes an item: one place per event type. The fold of a million events runs through here, so
// an item is changed through a Draft — a private copy that the events of one fold call change in place —
// instead of being copied once per event (docs/benchmarks.md, "Design history").
import { assertNever, ITEM_FIELDS, type InventoryEvent } from './events';
import { roundQty, stockAt, UNASSIGNED, type Item } from './item';

/** The events that are about one item (all but reverts). */
export type ItemEvent = Exclude<InventoryEvent, { type: 'EventsReverted' }>;

/**
 * An item being evolved. `item` is a copy nobody else holds yet, so it may be changed in place; its stock is
 * still shared with the item it was copied from until the first stock change, which copies it into `ownStock`
 * (so events that leave the stock alone keep the stock object's identity; projections rely on that).
 */
export interface Draft {
  readonly item: Item;
  ownStock: Record<string, number> | undefined;
}

function placeholder(id: string, time: string): Item {
  return { id, name: id, known: false, archived: false, updatedAt: time, stock: {}, eventCount: 0 };
}

/** A draft of the item `e` is about: a copy of `prev`, or an unknown placeholder when there is none yet. */
export function startDraft(prev: Item | undefined, e: ItemEvent): Draft {
  if (prev !== undefined) return { item: { ...prev }, ownStock: undefined };
  const item = placeholder(e.data.itemId, e.time);
  return { item, ownStock: item.stock };
}

/**
 * Sets an own data property. Keys are user text: plain assignment of "__proto__" would set the prototype
 * instead, so only that key is defined (defining every key puts objects in slow dictionary mode).
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A copy of `stock` without `key`. Built rather than `delete`d: a deletion turns the object into a slow dictionary. */
function without(stock: Record<string, number>, key: string): Record<string, number> {
  const next: Record<string, number> = {};
  for (const k of Object.keys(stock)) if (k !== key) setOwn(next, k, stock[k]);
  return next;
}

function addStock(d: Draft, location: string | undefined, delta: number): void {
  let stock = d.item.stock;
  if (stock !== d.ownStock) d.item.stock = d.ownStock = stock = { ...stock };
  const key = location ?? UNASSIGNED;
  const q = roundQty(stockAt(stock, key) + delta);
  if (q !== 0) setOwn(stock, key, q);
  else if (Object.hasOwn(stock, key)) d.item.stock = d.ownStock = without(stock, key);
}

/** Applies `e` to the draft in place. The only place that knows what each event type does to an item. */
export function applyEvent(d: Draft, e: ItemEvent): void {
  const item = d.item;
  item.updatedAt = e.time;
  item.eventCount++;
  switch (e.type) {
    case 'ItemCreated': {
      const createdAt = item.createdAt ?? e.time;
      const data = e.data as unknown as Record<string, unknown>;
      for (const key of Object.keys(data)) if (key !== 'itemId') setOwn(item as unknown as Record<string, unknown>, key, data[key]);
      item.known = true;
      item.createdAt = createdAt;
      return;
    }
    case 'ItemUpdated':
      for (const field of ITEM_FIELDS) {
        const change = e.data.changes[field];
        if (!change) continue;
        if (change.to === undefined) delete item[field];
        else (item as unknown as Record<string, unknown>)[field] = change.to;
      }
      return;
    case 'StockAdded':
      return addStock(d, e.data.location, e.data.quantity);
    case 'StockRemoved':
      return addStock(d, e.data.location, -e.data.quantity);
    case 'StockMoved':
      addStock(d, e.data.from, -e.data.quantity);
      return addStock(d, e.data.to, e.data.quantity);
    case 'StockCounted':
      // As a delta, not a plain set, so a count rounds exactly as it always has.
      return addStock(d, e.data.location, e.data.counted - stockAt(item.stock, e.data.location ?? UNASSIGNED));
    case 'ItemArchived':
      item.archived = true;
      return;
    case 'ItemRestored':
      item.archived = false;
      return;
    default:
      return assertNever(e);
  }
}

/** The next version of one item after `e`, or undefined when `e` is not about an item. Pure: `prev` is kept. */
export function evolveItem(prev: Item | undefined, e: InventoryEvent): Item | undefined {
  if (e.type === 'EventsReverted') return undefined;
  const d = startDraft(prev, e);
  applyEvent(d, e);
  return d.item;
}
