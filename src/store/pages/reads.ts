// Reading the log back from its pages: forward over a key range, or backward from a key. Pages of any size
// (full ones, and the small tail pages appends leave) read the same way; only the page holding a bound needs
// a key per event.
import type { InventoryEvent } from '../../domain/events';
import { historyKey } from '../../domain/history';
import { upcastAll } from '../../domain/upcast';
import type { EventoryDB } from '../db';
import type { FilePage, StoredPage, TextPage } from '../types';
import { decodeEvents, follows, isFilePage, storedText } from './codec';
import { pageTexts, runBlob } from './files';

/**
 * A page's events as the app reads them: upcast to the current data version. Only reads upcast: a page rewritten
 * by a merge (layout.ts) keeps its events as stored.
 */
const readEvents = (row: TextPage): InventoryEvent[] => upcastAll(decodeEvents(row));

/** The events of one page with `afterKey < key <= toKey` (only a page holding a bound needs their keys). */
export function eventsBetween(row: TextPage, afterKey: string, toKey: string): InventoryEvent[] {
  const evs = readEvents(row);
  if (evs.length === 0) return evs;
  const whole = historyKey(evs[0]!) > afterKey && historyKey(evs[evs.length - 1]!) <= toKey;
  return whole ? evs : evs.filter((e) => {
    const k = historyKey(e);
    return k > afterKey && k <= toKey;
  });
}

/** The key of the page holding `key` (the last page starting at or below it), read without the page's value. */
export async function pageKeyAtOrBelow(db: EventoryDB, key: string): Promise<string> {
  // Only the key: the caller reads the page itself next, and a page's value is costly to clone twice.
  const first = await db.pages.where('lo').belowOrEqual(key).lastKey();
  return typeof first === 'string' ? first : '';
}

/** Pages as read, and as text (files.ts). */
interface Batch {
  rows: StoredPage[];
  texts: TextPage[];
}

/**
 * Events with `afterKey < key <= toKey`, in history order, a page at a time. The next `pagesPerRead` pages are
 * read while the caller works on these (a rebuild folds them), so that reading and folding overlap.
 */
export async function* readRange(db: EventoryDB, afterKey: string, toKey: string, pagesPerRead: number): AsyncGenerator<InventoryEvent[]> {
  const read = async (from: string, inclusive: boolean): Promise<Batch> => {
    const rows = await db.pages.where('lo').between(from, toKey, inclusive, true).limit(pagesPerRead).toArray();
    return { rows, texts: await pageTexts(db, rows) };
  };
  // Nothing lies between (a start whose snapshot is at the head): not even the page holding `afterKey` is read.
  if (afterKey >= toKey) return;
  let next: Promise<Batch> | undefined = read(await pageKeyAtOrBelow(db, afterKey), true);
  for (;;) {
    const batch: Batch = await next!;
    const { rows, texts } = batch;
    const more: boolean = rows.length === pagesPerRead;
    const last: string = rows[rows.length - 1]?.lo ?? '';
    // Read ahead, except a page at a time: that caller wants the first events only (the log's first time).
    next = more && pagesPerRead > 1 ? read(last, false) : undefined;
    // A caller that stops early never awaits it: its failure is not unhandled (one that goes on sees it).
    next?.catch(() => undefined);
    for (const row of texts) {
      const evs = eventsBetween(row, afterKey, toKey);
      if (evs.length) yield evs;
    }
    if (!more) return;
    next ??= read(last, false);
  }
}

/** Events with key < `beforeKey`, newest first, a page at a time. */
export async function* readBackward(db: EventoryDB, beforeKey: string, pagesPerRead: number): AsyncGenerator<InventoryEvent[]> {
  // The page holding `beforeKey` starts at or below it; every later read takes the pages below the last one.
  let query = db.pages.where('lo').belowOrEqual(beforeKey);
  for (;;) {
    const rows = await query.reverse().limit(pagesPerRead).toArray();
    for (const row of await pageTexts(db, rows)) {
      // Only the page holding beforeKey needs a key per event; every other page lies wholly below it.
      const evs = readEvents(row);
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
    query = db.pages.where('lo').below(lowest);
  }
}

/** Pages of a file handed over as one part at most: few parts, and the export's progress still moves. */
const RUN_PAGES = 64;

/**
 * The whole log as stored text, in history order, a page at a time (`n` events joined by ",\n"): what an
 * export writes, with no event parsed or stringified. Pages that follow each other in an imported file are
 * handed over together as the one part of the file that holds them, separators included, not read at all: the
 * download then copies a few ranges of the stored file, which is many times faster than one range per page.
 */

export async function* readTexts(db: EventoryDB, pagesPerRead: number): AsyncGenerator<{ n: number; text: string | Blob }> {
  let run: FilePage[] = [];
  const flush = async () => {
    const text = run.length ? await runBlob(db, run) : undefined;
    const n = run.reduce((sum, p) => sum + p.n, 0);
    run = [];
    return text && n > 0 ? { n, text } : undefined;
  };
  let rows = await db.pages.orderBy('lo').limit(pagesPerRead).toArray();
  for (;;) {
    for (const row of rows) {
      if (isFilePage(row) && (run.length === 0 || (run.length < RUN_PAGES && follows(run[run.length - 1]!, row)))) {
        run.push(row);
        continue;
      }
      const before = await flush();
      if (before) yield before;
      if (isFilePage(row)) run.push(row);
      else {
        const page = storedText(row);
        if (page.n > 0) yield page;
      }
    }
    if (rows.length < pagesPerRead) break;
    rows = await db.pages.where('lo').above(rows[rows.length - 1]!.lo).limit(pagesPerRead).toArray();
  }
  const last = await flush();
  if (last) yield last;
}
