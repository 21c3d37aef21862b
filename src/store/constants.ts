// The on-disk layout's names and constants. Events live in history-ordered pages of up to PAGE_SIZE events rather
// than one row each, because IndexedDB's cost is per record and per transaction, not per byte
// (docs/benchmarks.md). WARNING: every name and constant here fixes the on-disk layout; changing one needs a new
// schema version with a migration, and a fixture of the old layout in test/fixtures. No Dexie here: the engine
// and the app's start use these before the database code (db.ts) has loaded.
import type { HeadRow } from './types';

export const DB_NAME = 'eventory';
/**
 * Bump with every storage layout change AND every new event data version: opening a higher version makes
 * Dexie send `versionchange` to tabs of older releases, which then stop writing (src/state/app.ts).
 */
export const SCHEMA_VERSION = 5;

/**
 * Events per page when appending at the end of history; a page is split when it outgrows PAGE_SPLIT. Commands
 * first fill small tail pages that are merged into one of PAGE_SIZE when the tail holds that many
 * (pages/layout.ts).
 */
export const PAGE_SIZE = 1000;
export const PAGE_SPLIT = 2000;
/** Format of stored snapshots; a snapshot of another format is ignored and rebuilt from the log. */
export const SNAPSHOT_FORMAT = 1;
/** Journal entries kept for other tabs to catch up incrementally; older ones make a tab reload its state. */
export const JOURNAL_KEEP = 500;

/** The meta row holding the log's HeadRow. */
export const HEAD_KEY = 'head';

/** The head of an empty log (no 'head' row yet). */
export const EMPTY_HEAD: HeadRow = { version: 0, count: 0, lastKey: '' };

/**
 * Ids per ImportIdsRow. The first part is kept under the import's id, the next ones under `${id} ${part}`
 * (part zero-padded, so that they sort in order after the first). Parts small enough to be written among the
 * import's pages keep its progress moving to the end of the write.
 */
export const IDS_PART = 50_000;
export const importIdsKey = (importId: string, part: number): string => (part === 0 ? importId : `${importId} ${String(part).padStart(6, '0')}`);
