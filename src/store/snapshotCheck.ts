// Snapshots are a cache of the fold: one that is damaged or of another format is never trusted.
import type { Item } from '../domain/inventory';
import { SNAPSHOT_FORMAT } from './db';
import type { SnapshotRow } from './types';

const isText = (v: unknown) => typeof v === 'string';
const isQty = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function isSoundItem(i: Item): boolean {
  if (!i || typeof i !== 'object' || !isText(i.id) || !isText(i.name) || !isText(i.updatedAt)) return false;
  if (typeof i.known !== 'boolean' || typeof i.archived !== 'boolean' || !Number.isInteger(i.eventCount) || i.eventCount < 0) return false;
  if (!i.stock || typeof i.stock !== 'object' || Array.isArray(i.stock)) return false;
  return Object.values(i.stock).every(isQty);
}

/** A snapshot is trusted only if every part of it has the shape the fold produces. */
export function isSound(row: SnapshotRow): boolean {
  return (
    row.format === SNAPSHOT_FORMAT &&
    isText(row.key) &&
    Number.isInteger(row.eventCount) &&
    row.eventCount >= 0 &&
    Array.isArray(row.items) &&
    row.items.every(isSoundItem)
  );
}
