// Reading the log back from its pages: forward over a key range, or backward from a key. Pages of any size
// (full ones, and the small tail pages appends leave) read the same way; only the page holding a bound needs
// a key per event.
import type { InventoryEvent } from '../domain/events';
import { historyKey } from '../domain/history';
import type { EventoryDB, TextPage } from './db';
import { decodeEvents, storedText } from './pageCodec';
import { isFilePage, pageBlob, pageTexts } from './pageFiles';

/** The events of one page with `afterKey < key <= toKey` (only a page holding a bound needs their keys). */
export function eventsBetween(row: TextPage, afterKey: string, toKey: string): InventoryEvent[] {
  const evs = decodeEvents(row);
  if (evs.length === 0) return evs;
  const whole = historyKey(evs[0]!) > afterKey && historyKey(evs[evs.length - 1]!) <= toKey;
  return whole ? evs : evs.filter((e) => {
    const k = historyKey(e);
    return k > afterKey && k <= toKey;
  });
}

/** The key of the page holding `key` (the last page starting at or below it), read without the page's value. */
export async function pageKeyAtOrBelow(db: EventoryDB, key: string): Promise<string> {
  // Reading the page itself cost a seek a third of a megabyte of structured clone, only to read it again.
  const first = await db.pages.where('lo').belowOrEqual(key).lastKey();
  return typeof first === 'string' ? first : '';
}

/**
 * Events with `afterKey < key <= toKey`, in history order, a page at a time. The next `pagesPerRead` pages are
 * read while the caller works on these (a rebuild folds them): reading and folding 1M events took 7.6 s one
 * after the other, measured in Chromium with pages that refer to an imported file.
 */
export async function* readRange(db: EventoryDB, afterKey: string, toKey: string, pagesPerRead: number): AsyncGenerator<InventoryEvent[]> {
  const read = async (from: string, inclusive: boolean) => {
    const rows = await db.pages.where('lo').between(from, toKey, inclusive, true).limit(pagesPerRead).toArray();
    return { rows, texts: await pageTexts(db, rows) };
  };
  let next = read(await pageKeyAtOrBelow(db, afterKey), true);
  for (;;) {
    const { rows, texts } = await next;
    const more = rows.length === pagesPerRead;
    if (more) {
      next = read(rows[rows.length - 1]!.lo, false);
      // A caller that stops early never awaits it: its failure is not unhandled (one that goes on sees it).
      next.catch(() => undefined);
    }
    for (const row of texts) {
      const evs = eventsBetween(row, afterKey, toKey);
      if (evs.length) yield evs;
    }
    if (!more) return;
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
      const evs = decodeEvents(row);
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

/**
 * The whole log as stored text, in history order, a page at a time (`n` events joined by ",\n"): what an
 * export writes, with no event parsed or stringified. A file page is handed over as the part of its file that
 * holds its text, not read at all.
 */
export async function* readTexts(db: EventoryDB, pagesPerRead: number): AsyncGenerator<{ n: number; text: string | Blob }> {
  let rows = await db.pages.orderBy('lo').limit(pagesPerRead).toArray();
  for (;;) {
    for (const row of rows) {
      const page = isFilePage(row) ? { n: row.n, text: await pageBlob(db, row) } : storedText(row);
      if (page.n > 0) yield page;
    }
    if (rows.length < pagesPerRead) return;
    rows = await db.pages.where('lo').above(rows[rows.length - 1]!.lo).limit(pagesPerRead).toArray();
  }
}
