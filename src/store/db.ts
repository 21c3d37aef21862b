// The IndexedDB layout. Transaction and record count dominate IndexedDB cost (DESIGN.md: ~11k records/s one per
// event, ~1M events/s in 1,000-event records), so events live in history-ordered pages of up to PAGE_SIZE events
// rather than one row each. WARNING: every name and constant here fixes the on-disk layout; changing one needs a
// new schema version with a migration, and a fixture of the old layout in test/fixtures.
import Dexie, { type Table } from 'dexie';
import type { InventoryEvent } from '../domain/events';
import type { Item } from '../domain/inventory';
import { encodeEvents } from './pageCodec';
import { revertsText } from './revertsRecord';

export const DB_NAME = 'eventory';
/**
 * Bump with every storage layout change AND every new event data version: opening a higher version makes
 * Dexie send `versionchange` to tabs of older releases, which then stop writing (src/state/app.ts).
 */
export const SCHEMA_VERSION = 4;

/**
 * Events per page when appending at the end of history; a page is split when it outgrows PAGE_SPLIT. Commands
 * first fill small tail pages that are merged into one of PAGE_SIZE when the tail holds that many (pageIndex.ts).
 */
export const PAGE_SIZE = 1000;
export const PAGE_SPLIT = 2000;
/** Format of stored snapshots; a snapshot of another format is ignored and rebuilt from the log. */
export const SNAPSHOT_FORMAT = 1;
/** Journal entries kept for other tabs to catch up incrementally; older ones make a tab reload its state. */
export const JOURNAL_KEEP = 500;

/**
 * A run of events in history order, as the store works with it in memory. `lo` is fixed when the page is made:
 * the page holds keys in [lo, next lo). On disk it is a StoredPage (pageCodec.ts).
 */
export interface PageRow {
  lo: string;
  events: InventoryEvent[];
}

/**
 * A page as stored since schema version 2: `text` is its `n` events, each `JSON.stringify`'d and joined by
 * ",\n", exactly as the export file writes them (spec §1). Issue 6, measured in Chromium at 1M events: putting
 * 1,000-event pages as object arrays into this keyPath store cost 2.7–2.9 s of synchronous structured clone;
 * the same pages as one string each cost 1.7–1.8 s including the stringify, an export is a concatenation of
 * stored text, and a read is one JSON.parse per page. Version 1 stored `events` arrays (PageRowV1).
 */
export interface TextPage {
  lo: string;
  n: number;
  text: string;
}

/**
 * Since schema version 4 a page of an import may instead refer to its text in the imported file, kept whole
 * (ImportFileRow `src`): bytes [start, end) of the file, UTF-8, are exactly the `text` a TextPage would hold.
 * Issue 6, measured in Chromium at 1M events (a worker putting 1,000 pages in one transaction): putting the
 * pages as strings cost 1.3 s of synchronous clone and the commit took 2.1–2.4 s; putting the file once and
 * 1,000 small rows referring to it, 0.07 s and 0.2–0.5 s. Reading 4 pages back costs about the same either way.
 */
export interface FilePage {
  lo: string;
  n: number;
  src: string;
  start: number;
  end: number;
}

export type StoredPage = TextPage | FilePage;

/** An imported file, kept whole since schema version 4 because pages refer to its bytes (FilePage). Never changed. */
export interface ImportFileRow {
  /** The import's id (ImportRow). */
  id: string;
  file: Blob;
}

/** A page as schema version 1 stored it; only the upgrade to version 2 reads these. */
export interface PageRowV1 {
  lo: string;
  events: InventoryEvent[];
}

/** The folded state at history key `key` (inclusive). */
export interface SnapshotRow {
  key: string;
  format: number;
  eventCount: number;
  items: Item[];
}

export interface RevertRow {
  id: string;
  key: string;
  eventIds: string[];
  /** Smallest history key among the events it names (its own key when none is in the log). */
  minTargetKey: string;
}

/** What one write added, for other tabs. Bulk writes (imports) carry no events: readers reload. */
export interface JournalRow {
  version: number;
  events?: InventoryEvent[];
  minKey: string;
}

export interface HeadRow {
  version: number;
  count: number;
  lastKey: string;
}

export const HEAD_KEY = 'head';
/**
 * The meta row whose value is revertsText() of every row of the reverts table, written in the transaction that
 * changes the table. Issue 6, measured in Chromium on a cold start: reading 2,400 revert rows took 100–150 ms,
 * one record of the same rows 13–23 ms. The table stays, for its eventIds index (does a command name an event
 * some revert names?). Absent in a log that never had a revert.
 */
export const REVERTS_KEY = 'reverts';

/** The head of an empty log (no 'head' row yet). */
export const EMPTY_HEAD: HeadRow = { version: 0, count: 0, lastKey: '' };

/** One import, so that it can be undone as a group. Its ids are an ImportIdsRow of the same id. */
export interface ImportRow {
  id: string;
  at: string;
  name: string;
  added: number;
  skipped: number;
}

/**
 * The ids an import added, as JSON text (a JSON array; since version 3 in parts, IDS_PART), in a table of their
 * own since schema version 2.
 * Version 1 kept them in the import's row as `eventIds: string[]`. Measured at 1M events: putting a million ids
 * as an array cost ~1 s of synchronous structured clone inside the import's transaction; as one string they are
 * made before it, in slices. Kept apart from ImportRow because reading a row reads all of it: listing past
 * imports read the 40 MB of ids of a million-event import in one 250 ms task, and parsed them in another.
 */
export interface ImportIdsRow {
  /** importIdsKey(import's id, part) */
  id: string;
  ids: string;
}

/**
 * Since schema version 3 an import's ids are kept in parts of up to IDS_PART ids, one row each: the first under
 * the import's id (as version 2 kept all of them), the next ones under `${id} ${part}` (part zero-padded, so
 * that they sort in order after the first). Measured in Chromium at 1M events: one 40 MB row put after the pages
 * held back the success of the last pages' puts for 0.6 s, with no progress to show; parts of 2 MB are written
 * among the pages.
 */
export const IDS_PART = 50_000;
export const importIdsKey = (importId: string, part: number): string => (part === 0 ? importId : `${importId} ${String(part).padStart(6, '0')}`);

export interface MetaRow {
  key: string;
  value: unknown;
}

export class EventoryDB extends Dexie {
  pages!: Table<StoredPage, string>;
  snapshots!: Table<SnapshotRow, string>;
  reverts!: Table<RevertRow, string>;
  journal!: Table<JournalRow, number>;
  meta!: Table<MetaRow, string>;
  imports!: Table<ImportRow, string>;
  importIds!: Table<ImportIdsRow, string>;
  importFiles!: Table<ImportFileRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    const stores = {
      pages: 'lo',
      snapshots: 'key',
      reverts: 'id, *eventIds',
      journal: 'version',
      meta: 'key',
      imports: 'id, at',
    };
    this.version(1).stores(stores);
    const v2 = { ...stores, importIds: 'id' };
    // Version 2: pages hold their events as export text (StoredPage); an import's ids move to importIds, as JSON
    // text. Every page row is rewritten once, in the upgrade transaction (a few seconds at a million events, once
    // per device).
    this.version(2)
      .stores(v2)
      .upgrade(async (tx) => {
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
          .modify((row: Partial<ImportRow> & { eventIds?: string[] }) => {
            if (!row.eventIds) return;
            moved.push({ id: row.id!, ids: JSON.stringify(row.eventIds) });
            delete row.eventIds;
          });
        await tx.table('importIds').bulkPut(moved);
      });
    // Version 3: every revert row is also kept as one JSON text in meta (REVERTS_KEY), read at
    // start in place of the table; an import's ids may take several rows (IDS_PART; a version 2 row is a first
    // part, so those need no change). No store changes; the version is for tabs of older releases, which would
    // change the reverts table and leave the record stale, and read only an import's first part of ids: opening
    // version 3 makes them step aside (src/state/app.ts). The upgrade writes the record from the table.
    this.version(3)
      .stores(v2)
      .upgrade(async (tx) => {
        const rows = (await tx.table('reverts').toArray()) as RevertRow[];
        if (rows.length) await tx.table('meta').put({ key: REVERTS_KEY, value: revertsText(rows) } satisfies MetaRow);
      });
    // Version 4: an import's file is kept (importFiles) and its pages may refer to bytes of it (FilePage). No row
    // changes; the version makes tabs of older releases, which would take such a page for a damaged one, step aside.
    this.version(4).stores({ ...v2, importFiles: 'id' });
  }
}
