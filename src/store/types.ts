// The shapes the store works with: its rows on disk (db.ts names their tables), pages in memory, and what an
// append is given and answers. Types only, so every store file can share them without importing each other.
// WARNING: a row's shape fixes the on-disk layout; changing one needs a new schema version (migrations.ts).
import type { InventoryEvent } from '../domain/events';
import type { Item } from '../domain/inventory';

/** An event with its history key (domain/history.ts historyKey), the order pages keep. */
export type Keyed = readonly [string, InventoryEvent];

/**
 * A run of events in history order, as the store works with it in memory. `lo` is fixed when the page is made:
 * the page holds keys in [lo, next lo). On disk it is a StoredPage (pages/codec.ts).
 */
export interface PageRow {
  lo: string;
  events: InventoryEvent[];
  /** The imported file its stored row refers to (FilePage), when read from one: rewriting the page releases it. */
  from?: string;
}

/**
 * A page as stored since schema version 2: `text` is its `n` events, each `JSON.stringify`'d and joined by
 * ",\n", exactly as the export file writes them. One string per page rather than an array of objects: putting
 * it is a copy of one string instead of a structured clone of every event, an export is a concatenation of
 * stored text, and a read is one JSON.parse.
 */
export interface TextPage {
  lo: string;
  n: number;
  text: string;
  /** In memory only: the imported file this text was read from (FilePage.src). Never stored. */
  from?: string;
}

/**
 * Since schema version 4 a page of an import may instead refer to its text in the imported file, kept whole
 * (ImportFileRow): bytes [start, end) of the file, UTF-8, are exactly the `text` a TextPage would hold. An
 * import then puts the file once and small rows, instead of the text of every page again.
 */
export interface FilePage {
  lo: string;
  n: number;
  /** The import's id, which keys its file in importFiles. */
  src: string;
  start: number;
  end: number;
}

export type StoredPage = TextPage | FilePage;

/** Where a page's text is in an imported file (FilePage without its `lo` and `n`). */
export type FileBytes = Pick<FilePage, 'src' | 'start' | 'end'>;

/** What one append does to the pages: delete first (a rewritten page may reuse a deleted `lo`), then put. */
export interface PagePlan {
  writes: PageRow[];
  deletes: string[];
  /** Imported files that some page this plan rewrites or deletes referred to: perhaps no longer referenced. */
  released?: string[];
}

/** An imported file, kept whole since schema version 4 because pages refer to its bytes (FilePage). Never changed. */
export interface ImportFileRow {
  /** The import's id (ImportRow). */
  id: string;
  file: Blob;
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

/** One import, so that it can be undone as a group. Its ids are ImportIdsRows under the same id. */
export interface ImportRow {
  id: string;
  at: string;
  name: string;
  added: number;
  skipped: number;
}

/**
 * The ids an import added, as JSON text (a JSON array), in parts of up to IDS_PART ids (db.ts importIdsKey).
 * Kept apart from ImportRow because reading a row reads all of it, and listing past imports must not read the
 * ids of a million events; as one string per part they are made before the import's transaction, in slices,
 * and written among its pages.
 */
export interface ImportIdsRow {
  /** importIdsKey(import's id, part) */
  id: string;
  ids: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type AppendResult =
  | {
      ok: true;
      head: HeadRow;
      /** the appended events in history order */
      sorted: Keyed[];
      /** the log was empty before */
      wasEmpty: boolean;
      /** imported files that pages rewritten or deleted by this append referred to (PagePlan.released) */
      released: string[];
    }
  | { ok: false; head: HeadRow };

export type PageText = (events: readonly InventoryEvent[]) => string | undefined;

/** The file an import was read from, which its pages may refer to (FilePage) instead of holding their text. */
export interface ImportedFile {
  blob: Blob;
  /** Where a run of these events' text (as `textOf` gives it) is in the file's bytes, [start, end), if known. */
  bytesOf: (events: readonly InventoryEvent[]) => readonly [number, number] | undefined;
}

export interface AppendOptions {
  /** History keys of events that reverts in this batch name and that are already in the log. */
  targetKey?: (id: string) => string | undefined;
  /** A large write (import): other tabs reload instead of reading it from the journal. */
  bulk?: boolean;
  /** Record the write as an import (same transaction), so it can be undone as a group. */
  importRecord?: ImportRow;
  /**
   * Progress of a long append (done, events): a share of the total over the steps before the transaction
   * (keys, sort, pages, reverts, ids), then the rest in proportion to the page rows written in it, slice by
   * slice; the last call has done = total.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once every write of the transaction has succeeded, while IndexedDB commits it, with the batch in
   * history order and the revert rows written; outside the transaction. The append's result still says
   * whether it committed: work done here must wait for that before it is kept or written.
   */
  whileCommitting?: (sorted: readonly Keyed[], reverts: readonly RevertRow[]) => void;
  /**
   * The text a page should store for a run of these events, when the caller has it (an import keeps each
   * event's text from the file: src/io/sourceText.ts); undefined, and the page's events are stringified. It
   * must be JSON that, inside `[ ]`, parses to exactly those events.
   */
  textOf?: PageText;
  /**
   * With `importRecord`: the file the events were read from. Kept (under the import's id) when its pages would
   * refer to at least half of its bytes; those pages then store where their text is in it.
   */
  file?: ImportedFile;
}
