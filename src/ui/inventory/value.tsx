// The inventory's value column and total ("Show value", `?value=1`): each item at its weighted average unit cost
// (the analytics' stock value, src/domain/projections/stockValueOverTime.ts), in the chosen currency. Loaded
// when first asked for: it folds the whole log once (the projection is then kept up to date by each change).
import { effect } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { quantityOf, type Item } from '../../domain/inventory';
import { stockValueOverTime } from '../../domain/projections/stockValueOverTime';
import { projection } from '../../state/projections';
import { plural } from '../format';
import { CurrencySelect } from '../CurrencySelect';
import { currency, money } from '../money';

/** Average unit cost per item id, once folded. */
export const averageCosts = (): ReadonlyMap<string, number> | undefined => projection(stockValueOverTime).value?.avgCost;

/** The average costs and the currency, once the projection is folded (for the CSV). */
export function costsWhenReady(): Promise<{ avgCost: ReadonlyMap<string, number>; currency: string }> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      const avgCost = averageCosts();
      if (!avgCost) return;
      resolve({ avgCost, currency: currency.peek() });
      queueMicrotask(() => stop());
    });
  });
}

/** The chosen currency (read in a render, it re-renders on a change). */
export const currencyCode = (): string => currency.value;

/** The value of `item`'s stock at `avg` each, as text; a dash when it never had a unit cost. */
export function valueOf(item: Item, avg: number | undefined, code = currency.value): string {
  if (avg === undefined) return '—';
  return money(Math.max(0, quantityOf(item)) * avg, code);
}

/** "Value of the 8 items shown: €123.45 (2 without a unit cost)", with the currency to read it in. */
export function ValueTotal({ items }: { items: readonly Item[] }) {
  const costs = averageCosts();
  const code = currency.value;
  const { total, unpriced } = useMemo(() => {
    let sum = 0;
    let none = 0;
    for (const i of items) {
      const avg = costs?.get(i.id);
      if (avg === undefined) none += quantityOf(i) > 0 ? 1 : 0;
      else sum += Math.max(0, quantityOf(i)) * avg;
    }
    return { total: sum, unpriced: none };
  }, [items, costs]);
  return (
    <div class="value-total">
      <p role="status">
        {costs === undefined ? (
          'Working out the value…'
        ) : (
          <>
            Value of the {plural(items.length, 'item')} shown: <strong>{money(total, code)}</strong>
            {unpriced > 0 && <span class="muted"> ({plural(unpriced, 'item')} in stock without a unit cost)</span>}
          </>
        )}
      </p>
      <CurrencySelect />
    </div>
  );
}
