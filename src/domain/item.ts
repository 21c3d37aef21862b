// One item of the inventory, as the fold of its events leaves it, and the questions asked of it.
import type { ItemFields } from './events';

/** The location key of the "unassigned" bucket. Stored in snapshots: changing it needs a migration. */
export const UNASSIGNED = '';

/** Stored in snapshots (SNAPSHOT_FORMAT in src/store/db.ts): changing its shape needs a migration. */
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
