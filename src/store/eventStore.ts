// The append-only log behind a small interface. Every write is one IndexedDB transaction that checks the log's
// version first (optimistic concurrency between tabs): a writer that has not seen the latest events is told
// so and writes nothing.
import Dexie from 'dexie';
import type { InventoryEvent } from '../domain/events';
import type { Item } from '../domain/inventory';
import { historyKey } from '../domain/history';
import { keyAndSort, type Keyed } from './sortKeyed';
import { makeYielder } from './yieldToMain';
import { EventoryDB, JOURNAL_KEEP, PAGE_SIZE, PAGE_SPLIT, SNAPSHOT_FORMAT, type HeadRow, type ImportRow, type JournalRow, type PageRow, type RevertRow, type SnapshotRow } from './db';

export const EMPTY_HEAD: HeadRow = { version: 0, count: 0, lastKey: '' };

export type AppendResult =
  | { ok: true; head: HeadRow; /** the appended events in history order */ sorted: Keyed[]; /** the log was empty before */ wasEmpty: boolean }
  | { ok: false; head: HeadRow };

/** Page rows per bulkPut inside an import's transaction (about 20k events, ~20 ms of cloning). */
const PUT_SLICE = 20;

/**
 * New revert rows plus the existing ones whose `minTargetKey` drops: a revert's history changes from the earliest
 * event it affects — what it names, and, through a revert it names (redo), what that one named. An event that
 * arrives after a revert naming it (merges bring events in any order) lowers that revert's key too.
 */
function settleReverts(existing: RevertRow[], added: RevertRow[], keyed: readonly Keyed[]): RevertRow[] {
  if (existing.length === 0 && added.length === 0) return [];
  const all = new Map(existing.map((r) => [r.id, r]));
  for (const r of added) all.set(r.id, r);
  const inBatch = new Map<string, string>();
  for (const [k, e] of keyed) inBatch.set(e.id, k);
  const changed = new Set(added.map((r) => r.id));
  for (let again = true; again; ) {
    again = false;
    for (const r of all.values()) {
      let m = r.minTargetKey;
      for (const id of r.eventIds) {
        const k = inBatch.get(id);
        if (k !== undefined && k < m) m = k;
        const sub = all.get(id);
        if (sub && sub.minTargetKey < m) m = sub.minTargetKey;
      }
      if (m < r.minTargetKey) {
        all.set(r.id, { ...r, minTargetKey: m });
        changed.add(r.id);
        again = true;
      }
    }
  }
  return [...changed].map((id) => all.get(id)!);
}

const isText = (v: unknown) => typeof v === 'string';
const isQty = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

function isSoundItem(i: Item): boolean {
  if (!i || typeof i !== 'object' || !isText(i.id) || !isText(i.name) || !isText(i.updatedAt)) return false;
  if (typeof i.known !== 'boolean' || typeof i.archived !== 'boolean' || !Number.isInteger(i.eventCount) || i.eventCount < 0) return false;
  if (!i.stock || typeof i.stock !== 'object' || Array.isArray(i.stock)) return false;
  return Object.values(i.stock).every(isQty);
}

/** A snapshot is trusted only if every part of it has the shape the fold produces. */
function isSound(row: SnapshotRow): boolean {
  return (
    row.format === SNAPSHOT_FORMAT &&
    isText(row.key) &&
    Number.isInteger(row.eventCount) &&
    row.eventCount >= 0 &&
    Array.isArray(row.items) &&
    row.items.every(isSoundItem)
  );
}

function revertRows(keyed: readonly Keyed[], opts: AppendOptions): RevertRow[] {
  const inBatch = new Map<string, string>();
  for (const [k, e] of keyed) inBatch.set(e.id, k);
  const rows: RevertRow[] = [];
  for (const [key, e] of keyed) {
    if (e.type !== 'EventsReverted') continue;
    let minTargetKey = key;
    for (const id of e.data.eventIds) {
      const t = opts.targetKey?.(id) ?? inBatch.get(id);
      if (t !== undefined && t < minTargetKey) minTargetKey = t;
    }
    rows.push({ id: e.id, key, eventIds: e.data.eventIds, minTargetKey });
  }
  return rows;
}

export interface AppendOptions {
  /** History keys of events that reverts in this batch name and that are already in the log. */
  targetKey?: (id: string) => string | undefined;
  /** A large write (import): other tabs reload instead of reading it from the journal. */
  bulk?: boolean;
  /** Record the write as an import (same transaction), so it can be undone as a group. */
  importRecord?: Omit<ImportRow, 'eventIds'>;
}

const byKey = (a: Keyed, b: Keyed) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function lastIndexAtOrBelow(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= key) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Merges keyed events into a page and cuts the result into pages of at most `max` events. */
/**
 * A page's cost is its size, not its event count: an undo of a large import names 10,000 ids. Weighing events
 * keeps such a revert from making the last page (read and rewritten by every append) heavy.
 */
function weight(e: InventoryEvent): number {
  return e.type === 'EventsReverted' ? 1 + Math.ceil(e.data.eventIds.length / 10) : 1;
}

/** Merges keyed events into a page and cuts the result into pages of at most PAGE_SIZE in weight. */
function mergeIntoPages(page: PageRow, added: Keyed[], isLast: boolean): PageRow[] {
  // Appends at the end of history (the common case) need no sort: every added key is above the page's last.
  const own: Keyed[] = page.events.map((e) => [historyKey(e), e] as const);
  const merged = own.concat(added);
  if (own.length && added.length && added[0]![0] < own[own.length - 1]![0]) merged.sort(byKey);
  const limit = isLast ? PAGE_SIZE : PAGE_SPLIT;
  let total = 0;
  for (const m of merged) total += weight(m[1]);
  if (total <= limit) return [{ lo: page.lo, events: merged.map((m) => m[1]) }];
  const out: PageRow[] = [];
  let chunk: Keyed[] = [];
  let w = 0;
  for (const m of merged) {
    const mw = weight(m[1]);
    if (chunk.length && w + mw > PAGE_SIZE) {
      out.push({ lo: out.length === 0 ? page.lo : chunk[0]![0], events: chunk.map((c) => c[1]) });
      chunk = [];
      w = 0;
    }
    chunk.push(m);
    w += mw;
  }
  out.push({ lo: out.length === 0 ? page.lo : chunk[0]![0], events: chunk.map((c) => c[1]) });
  return out;
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
    const reverts = revertRows(keyed, opts);

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
