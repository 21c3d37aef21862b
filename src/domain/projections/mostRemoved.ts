// "What do we use up most, and why?": total quantity removed per item, broken down by the reason given.
import { roundQty } from '../inventory';
import type { Projection } from './projection';
import { ranked, type Ranked } from './mostCollected';

/** The reason key of removals recorded without one. */
export const NO_REASON = '';

export interface Removed {
  /** itemId -> total removed. */
  readonly totals: Map<string, number>;
  /** itemId -> reason -> quantity. */
  readonly reasonsByItem: Map<string, Map<string, number>>;
  /** reason -> quantity over all items. */
  readonly reasons: Map<string, number>;
}

// Reasons are free text with suggested values; "Sold" and "sold " are the same answer to "why".
export const reasonKey = (reason: string | undefined): string => reason?.trim().toLocaleLowerCase() ?? NO_REASON;

const add = (m: Map<string, number>, k: string, q: number) => m.set(k, roundQty((m.get(k) ?? 0) + q));

export const mostRemoved: Projection<Removed> = {
  name: 'mostRemoved',
  init: () => ({ totals: new Map(), reasonsByItem: new Map(), reasons: new Map() }),
  step(acc, { event }) {
    if (event.type !== 'StockRemoved') return acc;
    const { itemId, quantity } = event.data;
    const reason = reasonKey(event.data.reason);
    add(acc.totals, itemId, quantity);
    add(acc.reasons, reason, quantity);
    let mine = acc.reasonsByItem.get(itemId);
    if (!mine) acc.reasonsByItem.set(itemId, (mine = new Map()));
    add(mine, reason, quantity);
    return { ...acc };
  },
};

export interface ReasonShare {
  reason: string;
  quantity: number;
}

const byQuantity = (m: ReadonlyMap<string, number>): ReasonShare[] =>
  [...m].map(([reason, quantity]) => ({ reason, quantity })).sort((a, b) => b.quantity - a.quantity || (a.reason < b.reason ? -1 : 1));

export interface RemovedRow extends Ranked {
  reasons: ReasonShare[];
}

/** Most removed first, each with its reasons (largest first). */
export function topRemoved(acc: Removed, limit = 10): RemovedRow[] {
  return ranked(acc.totals, limit).map((r) => ({ ...r, reasons: byQuantity(acc.reasonsByItem.get(r.itemId) ?? new Map()) }));
}

/** Why things leave, over all items. */
export const removalReasons = (acc: Removed): ReasonShare[] => byQuantity(acc.reasons);
