// History-ordered pages: where a key belongs, and how new events merge into a page and split it.
import type { InventoryEvent } from '../domain/events';
import { historyKey } from '../domain/history';
import { PAGE_SIZE, PAGE_SPLIT, type PageRow } from './db';
import type { Keyed } from './sortKeyed';

const byKey = (a: Keyed, b: Keyed) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function lastIndexAtOrBelow(sorted: readonly string[], key: string): number {
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

/**
 * A page's cost is its size, not its event count: an undo of a large import names 10,000 ids. Weighing events
 * keeps such a revert from making the last page (read and rewritten by every append) heavy.
 */
function weight(e: InventoryEvent): number {
  return e.type === 'EventsReverted' ? 1 + Math.ceil(e.data.eventIds.length / 10) : 1;
}

/** Merges keyed events into a page and cuts the result into pages of at most PAGE_SIZE in weight. */
export function mergeIntoPages(page: PageRow, added: Keyed[], isLast: boolean): PageRow[] {
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
