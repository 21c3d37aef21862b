// The append-only log behind a small interface. Every write is one IndexedDB transaction that checks the log's
// version first (optimistic concurrency between tabs): a writer that has not seen the latest events is told
// so and writes nothing.
import Dexie from 'dexie';
import type { InventoryEvent } from '../domain/events';
import { historyKey } from '../domain/history';
import { EventoryDB, JOURNAL_KEEP, type HeadRow, type ImportRow, type JournalRow, type PageRow, type RevertRow, type SnapshotRow } from './db';
import { lastIndexAtOrBelow, mergeIntoPages } from './pages';
import { revertRows, settleReverts } from './revertRows';
import { isSound } from './snapshotCheck';
import { keyAndSort, type Keyed } from './sortKeyed';
import { makeYielder } from './yieldToMain';

export const EMPTY_HEAD: HeadRow = { version: 0, count: 0, lastKey: '' };

export type AppendResult =
  | { ok: true; head: HeadRow; /** the appended events in history order */ sorted: Keyed[]; /** the log was empty before */ wasEmpty: boolean }
  | { ok: false; head: HeadRow };

/** Page rows per bulkPut inside an import's transaction (about 20k events, ~20 ms of cloning). */
const PUT_SLICE = 20;

export interface AppendOptions {
  /** History keys of events that reverts in this batch name and that are already in the log. */
  targetKey?: (id: string) => string | undefined;
  /** A large write (import): other tabs reload instead of reading it from the journal. */
  bulk?: boolean;
  /** Record the write as an import (same transaction), so it can be undone as a group. */
  importRecord?: Omit<ImportRow, 'eventIds'>;
}

export class EventStore {
  constructor(readonly db: EventoryDB) {}

  async readHead(): Promise<HeadRow> {
    return ((await this.db.meta.get('head'))?.value as HeadRow | undefined) ?? EMPTY_HEAD;
  }

  /**
   * Appends `events` (any order; they take their place in history) in one transaction, if the log is still at
   * `expectedVersion`. The CPU work (keys, sorting, merging into pages) happens before the transaction opens,
   * in slices; the transaction re-checks the version, so pages read before it are still the current ones.
   * Snapshots after the earliest new event are deleted: they no longer describe history.
   */
  async append(events: InventoryEvent[], expectedVersion: number, opts: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append() needs at least one event');
    const db = this.db;
    const before = await this.readHead();
    if (before.version !== expectedVersion) return { ok: false, head: before };
    const keyed = await keyAndSort(events);
    const writes = await this.pagesAfterInsert(keyed);
    const minKey = keyed[0]![0];
    const maxKey = keyed[keyed.length - 1]![0];
    const reverts = revertRows(keyed, opts.targetKey);

    const result = await db.transaction('rw', [db.pages, db.snapshots, db.reverts, db.journal, db.meta, db.imports], async () => {
      const head = await this.readHead();
      if (head.version !== expectedVersion) return { ok: false as const, head };
      // Slices of pages: each put() clones its value synchronously, so one bulkPut of a million events would
      // be a single long task. Awaiting between slices keeps the transaction alive and the page responsive.
      for (let i = 0; i < writes.length; i += PUT_SLICE) await db.pages.bulkPut(writes.slice(i, i + PUT_SLICE));
      if (minKey <= head.lastKey) await db.snapshots.where('key').aboveOrEqual(minKey).delete();
      // Reverts are few; still, a plain command need not read them: the index finds any that name its events.
      const named = reverts.length || keyed.length > 1000 ? 1 : await db.reverts.where('eventIds').anyOf(keyed.map((k) => k[1].id)).count();
      const settled = named ? settleReverts(await db.reverts.toArray(), reverts, keyed) : [];
      if (settled.length) await db.reverts.bulkPut(settled);
      if (opts.importRecord) await db.imports.put({ ...opts.importRecord, eventIds: keyed.map((k) => k[1].id) });
      const next: HeadRow = {
        version: head.version + 1,
        count: head.count + keyed.length,
        lastKey: maxKey > head.lastKey ? maxKey : head.lastKey,
      };
      const entry: JournalRow = opts.bulk ? { version: next.version, minKey } : { version: next.version, minKey, events: keyed.map((k) => k[1]) };
      await db.journal.add(entry);
      await db.journal.where('version').belowOrEqual(next.version - JOURNAL_KEEP).delete();
      await db.meta.put({ key: 'head', value: next });
      return { ok: true as const, head: next };
    });
    return result.ok ? { ...result, sorted: keyed, wasEmpty: before.count === 0 } : result;
  }

  /** The page rows to write so that `keyed` (sorted) takes its place in history. */
  private async pagesAfterInsert(keyed: Keyed[]): Promise<PageRow[]> {
    const los = (await this.db.pages.toCollection().primaryKeys()) as string[];
    if (los.length === 0) los.push('');
    const groups = new Map<number, Keyed[]>();
    for (const k of keyed) {
      const i = Math.max(0, lastIndexAtOrBelow(los, k[0]));
      let g = groups.get(i);
      if (!g) groups.set(i, (g = []));
      g.push(k);
    }
    const existing = await this.db.pages.bulkGet([...groups.keys()].map((i) => los[i]!));
    const pause = makeYielder();
    const writes: PageRow[] = [];
    let n = 0;
    for (const [i, added] of groups) {
      const page = existing[n++] ?? { lo: los[i]!, events: [] };
      writes.push(...mergeIntoPages(page, added, i === los.length - 1));
      await pause();
    }
    return writes;
  }

  /** Events with `afterKey < key <= toKey`, in history order, a page at a time. */
  async *readRange(afterKey: string, toKey: string, pagesPerRead = 16): AsyncGenerator<InventoryEvent[]> {
    const first = await this.db.pages.where('lo').belowOrEqual(afterKey).last();
    let from = first?.lo ?? '';
    let inclusive = true;
    for (;;) {
      const rows = await this.db.pages.where('lo').between(from, toKey, inclusive, true).limit(pagesPerRead).toArray();
      if (rows.length === 0) return;
      for (const row of rows) {
        const evs = row.events;
        if (evs.length === 0) continue;
        const whole = historyKey(evs[0]!) > afterKey && historyKey(evs[evs.length - 1]!) <= toKey;
        yield whole ? evs : evs.filter((e) => {
          const k = historyKey(e);
          return k > afterKey && k <= toKey;
        });
      }
      from = rows[rows.length - 1]!.lo;
      inclusive = false;
      if (rows.length < pagesPerRead) return;
    }
  }

  /** Events with key < `beforeKey`, newest first, a page at a time. */
  async *readBackward(beforeKey: string = '\uffff', pagesPerRead = 4): AsyncGenerator<InventoryEvent[]> {
    // The page holding `beforeKey` starts at or below it; every later read takes the pages below the last one.
    let query = this.db.pages.where('lo').belowOrEqual(beforeKey);
    for (;;) {
      const rows = await query.reverse().limit(pagesPerRead).toArray();
      for (const row of rows) {
        // Only the page holding beforeKey needs a key per event; every other page lies wholly below it.
        const evs = row.events;
        const last = evs[evs.length - 1];
        if (last && historyKey(last) < beforeKey) {
          yield evs.slice().reverse();
          continue;
        }
        const out: InventoryEvent[] = [];
        for (let i = evs.length - 1; i >= 0; i--) if (historyKey(evs[i]!) < beforeKey) out.push(evs[i]!);
        if (out.length) yield out;
      }
      if (rows.length < pagesPerRead) return;
      const lowest = rows[rows.length - 1]!.lo;
      if (lowest === '') return;
      query = this.db.pages.where('lo').below(lowest);
    }
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
    for (;;) {
      const rows = await this.db.snapshots
        .where('key')
        .between('', upper, true, inclusive)
        .reverse()
        .limit(4)
        .toArray();
      for (const row of rows) if (isSound(row)) yield row;
      if (rows.length < 4) return;
      upper = rows[rows.length - 1]!.key;
      inclusive = false;
    }
  }

  async putSnapshot(row: SnapshotRow): Promise<void> {
    await this.db.snapshots.put(row);
  }

  async deleteSnapshots(): Promise<void> {
    await this.db.snapshots.clear();
  }

  /** Imports, newest first. */
  async imports(): Promise<Omit<ImportRow, 'eventIds'>[]> {
    const rows = await this.db.imports.orderBy('at').reverse().toArray();
    return rows.map(({ eventIds: _ids, ...r }) => r);
  }

  async importedIds(id: string): Promise<string[] | undefined> {
    return (await this.db.imports.get(id))?.eventIds;
  }

  /** Event ids carrying `correlationId` (one user action), searching from the newest. */
  async idsOfGroup(correlationId: string): Promise<string[]> {
    const ids: string[] = [];
    const reverts: string[] = [];
    for await (const chunk of this.readBackward()) for (const e of chunk) if (e.correlationid === correlationId) (e.type === 'EventsReverted' ? reverts : ids).push(e.id);
    // A group made only of undos (a large undo split in several) is redone by undoing them.
    return ids.length ? ids : reverts;
  }

  async reverts(): Promise<RevertRow[]> {
    return this.db.reverts.toArray();
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

export { Dexie };
