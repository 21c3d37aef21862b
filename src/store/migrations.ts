// Every schema version of the database, oldest first, with the upgrade that brings the rows of the version
// before it up to date. A version only ever gets added: a device may open the database at any older version
// (test/reliability/storageVersions.test.ts opens a fixture of each).
import type { Dexie, Transaction } from 'dexie';
import type { InventoryEvent } from '../domain/events';
import { encodeEvents } from './pages/codec';
import { REVERTS_KEY, revertsText } from './reverts/record';
import type { ImportIdsRow, ImportRow, MetaRow, RevertRow, StoredPage } from './types';

/** A page as schema version 1 stored it; only the upgrade to version 2 reads these. */
interface PageRowV1 {
  lo: string;
  events: InventoryEvent[];
}

/** Version 1's row of an import, which held its ids. */
type ImportRowV1 = Partial<ImportRow> & { eventIds?: string[] };

const V1_STORES = {
  pages: 'lo',
  snapshots: 'key',
  reverts: 'id, *eventIds',
  journal: 'version',
  meta: 'key',
  imports: 'id, at',
};
const V2_STORES = { ...V1_STORES, importIds: 'id' };

/**
 * Version 2: pages hold their events as export text (StoredPage); an import's ids move to importIds, as JSON
 * text. Every page row is rewritten once, in the upgrade transaction (a few seconds at a million events, once
 * per device).
 */
async function toVersion2(tx: Transaction): Promise<void> {
  await tx
    .table('pages')
    .toCollection()
    .modify((row: Partial<PageRowV1> & Partial<StoredPage>) => {
      if (!row.events) return;
      Object.assign(row, encodeEvents(row.events));
      delete row.events;
    });
  const moved: ImportIdsRow[] = [];
  await tx
    .table('imports')
    .toCollection()
    .modify((row: ImportRowV1) => {
      if (!row.eventIds) return;
      moved.push({ id: row.id!, ids: JSON.stringify(row.eventIds) });
      delete row.eventIds;
    });
  await tx.table('importIds').bulkPut(moved);
}

/**
 * Version 3: every revert row is also kept as one JSON text in meta (REVERTS_KEY), read at start in place of
 * the table; an import's ids may take several rows (db.ts IDS_PART; a version 2 row is a first part, so those
 * need no change). No store changes; the version is for tabs of older releases, which would change the reverts
 * table and leave the record stale, and read only an import's first part of ids: opening version 3 makes them
 * step aside (src/state/app.ts). The upgrade writes the record from the table.
 */
async function toVersion3(tx: Transaction): Promise<void> {
  const rows = (await tx.table('reverts').toArray()) as RevertRow[];
  if (rows.length) await tx.table('meta').put({ key: REVERTS_KEY, value: revertsText(rows) } satisfies MetaRow);
}

/** Declares every version on `db` (db.ts SCHEMA_VERSION is the last). */
export function declareVersions(db: Dexie): void {
  db.version(1).stores(V1_STORES);
  db.version(2).stores(V2_STORES).upgrade(toVersion2);
  db.version(3).stores(V2_STORES).upgrade(toVersion3);
  // Version 4: an import's file is kept (importFiles) and its pages may refer to bytes of it (FilePage). No row
  // changes; the version makes tabs of older releases, which would take such a page for a damaged one, step aside.
  db.version(4).stores({ ...V2_STORES, importFiles: 'id' });
  // Version 5: no store changes. Pages may now hold events of data version 2 (item codes), which releases that
  // know only version 1 misread (an edit of codes is lost in their fold, and their snapshots would keep that). The
  // version makes their open tabs step aside; one opened later reads the meta `dataVersion` and stops (app.ts).
  db.version(5).stores({ ...V2_STORES, importFiles: 'id' });
}
