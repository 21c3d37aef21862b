// The write path of the log, loaded with the first append (initial JavaScript budget, issue 6): keys and sorts
// the batch, plans the page writes against the cached layout (pageIndex.ts), and writes everything in one
// transaction that checks the log's version first.
import Dexie from 'dexie';
import type { InventoryEvent } from '../domain/events';
import { EMPTY_HEAD, JOURNAL_KEEP, type EventoryDB, type HeadRow, type ImportIdsRow, type JournalRow, type RevertRow } from './db';
import type { AppendOptions, AppendResult } from './eventStore';
import { afterWrite, loadIndex, planInsert, planTailAppend, type PageIndex } from './pageIndex';
import { writePages } from './pageWrites';
import { batchKeys, revertRows, settleReverts } from './revertRows';
import { keyAndSort, type Keyed } from './sortKeyed';
import { makeYielder } from './yieldToMain';

/**
 * Old journal rows are deleted once every this many versions, not on every append (a range delete per command
 * showed in the append profile). Between trims the journal holds up to JOURNAL_KEEP + JOURNAL_TRIM_EVERY - 1
 * rows; readers only ever need the ones after their version.
 */
export const JOURNAL_TRIM_EVERY = 50;

/** What one store keeps between appends: the page layout as it last wrote or read it. */
export interface Layout {
  index?: PageIndex | undefined;
}

/** The ids of `keyed` as a JSON array, stringified a slice at a time (a million ids: ~0.5 s). */
async function idsText(keyed: readonly Keyed[], pause: () => Promise<void> | undefined): Promise<string> {
  const parts: string[] = [];
  const slice: string[] = [];
  for (let i = 0; i < keyed.length; i += IDS_SLICE) {
    slice.length = 0;
    for (let j = i; j < Math.min(i + IDS_SLICE, keyed.length); j++) slice.push(keyed[j]![1].id);
    parts.push(JSON.stringify(slice).slice(1, -1));
    await pause();
  }
  return `[${parts.join(',')}]`;
}
const IDS_SLICE = 50_000;

const readHead = async (db: EventoryDB): Promise<HeadRow> => ((await db.meta.get('head'))?.value as HeadRow | undefined) ?? EMPTY_HEAD;

/**
 * Appends `events` (any order; they take their place in history) in one transaction, if the log is still at
 * `expectedVersion`. The CPU work (keys, sorting, merging into pages) happens before the transaction opens,
 * in slices, against the cached layout; the transaction re-checks the version, so that layout is still the
 * current one when it writes. Snapshots after the earliest new event are deleted: they no longer describe history.
 */
export async function appendEvents(db: EventoryDB, layout: Layout, events: InventoryEvent[], expectedVersion: number, opts: AppendOptions = {}): Promise<AppendResult> {
  if (events.length === 0) throw new Error('append() needs at least one event');
  let index = layout.index?.head.version === expectedVersion ? layout.index : undefined;
  if (!index) {
    index = layout.index = await loadIndex(db);
    if (index.head.version !== expectedVersion) return { ok: false, head: index.head };
  }
  const before = index.head;
  // The work before the transaction yields now and then; each yield also tells a caller that reports progress
  // that the append is under way (about 1 s at 1M events before the first page is written).
  const yielder = makeYielder();
  const pause = () => {
    const p = yielder();
    if (p) opts.onProgress?.(0, events.length);
    return p;
  };
  const keyed = await keyAndSort(events, pause);
  const plan = (!opts.bulk && planTailAppend(index, keyed)) || (await planInsert(db, index, keyed, pause));
  const minKey = keyed[0]![0];
  const maxKey = keyed[keyed.length - 1]![0];
  const { rows: reverts, inBatch } = await revertRows(keyed, opts.targetKey, pause);
  const importIds = opts.importRecord ? await idsText(keyed, pause) : undefined;
  // A large batch (an import) settles the reverts before the transaction, in slices (~0.2 s at 1M events):
  // the reverts table only changes with the log's version, which the transaction checks again.
  let settled: RevertRow[] | undefined;
  if (keyed.length > 1000) {
    const [head, existing] = await db.transaction('r', db.meta, db.reverts, () => Promise.all([readHead(db), db.reverts.toArray()]));
    if (head.version !== expectedVersion) {
      layout.index = undefined;
      return { ok: false, head };
    }
    // With no reverts in the log yet (an import into an empty log), the batch's keys are those revertRows found.
    settled = settleReverts(existing, reverts, keyed, existing.length === 0 ? inBatch : await batchKeys(keyed, [...existing, ...reverts], pause));
  }

  try {
    const result = await db.transaction('rw', [db.pages, db.snapshots, db.reverts, db.journal, db.meta, db.imports, db.importIds], async (tx) => {
      // Requests are issued together and awaited once: each awaited request is a round trip to the IndexedDB
      // backend, and a command used to make five in a row. IndexedDB still runs them in the order issued.
      // Reverts are few; still, a plain command need not read them: the index finds any that name its events.
      const [head, named] = await Promise.all([
        readHead(db),
        settled || reverts.length ? 1 : db.reverts.where('eventIds').anyOf(keyed.map((k) => k[1].id)).count(),
      ]);
      if (head.version !== expectedVersion) return { ok: false as const, head };
      const changed = settled ?? (named ? settleReverts(await db.reverts.toArray(), reverts, keyed) : []);
      const next: HeadRow = {
        version: head.version + 1,
        count: head.count + keyed.length,
        lastKey: maxKey > head.lastKey ? maxKey : head.lastKey,
      };
      const entry: JournalRow = opts.bulk ? { version: next.version, minKey } : { version: next.version, minKey, events: keyed.map((k) => k[1]) };
      const writes: Promise<unknown>[] = [db.journal.add(entry), db.meta.put({ key: 'head', value: next })];
      if (minKey <= head.lastKey) writes.push(db.snapshots.where('key').aboveOrEqual(minKey).delete());
      if (changed.length) writes.push(db.reverts.bulkPut(changed));
      if (opts.importRecord) writes.push(db.imports.put(opts.importRecord));
      if (next.version % JOURNAL_TRIM_EVERY === 0) writes.push(db.journal.where('version').belowOrEqual(next.version - JOURNAL_KEEP).delete());
      // Last: the native page writes make no Dexie call (see pageWrites.ts).
      const after = opts.importRecord ? [{ store: 'importIds', value: { id: opts.importRecord.id, ids: importIds! } satisfies ImportIdsRow }] : [];
      writes.push(writePages(tx, plan, opts.onProgress, opts.textOf, after));
      await Promise.all(writes);
      const { whileCommitting } = opts;
      if (whileCommitting) Dexie.ignoreTransaction(() => whileCommitting(keyed, changed));
      return { ok: true as const, head: next };
    });
    layout.index = result.ok ? afterWrite(index, plan, result.head) : undefined;
    return result.ok ? { ...result, sorted: keyed, wasEmpty: before.count === 0 } : result;
  } catch (e) {
    layout.index = undefined;
    throw e;
  }
}
