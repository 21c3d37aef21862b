// "What do we use most, and when will it run out?": per item, removals per UTC day; the selector averages them
// over a recent window and divides what is on hand by that rate. Only StockRemoved is use: a count that finds
// less is a correction, not consumption, and would make a stocktake look like a spending spree.
import { quantityOf } from '../inventory';
import type { Projection } from './projection';
import { DAY_MS, msOf, round6, utcDay } from './time';

export interface ItemUse {
  /** UTC day number -> quantity removed that day. */
  readonly removedByDay: Map<number, number>;
  /** UTC day of the item's first event: a young item's rate is averaged over the days it has existed. */
  readonly firstDay: number;
  quantity: number;
  archived: boolean;
}

export interface BurnRate {
  readonly byItem: Map<string, ItemUse>;
  /** Epoch ms of the last event folded: the default end of the window (the domain has no clock). */
  readonly lastMs: number;
}

export const burnRate: Projection<BurnRate> = {
  name: 'burnRate',
  init: () => ({ byItem: new Map(), lastMs: Number.NEGATIVE_INFINITY }),
  step(acc, { event, after }) {
    const ms = msOf(event.time);
    const lastMs = ms > acc.lastMs ? ms : acc.lastMs;
    if (!after) return { ...acc, lastMs };
    let use = acc.byItem.get(after.id);
    if (!use) acc.byItem.set(after.id, (use = { removedByDay: new Map(), firstDay: utcDay(ms), quantity: 0, archived: false }));
    use.quantity = quantityOf(after);
    use.archived = after.archived;
    if (event.type === 'StockRemoved') {
      const day = utcDay(ms);
      use.removedByDay.set(day, round6((use.removedByDay.get(day) ?? 0) + event.data.quantity));
    }
    return { ...acc, lastMs };
  },
};

export interface BurnRateRow {
  itemId: string;
  /** Removed within the window. */
  removed: number;
  /** Days the average is over: the window, or fewer for an item younger than it. */
  days: number;
  perDay: number;
  quantity: number;
  /** On hand / per day; 0 when nothing is left. */
  runsOutInDays: number;
}

export interface BurnRateOptions {
  /** End of the window (epoch ms); defaults to the last event, so an old log still reads sensibly. */
  end?: number;
  windowDays?: number;
}

/** Items removed within the window (archived ones left out), soonest to run out first. */
export function burnRates(acc: BurnRate, opts: BurnRateOptions = {}): BurnRateRow[] {
  const windowDays = opts.windowDays ?? 30;
  const end = opts.end ?? acc.lastMs;
  if (!Number.isFinite(end)) return [];
  const endDay = utcDay(end);
  const startDay = endDay - windowDays + 1;
  const rows: BurnRateRow[] = [];
  for (const [itemId, use] of acc.byItem) {
    if (use.archived) continue;
    let removed = 0;
    for (const [day, q] of use.removedByDay) if (day >= startDay && day <= endDay) removed += q;
    if (removed <= 0) continue;
    const days = Math.max(1, endDay - Math.max(startDay, use.firstDay) + 1);
    const perDay = removed / days;
    rows.push({ itemId, removed: round6(removed), days, perDay, quantity: use.quantity, runsOutInDays: use.quantity > 0 ? use.quantity / perDay : 0 });
  }
  return rows.sort((a, b) => a.runsOutInDays - b.runsOutInDays || b.perDay - a.perDay || (a.itemId < b.itemId ? -1 : 1));
}

/** The window's first instant, for captions ("since 3 Mar"). */
export const windowStart = (end: number, windowDays = 30): number => (utcDay(end) - windowDays + 1) * DAY_MS;
