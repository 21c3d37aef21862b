// The append-only log behind a small interface. Every write is one IndexedDB transaction that checks the log's
// version first (optimistic concurrency between tabs): a writer that has not seen the latest events is told
// so and writes nothing.
import Dexie from 'dexie';
import type { InventoryEvent } from '../domain/events';
import { loadOnce } from '../lib/loadOnce';
import type { Layout } from './append';
import { EMPTY_HEAD, EventoryDB, importIdsKey } from './db';
import { readHead, readReverts } from './logMeta';
import { pageTexts } from './pages/files';
import { eventsBetween, pageKeyAtOrBelow, readBackward, readRange, readTexts } from './pages/reads';
import { isSound } from './snapshotCheck';
import type { AppendOptions, AppendResult, HeadRow, ImportRow, JournalRow, RevertRow, SnapshotRow } from './types';

export { EMPTY_HEAD };

/**
 * Pages a seek reads with the nearest snapshot (EventStore.readAt): a snapshot every 2,000 events (engine.ts
 * SNAPSHOT_EVERY) lies at most 2,000 events, up to three pages of 1,000 and the one holding it, before the
 * seek's key; one more spares small tail pages the second read.
 */
const NEAR_PAGES = 5;

// The write path loads with the first append; kept, so that later appends skip the dynamic import's bookkeeping.
const appendModule = loadOnce(() => import('./append'));
const unreferenced = loadOnce(() => import('./pages/unreferenced'));

/** Runs work no caller waits for; the app shows its failure (state/app.ts inBackground). */
export type Background = (work: Promise<unknown>, what: string) => void;

const logFailure: Background = (work, what) => void work.catch((err: unknown) => console.error(`Eventory: ${what} failed`, err));

export class EventStore {
  /** The page layout as this store last wrote or read it; used only while the log is still at its version. */
  private readonly layout: Layout = {};

  constructor(
    readonly db: EventoryDB,
    private readonly background: Background = logFailure,
  ) {}

  readHead(): Promise<HeadRow> {
    return readHead(this.db);
  }

  /** Fetches the write path ahead of the first append (so a first change works should the network drop before it). */
  preloadWrites(): Promise<unknown> {
    return appendModule();
  }

  /** The head and every revert row, read together: what a start needs before it reads a snapshot. */
  readHeadAndReverts(): Promise<[HeadRow, RevertRow[]]> {
    return this.db.transaction('r', this.db.meta, this.db.reverts, () => Promise.all([readHead(this.db), readReverts(this.db)]));
  }

  /**
   * Appends `events` (any order; they take their place in history) in one transaction, if the log is still at
   * `expectedVersion` (see append.ts, loaded with the first append).
   */
  async append(events: InventoryEvent[], expectedVersion: number, opts: AppendOptions = {}): Promise<AppendResult> {
    const { appendEvents } = await appendModule();
    const res = await appendEvents(this.db, this.layout, events, expectedVersion, opts);
    // The write is done: deleting a file it left unreferenced is nobody's wait.
    if (res.ok && res.released.length) this.background(this.deleteUnreferencedFiles(res.released), 'deleting an imported file no longer needed');
    return res;
  }

  /** Deletes the imported files (of `candidates`, or all) that no page refers to any more; returns their ids. */
  async deleteUnreferencedFiles(candidates?: readonly string[]): Promise<string[]> {
    return (await unreferenced()).deleteUnreferencedFiles(this.db, candidates);
  }

  /** Events with `afterKey < key <= toKey`, in history order, a page at a time. */
  readRange(afterKey: string, toKey: string, pagesPerRead = 16): AsyncGenerator<InventoryEvent[]> {
    return readRange(this.db, afterKey, toKey, pagesPerRead);
  }

  /** The whole log as export text, in history order, a page at a time (see pages/reads.ts). */
  readTexts(pagesPerRead = 8): AsyncGenerator<{ n: number; text: string | Blob }> {
    return readTexts(this.db, pagesPerRead);
  }

  /** Events with key < `beforeKey`, newest first, a page at a time. */
  readBackward(beforeKey: string = '\uffff', pagesPerRead = 4): AsyncGenerator<InventoryEvent[]> {
    return readBackward(this.db, beforeKey, pagesPerRead);
  }

  /** Finds events by id, searching from the newest (undo usually names recent events). */
  async findEvents(ids: Iterable<string>): Promise<Map<string, InventoryEvent>> {
    const wanted = new Set(ids);
    const found = new Map<string, InventoryEvent>();
    if (wanted.size === 0) return found;
    for await (const chunk of this.readBackward()) {
      for (const e of chunk) if (wanted.has(e.id)) found.set(e.id, e);
      if (found.size === wanted.size) break;
    }
    return found;
  }

  /**
   * Snapshots at or before `key`, newest first. A snapshot of another format or with a damaged shape is
   * skipped (the state is then folded from an older one, or from the log): it is a cache, never the truth.
   */
  async *snapshotsAtOrBefore(key: string): AsyncGenerator<SnapshotRow> {
    let upper = key;
    let inclusive = true;
    // The nearest one is almost always usable (a seek, a start): it is read alone, and older ones four at a
    // time only when it is not (each snapshot read is a whole inventory of structured clone).
    for (let limit = 1; ; limit = 4) {
      const rows = await this.snapshotsBelow(upper, inclusive, limit);
      for (const row of rows) if (isSound(row)) yield row;
      if (rows.length < limit) return;
      upper = rows[rows.length - 1]!.key;
      inclusive = false;
    }
  }

  /** `limit` snapshots at or before `upper` (before it unless `inclusive`), newest first. */
  private snapshotsBelow(upper: string, inclusive: boolean, limit: number): Promise<SnapshotRow[]> {
    return this.db.snapshots.where('key').between('', upper, true, inclusive).reverse().limit(limit).toArray();
  }

  /**
   * What a seek to `toKey` reads, in one transaction: the newest sound snapshot at or before it that `usable`
   * accepts, and the events after it up to `toKey`. One transaction, as each is a round trip through the
   * browser process (costly on a busy machine). Undefined when more than `maxPages` pages lie between (no
   * usable snapshot near): read in steps instead.
   */
  async readAt(toKey: string, usable: (row: SnapshotRow) => boolean, maxPages = 16): Promise<{ snapshot: SnapshotRow | undefined; chunks: InventoryEvent[][] } | undefined> {
    const read = await this.db.transaction('r', this.db.snapshots, this.db.pages, async () => {
      // The nearest snapshot and the pages just below `toKey` are read together: usually those pages reach back
      // to the snapshot's, and the seek makes one round trip to IndexedDB instead of three (the text of pages of
      // an imported file is read after it, one more).
      const [nearest, near] = await Promise.all([this.snapshotsBelow(toKey, true, 1), this.db.pages.where('lo').belowOrEqual(toKey).reverse().limit(NEAR_PAGES).toArray()]);
      const found = nearest.find((row) => isSound(row) && usable(row));
      const holding = found ? near.findIndex((page) => page.lo <= found.key) : -1;
      if (found && holding !== -1) return { snapshot: found, pages: near.slice(0, holding + 1).reverse() };
      // Otherwise: older snapshots below the nearest (already read), four at a time, then the pages from there.
      let snapshot = found;
      for (let below = nearest[0]?.key; !snapshot && below !== undefined; ) {
        const rows = await this.snapshotsBelow(below, false, 4);
        snapshot = rows.find((row) => isSound(row) && usable(row));
        below = rows.length < 4 ? undefined : rows[rows.length - 1]!.key;
      }
      const from = await pageKeyAtOrBelow(this.db, snapshot?.key ?? '');
      const pages = await this.db.pages.where('lo').between(from, toKey, true, true).limit(maxPages + 1).toArray();
      return pages.length > maxPages ? undefined : { snapshot, pages };
    });
    if (!read) return undefined;
    const afterKey = read.snapshot?.key ?? '';
    // Pages of an imported file are read from it after the transaction: no other write changes a page's bytes.
    return { snapshot: read.snapshot, chunks: (await pageTexts(this.db, read.pages)).map((page) => eventsBetween(page, afterKey, toKey)) };
  }

  /**
   * Writes snapshots folded from the log at `version`, if it is still there; false when another write came first.
   * A tab that folded before another tab's (or its import worker's) write must not store what it folded: a write
   * that put events before the snapshot's key makes it a false past (seen in Chromium: a tab closed during an
   * import wrote its pre-import head after the import had committed events before it).
   */
  async putSnapshots(rows: SnapshotRow[], version: number): Promise<boolean> {
    return this.db.transaction('rw', this.db.meta, this.db.snapshots, async () => {
      if ((await this.readHead()).version !== version) return false;
      await this.db.snapshots.bulkPut(rows);
      return true;
    });
  }

  async deleteSnapshots(): Promise<void> {
    await this.db.snapshots.clear();
  }

  /** Imports, newest first. */
  async imports(): Promise<ImportRow[]> {
    return this.db.imports.orderBy('at').reverse().toArray();
  }

  async hasImport(id: string): Promise<boolean> {
    return (await this.db.imports.where('id').equals(id).count()) > 0;
  }

  /** The ids an import added, undefined for an unknown import. */
  async importedIds(id: string): Promise<string[] | undefined> {
    let all: string[] | undefined;
    // A loop, not push(...part): spreading 50,000 arguments is close to the engine's limit on arguments.
    for await (const part of this.importedIdParts(id)) {
      all ??= [];
      for (const one of part) all.push(one);
    }
    return all;
  }

  /**
   * The ids an import added, a part (db.ts IDS_PART) at a time, each read on its own: reading every part at
   * once would be one long task of structured clone, and their parse another.
   */
  async *importedIdParts(id: string): AsyncGenerator<string[]> {
    for (let part = 0; ; part++) {
      const row = await this.db.importIds.get(importIdsKey(id, part));
      if (!row) return;
      yield JSON.parse(row.ids) as string[];
    }
  }

  /** Event ids carrying `correlationId` (one user action), searching from the newest. */
  async idsOfGroup(correlationId: string): Promise<string[]> {
    const ids: string[] = [];
    const reverts: string[] = [];
    for await (const chunk of this.readBackward()) for (const e of chunk) if (e.correlationid === correlationId) (e.type === 'EventsReverted' ? reverts : ids).push(e.id);
    // A group made only of undos (a large undo split in several) is redone by undoing them.
    return ids.length ? ids : reverts;
  }

  reverts(): Promise<RevertRow[]> {
    return this.db.transaction('r', this.db.meta, this.db.reverts, () => readReverts(this.db));
  }

  /** Journal entries after `version`, or 'gap' when some were trimmed or were bulk writes. */
  async journalSince(version: number): Promise<JournalRow[] | 'gap'> {
    const rows = await this.db.journal.where('version').above(version).toArray();
    const head = await this.readHead();
    if (rows.length !== head.version - version) return 'gap';
    if (rows.some((r) => !r.events)) return 'gap';
    return rows;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }

  close(): void {
    this.db.close();
  }
}
