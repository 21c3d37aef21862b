// "How much of this item did we have over time?": per item, a point at every event that changed its total
// quantity (the item page's chart). Events in one millisecond collapse into their last point.
import { quantityOf } from '../inventory';
import type { Projection } from './projection';
import { msOf } from './time';

export interface QuantitySeries {
  /** Epoch ms, ascending. */
  readonly times: number[];
  readonly quantities: number[];
}

export interface QuantityOverTime {
  readonly byItem: Map<string, QuantitySeries>;
}

export const quantityOverTime: Projection<QuantityOverTime> = {
  name: 'quantityOverTime',
  init: () => ({ byItem: new Map() }),
  step(acc, { event, before, after }) {
    if (!after) return acc;
    const q = quantityOf(after);
    let series = acc.byItem.get(after.id);
    if (series && before && quantityOf(before) === q) return acc;
    if (!series) acc.byItem.set(after.id, (series = { times: [], quantities: [] }));
    const t = msOf(event.time);
    const last = series.times.length - 1;
    if (last >= 0 && series.times[last] === t) series.quantities[last] = q;
    else {
      series.times.push(t);
      series.quantities.push(q);
    }
    return { byItem: acc.byItem };
  },
};

export const quantitySeries = (acc: QuantityOverTime, itemId: string): QuantitySeries | undefined => acc.byItem.get(itemId);
