// "What is our stock worth, and how did that change?" Valued at each item's weighted average unit cost (the
// usual perpetual-inventory method): an addition with a unitCost blends into the average by quantity, an
// addition without one enters at the current average, and removals, moves and counts leave the average alone
// (they take stock at what it cost on average). Why not the last unit cost: one odd purchase would revalue
// everything on the shelf. Negative quantities (unresolved conflicts) count as zero stock, not negative worth.
// Items never given a unit cost are worth 0 here and listed by `unpricedItems` so the UI can say so.
import { quantityOf, type Item } from '../inventory';
import type { Projection } from './projection';
import { msOf, round6, utcDay } from './time';

export interface StockValue {
  /** itemId -> weighted average unit cost (only items that ever had a unitCost). */
  readonly avgCost: Map<string, number>;
  /** itemId -> quantity on hand, clamped at 0. */
  readonly onHand: Map<string, number>;
  /** Total value now. */
  readonly total: number;
  /** UTC day numbers with a value change, ascending, and the total at the end of each. */
  readonly days: number[];
  readonly values: number[];
}

const held = (item: Item | undefined): number => (item ? Math.max(0, quantityOf(item)) : 0);

export const stockValueOverTime: Projection<StockValue> = {
  name: 'stockValueOverTime',
  init: () => ({ avgCost: new Map(), onHand: new Map(), total: 0, days: [], values: [] }),
  step(acc, { event, before, after }) {
    if (event.type !== 'StockAdded' && event.type !== 'StockRemoved' && event.type !== 'StockCounted') return acc;
    const id = event.data.itemId;
    const qBefore = held(before);
    const qAfter = held(after);
    const oldAvg = acc.avgCost.get(id);
    let avg = oldAvg;
    if (event.type === 'StockAdded' && event.data.unitCost !== undefined) {
      const cost = event.data.unitCost;
      const q = event.data.quantity;
      avg = oldAvg !== undefined && qBefore > 0 ? round6((qBefore * oldAvg + q * cost) / (qBefore + q)) : cost;
      acc.avgCost.set(id, avg);
    }
    if (qAfter === 0) acc.onHand.delete(id);
    else acc.onHand.set(id, qAfter);
    const delta = (avg ?? 0) * qAfter - (oldAvg ?? 0) * qBefore;
    // A new shell even without a value change: onHand (and so the unpriced list) may have changed.
    if (delta === 0) return { ...acc };
    const total = round6(acc.total + delta);
    const day = utcDay(msOf(event.time));
    const last = acc.days.length - 1;
    if (last >= 0 && acc.days[last] === day) acc.values[last] = total;
    else {
      acc.days.push(day);
      acc.values.push(total);
    }
    return { ...acc, total };
  },
};

/** Items with stock on hand but no unit cost ever recorded: their value is unknown, not zero. */
export const unpricedItems = (acc: StockValue): string[] => [...acc.onHand.keys()].filter((id) => !acc.avgCost.has(id)).sort();
