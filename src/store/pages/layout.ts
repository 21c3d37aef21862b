// The page layout kept in memory between appends, and the page writes an append makes. With the layout cached,
// a command at the end of history reads no page and rewrites only a small tail page (≤ TAIL_PAGE events), in a
// single transaction, instead of reading every page key and rewriting a whole page for one new event.
import Dexie from 'dexie';
import { makeYielder } from '../../lib/yieldToMain';
import { PAGE_SIZE, type EventoryDB } from '../db';
import { readHead } from '../logMeta';
import type { HeadRow, Keyed, PagePlan, PageRow, StoredPage } from '../types';
import { decodePage } from './codec';
import { pageTexts } from './files';
import { lastIndexAtOrBelow, mergeIntoPages, pageWeight } from './merge';

/**
 * Weight of the page an append at the end of history rewrites before it starts a new one: small enough that
 * cloning it costs about as much as cloning one event. A write policy, not the layout (pages of any size are
 * legal), so changing it needs no migration. The tail is merged into one page when it reaches PAGE_SIZE, so a
 * log still ends up in ~PAGE_SIZE pages.
 */
export const TAIL_PAGE = 64;

/**
 * The layout of the log at `head.version`: valid only while the log is still at that version (every append
 * bumps it, and the append transaction checks it, so a stale index never reaches the disk).
 */
export interface PageIndex {
  head: HeadRow;
  /** Every page's `lo`, ascending. */
  los: string[];
  /** The contents of the last `tail.length` pages, in order, of total weight ≤ PAGE_SIZE when more than one. */
  tail: PageRow[];
}

/** Reads the head and the layout in one transaction, so they agree. */
export function loadIndex(db: EventoryDB): Promise<PageIndex> {
  return db.transaction('r', db.pages, db.meta, async () => {
    const head = await readHead(db);
    const los = (await db.pages.toCollection().primaryKeys()) as string[];
    const tail: PageRow[] = [];
    // Take pages from the end while they fit in one page together: small pages left by an earlier session are
    // merged by the next compaction. Usually the page before the last is full and two rows are read.
    let weight = 0;
    let upper: string | undefined;
    for (let batch = 2; ; batch *= 4) {
      const below = upper === undefined ? db.pages.toCollection() : db.pages.where('lo').below(upper);
      // A page of an imported file is read from it while the transaction is kept alive.
      const rows = (await Dexie.waitFor(pageTexts(db, await below.reverse().limit(batch).toArray()))).map(decodePage);
      for (const row of rows) {
        const w = pageWeight(row.events);
        if (tail.length > 0 && weight + w > PAGE_SIZE) return { head, los, tail: tail.reverse() };
        tail.push(row);
        weight += w;
      }
      if (rows.length < batch) return { head, los, tail: tail.reverse() };
      upper = rows[rows.length - 1]!.lo;
    }
  });
}

/**
 * The writes for a small batch that lands after the head (a command): grow the last page up to TAIL_PAGE, else
 * start a new one; when the tail holds a page's worth, merge it into one page first. Undefined when the batch
 * is not such a case (late, large, or the tail is unknown): planInsert handles it.
 */
export function planTailAppend(index: PageIndex, keyed: readonly Keyed[]): PagePlan | undefined {
  if (keyed[0]![0] <= index.head.lastKey) return undefined;
  const events = keyed.map((k) => k[1]);
  const w = pageWeight(events);
  if (w > TAIL_PAGE) return undefined;
  const { tail, los } = index;
  const last = tail[tail.length - 1];
  if (!last) return los.length === 0 ? { writes: [{ lo: '', events }], deletes: [] } : undefined;
  if (last.lo !== los[los.length - 1]) return undefined;
  // The tail never outgrows one page (afterWrite would otherwise drop its oldest page, which then never merges).
  const full = tail.length > 1 && tail.reduce((sum, p) => sum + pageWeight(p.events), w) > PAGE_SIZE;
  if (!full && pageWeight(last.events) + w <= TAIL_PAGE) return { writes: [{ lo: last.lo, events: last.events.concat(events) }], deletes: [], released: filesOf([last]) };
  const fresh: PageRow = { lo: keyed[0]![0], events };
  if (full) {
    // Compaction: one append in about PAGE_SIZE writes a full page; the others stay small.
    return { writes: [{ lo: tail[0]!.lo, events: tail.flatMap((p) => p.events) }, fresh], deletes: tail.slice(1).map((p) => p.lo), released: filesOf(tail) };
  }
  return { writes: [fresh], deletes: [] };
}

/**
 * The writes that make `keyed` (sorted, any keys) take its place in history. Pages of the cached tail are
 * merged into one when the batch reaches them; other pages it lands in are read (the transaction's version
 * check makes sure they are still current).
 */
export async function planInsert(db: EventoryDB, index: PageIndex, keyed: readonly Keyed[], pause: () => Promise<void> | undefined = makeYielder()): Promise<PagePlan> {
  // Into an empty log (an import, usually) every event goes to the one page at '': nothing to group or read.
  if (index.head.count === 0 && index.los.length === 0) return { writes: await mergeIntoPages({ lo: '', events: [] }, keyed, true, pause), deletes: [] };
  let los = index.los.length ? index.los : [''];
  const known = new Map(index.tail.map((p) => [p.lo, p]));
  const deletes: string[] = [];
  const { tail } = index;
  const replaced: PageRow[] = [];
  if (tail.length > 1 && tail[tail.length - 1]!.lo === los[los.length - 1] && keyed[keyed.length - 1]![0] >= tail[0]!.lo) {
    replaced.push(...tail);
    los = los.slice(0, los.length - tail.length + 1);
    known.set(tail[0]!.lo, { lo: tail[0]!.lo, events: tail.flatMap((p) => p.events) });
    deletes.push(...tail.slice(1).map((p) => p.lo));
  }
  const groups = new Map<number, Keyed[]>();
  for (let n = 0; n < keyed.length; n++) {
    const k = keyed[n]!;
    const i = Math.max(0, lastIndexAtOrBelow(los, k[0]));
    let g = groups.get(i);
    if (!g) groups.set(i, (g = []));
    g.push(k);
    if ((n & 8191) === 8191) await pause();
  }
  const unknown = [...groups.keys()].map((i) => los[i]!).filter((lo) => !known.has(lo));
  const fetched = unknown.length ? (await db.pages.bulkGet(unknown)).filter((row): row is StoredPage => row !== undefined) : [];
  for (const row of await pageTexts(db, fetched)) known.set(row.lo, decodePage(row));
  const writes: PageRow[] = [];
  for (const [i, added] of groups) {
    const page = known.get(los[i]!) ?? { lo: los[i]!, events: [] };
    replaced.push(page);
    for (const row of await mergeIntoPages(page, added, i === los.length - 1, pause)) writes.push(row);
    await pause();
  }
  return { writes, deletes, released: filesOf(replaced) };
}

/** The imported files that `pages` were read from (PageRow.from), each once. */
function filesOf(pages: readonly PageRow[]): string[] {
  return [...new Set(pages.flatMap((p) => (p.from === undefined ? [] : [p.from])))];
}

/** The layout after `plan` was written and the log moved to `head`. */
export function afterWrite(index: PageIndex, plan: PagePlan, head: HeadRow): PageIndex {
  const gone = new Set(plan.deletes);
  let los = gone.size ? index.los.filter((lo) => !gone.has(lo)) : index.los.slice();
  if (plan.writes.length > 16) los = [...new Set(los.concat(plan.writes.map((p) => p.lo)))].sort();
  else {
    for (const { lo } of plan.writes) {
      const at = lastIndexAtOrBelow(los, lo);
      if (los[at] !== lo) los.splice(at + 1, 0, lo);
    }
  }
  const known = new Map<string, PageRow>();
  for (const p of index.tail) if (!gone.has(p.lo)) known.set(p.lo, p);
  for (const p of plan.writes) known.set(p.lo, p);
  // The new tail: pages from the end whose contents are known, while they fit in one page together.
  const tail: PageRow[] = [];
  let weight = 0;
  for (let i = los.length - 1; i >= 0; i--) {
    const p = known.get(los[i]!);
    if (!p) break;
    const w = pageWeight(p.events);
    if (tail.length > 0 && weight + w > PAGE_SIZE) break;
    tail.push(p);
    weight += w;
  }
  return { head, los, tail: tail.reverse() };
}
