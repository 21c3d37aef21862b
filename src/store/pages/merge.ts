// History-ordered pages: where a key belongs, and how new events merge into a page and split it.
import type { InventoryEvent } from '../../domain/events';
import { historyKey } from '../../domain/history';
import { PAGE_SIZE, PAGE_SPLIT } from '../db';
import type { Keyed, PageRow } from '../types';

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
export function weight(e: InventoryEvent): number {
  return e.type === 'EventsReverted' ? 1 + Math.ceil(e.data.eventIds.length / 10) : 1;
}

export function pageWeight(events: readonly InventoryEvent[]): number {
  let w = 0;
  for (const e of events) w += weight(e);
  return w;
}

/**
 * An append that would store an event twice (its history key, time and id, is already in the log or twice in the
 * batch). The importer skips what the log already holds, and commands make fresh ids, so reaching it is a bug.
 */
export class DuplicateEventError extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already in the log; nothing was written.`);
    this.name = 'DuplicateEventError';
  }
}

/** Throws DuplicateEventError when two neighbours of sorted `keyed` have one key. */
export function assertDistinct(keyed: readonly Keyed[]): void {
  for (let i = 1; i < keyed.length; i++) if (keyed[i]![0] === keyed[i - 1]![0]) throw new DuplicateEventError(keyed[i]![1].id);
}

/** Two runs sorted by key, merged in one pass (a sort of a million-event import would be one long task). */
function mergeSorted(a: readonly Keyed[], b: readonly Keyed[]): Keyed[] {
  // Appends at the end of history (the common case) need no merge: every added key is above the page's last.
  if (a.length === 0 || b.length === 0 || b[0]![0] > a[a.length - 1]![0]) return a.concat(b);
  const out: Keyed[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const c = byKey(a[i]!, b[j]!);
    if (c === 0) throw new DuplicateEventError(b[j]![1].id);
    out[n++] = c < 0 ? a[i++]! : b[j++]!;
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out;
}

/**
 * Merges keyed events into a page and cuts the result into pages of at most PAGE_SIZE in weight. `pause` is
 * awaited now and then: an import's last page takes a million events, and cutting them is not one task.
 */
export async function mergeIntoPages(page: PageRow, added: readonly Keyed[], isLast: boolean, pause: () => Promise<void> | undefined = () => undefined): Promise<PageRow[]> {
  const own: Keyed[] = page.events.map((e) => [historyKey(e), e] as const);
  // A page with nothing in it yet (an empty log's): the added events are the page, no copy of them.
  const merged = own.length === 0 ? added : mergeSorted(own, added);
  const limit = isLast ? PAGE_SIZE : PAGE_SPLIT;
  let total = 0;
  for (const m of merged) total += weight(m[1]);
  if (total <= limit) return [{ lo: page.lo, events: merged.map((m) => m[1]) }];
  const out: PageRow[] = [];
  let events: InventoryEvent[] = [];
  let lo = page.lo;
  let w = 0;
  for (const m of merged) {
    const mw = weight(m[1]);
    if (events.length && w + mw > PAGE_SIZE) {
      out.push({ lo, events });
      if ((out.length & 15) === 0) await pause();
      lo = m[0];
      events = [];
      w = 0;
    }
    events.push(m[1]);
    w += mw;
  }
  out.push({ lo, events });
  return out;
}
