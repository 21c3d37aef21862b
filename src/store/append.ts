// The write path of the log, loaded with the first append (it is not needed to show the inventory): keys and
// sorts the batch, plans the page writes against the cached layout (pages/layout.ts), and writes everything in one
// transaction that checks the log's version first.
import Dexie from 'dexie';
import type { InventoryEvent } from '../domain/events';
import { makeYielder } from '../lib/yieldToMain';
import { HEAD_KEY, IDS_PART, importIdsKey, JOURNAL_KEEP, type EventoryDB } from './db';
import { readHead, readReverts } from './logMeta';
import { afterWrite, loadIndex, planInsert, planTailAppend, type PageIndex } from './pages/layout';
import { assertDistinct } from './pages/merge';
import { writePages } from './pages/writes';
import { REVERTS_KEY, revertsText } from './reverts/record';
import { batchKeys, revertRows, settleReverts, withChanged } from './reverts/settle';
import { keyAndSort } from './sortKeyed';
import type { AppendOptions, AppendResult, FileBytes, HeadRow, ImportedFile, ImportIdsRow, JournalRow, Keyed, PagePlan, RevertRow } from './types';

/**
 * Old journal rows are deleted once every this many versions, not on every append (a range delete per command
 * showed in the append profile). Between trims the journal holds up to JOURNAL_KEEP + JOURNAL_TRIM_EVERY - 1
 * rows; readers only ever need the ones after their version.
 */
export const JOURNAL_TRIM_EVERY = 50;

/**
 * The share of a batch's progress given to the work before its pages are written: a tenth when the pages carry
 * their text (its clone is most of the write); more than half for an import whose pages may refer to its file,
 * as their puts are small rows (at 1M events the preparation takes about twice as long as the puts).
 */
const prepShare = (opts: AppendOptions) => (opts.file ? 0.6 : 0.1);

/** What one store keeps between appends: the page layout as it last wrote or read it. */
export interface Layout {
  index?: PageIndex | undefined;
}

/**
 * The import's rows of ids (types.ts ImportIdsRow): the ids of `keyed` as JSON arrays of up to IDS_PART ids each,
 * stringified a part at a time (a million ids: ~0.5 s).
 */
async function idsRows(importId: string, keyed: readonly Keyed[], pause: () => Promise<void> | undefined, progress: (share: number) => void): Promise<ImportIdsRow[]> {
  const rows: ImportIdsRow[] = [];
  const part: string[] = [];
  for (let i = 0; i < keyed.length; i += IDS_PART) {
    part.length = 0;
    for (let j = i; j < Math.min(i + IDS_PART, keyed.length); j++) part.push(keyed[j]![1].id);
    rows.push({ id: importIdsKey(importId, rows.length), ids: JSON.stringify(part) });
    progress((i + IDS_PART) / keyed.length);
    await pause();
  }
  return rows;
}

/**
 * Where each page's text is in the imported file (types.ts FileBytes), or undefined when the pages would refer
 * to less than half of the file's bytes (an import of mostly known events): the file is then not kept.
 */
async function fileRefs(plan: PagePlan, src: string, file: ImportedFile, pause: () => Promise<void> | undefined): Promise<(FileBytes | undefined)[] | undefined> {
  const refs: (FileBytes | undefined)[] = [];
  let bytes = 0;
  for (const page of plan.writes) {
    const at = page.events.length > 0 ? file.bytesOf(page.events) : undefined;
    refs.push(at && { src, start: at[0], end: at[1] });
    if (at) bytes += at[1] - at[0];
    if ((refs.length & 63) === 0) await pause();
  }
  return bytes * 2 >= file.blob.size ? refs : undefined;
}

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
  // The work before the transaction (keys, sort, pages, reverts, ids: ~2 s at 1M events) yields now and then.
  // It is reported as the first prepShare of the write, a step at a time, so that a progress bar moves before
  // the first page is written (else it would stand at 0% for seconds); the page writes report the rest.
  const total = events.length;
  const report = opts.onProgress;
  let prepared = 0;
  const step = (share: number) => {
    prepared = Math.floor(total * prepShare(opts) * share);
    report?.(prepared, total);
  };
  /** A step from `from` to `to` (shares of the preparation) told how far it is: the bar moves within it. */
  const within = (from: number, to: number) => (share: number) => step(from + (to - from) * Math.min(1, share));
  const yielder = makeYielder();
  const pause = () => {
    const p = yielder();
    if (p) report?.(prepared, total);
    return p;
  };
  const keyed = await keyAndSort(events, pause, report && within(0, 0.4));
  assertDistinct(keyed);
  step(0.4);
  const plan = (!opts.bulk && planTailAppend(index, keyed)) || (await planInsert(db, index, keyed, pause));
  step(0.6);
  const minKey = keyed[0]![0];
  const maxKey = keyed[keyed.length - 1]![0];
  const { rows: reverts, inBatch } = await revertRows(keyed, opts.targetKey, pause);
  step(0.7);
  const importIds = opts.importRecord ? await idsRows(opts.importRecord.id, keyed, pause, within(0.7, 0.9)) : [];
  const inFile = opts.importRecord && opts.file ? await fileRefs(plan, opts.importRecord.id, opts.file, pause) : undefined;
  step(0.9);
  // A large batch (an import) settles the reverts before the transaction, in slices (~0.2 s at 1M events):
  // the reverts table only changes with the log's version, which the transaction checks again.
  let settled: RevertRow[] | undefined;
  let settledText: string | undefined;
  if (keyed.length > 1000) {
    const [head, existing] = await db.transaction('r', db.meta, db.reverts, () => Promise.all([readHead(db), readReverts(db)]));
    if (head.version !== expectedVersion) {
      layout.index = undefined;
      return { ok: false, head };
    }
    // With no reverts in the log yet (an import into an empty log), the batch's keys are those revertRows found.
    settled = settleReverts(existing, reverts, keyed, existing.length === 0 ? inBatch : await batchKeys(keyed, [...existing, ...reverts], pause));
    if (settled.length) settledText = revertsText(withChanged(existing, settled));
  }
  step(1);

  try {
    const result = await db.transaction('rw', [db.pages, db.snapshots, db.reverts, db.journal, db.meta, db.imports, db.importIds, db.importFiles], async (tx) => {
      // Requests are issued together and awaited once: each awaited request is a round trip to the IndexedDB
      // backend, and a command used to make five in a row. IndexedDB still runs them in the order issued.
      // Reverts are few; still, a plain command need not read them: the index finds any that name its events.
      const [head, named] = await Promise.all([
        readHead(db),
        settled || reverts.length ? 1 : db.reverts.where('eventIds').anyOf(keyed.map((k) => k[1].id)).count(),
      ]);
      if (head.version !== expectedVersion) return { ok: false as const, head };
      let changed = settled ?? [];
      let allText = settledText;
      if (!settled && named) {
        const existing = await readReverts(db);
        changed = settleReverts(existing, reverts, keyed);
        if (changed.length) allText = revertsText(withChanged(existing, changed));
      }
      const next: HeadRow = {
        version: head.version + 1,
        count: head.count + keyed.length,
        lastKey: maxKey > head.lastKey ? maxKey : head.lastKey,
      };
      const entry: JournalRow = opts.bulk ? { version: next.version, minKey } : { version: next.version, minKey, events: keyed.map((k) => k[1]) };
      const writes: Promise<unknown>[] = [db.journal.add(entry), db.meta.put({ key: HEAD_KEY, value: next })];
      if (minKey <= head.lastKey) writes.push(db.snapshots.where('key').aboveOrEqual(minKey).delete());
      // The table and its one-record copy change together (reverts/record.ts REVERTS_KEY).
      if (changed.length) writes.push(db.reverts.bulkPut(changed), db.meta.put({ key: REVERTS_KEY, value: allText }));
      if (opts.importRecord) writes.push(db.imports.put(opts.importRecord));
      if (inFile) writes.push(db.importFiles.put({ id: opts.importRecord!.id, file: opts.file!.blob }));
      if (next.version % JOURNAL_TRIM_EVERY === 0) writes.push(db.journal.where('version').belowOrEqual(next.version - JOURNAL_KEEP).delete());
      // Last: the native page writes make no Dexie call (see pages/writes.ts).
      const along = importIds.map((value) => ({ store: 'importIds', value }));
      const written = report && ((done: number, all: number) => report(Math.min(all, prepared + Math.round((done / all) * (all - prepared))), all));
      writes.push(writePages(tx, plan, written, opts.textOf, along, inFile));
      await Promise.all(writes);
      const { whileCommitting } = opts;
      if (whileCommitting) Dexie.ignoreTransaction(() => whileCommitting(keyed, changed));
      return { ok: true as const, head: next };
    });
    layout.index = result.ok ? afterWrite(index, plan, result.head) : undefined;
    return result.ok ? { ...result, sorted: keyed, wasEmpty: before.count === 0, released: plan.released ?? [] } : result;
  } catch (e) {
    layout.index = undefined;
    throw e;
  }
}
