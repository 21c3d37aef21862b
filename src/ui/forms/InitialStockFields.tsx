// The "initial stock" part of the New item form: how many, where, at what cost each (all optional). Filled in,
// the item is created with that stock in one action (spec: ItemCreated + StockAdded sharing a correlation id).
import type { InitialStock } from '../../domain/groupedCommands';
import { initialStockErrors } from '../../domain/groupedCommands';
import type { FieldErrors } from '../../domain/validation';
import { knownLocations } from '../known';
import { Field, Suggestions } from './Field';
import { optionalText, parseNumber } from './useForm';

export type StockKey = 'quantity' | 'location' | 'unitCost';
export const EMPTY_STOCK: Record<StockKey, string> = { quantity: '', location: '', unitCost: '' };

/** The initial stock the fields describe; undefined when the quantity is left empty (no stock yet). */
export function initialStockOf(v: Record<StockKey, string>): InitialStock | undefined {
  const quantity = parseNumber(v.quantity);
  if (quantity === undefined && v.unitCost.trim() === '' && v.location.trim() === '') return undefined;
  // A location or cost without a quantity is a mistake to show, not stock to drop silently.
  return { quantity: quantity ?? Number.NaN, location: optionalText(v.location), unitCost: parseNumber(v.unitCost) };
}

export const stockErrorsOf = (v: Record<StockKey, string>): FieldErrors | undefined => {
  const s = initialStockOf(v);
  return s && initialStockErrors(s);
};

interface Props {
  id: string;
  unit: string;
  bind: (k: StockKey) => { name: string; value: string; onInput: (e: Event) => void };
  error: (k: StockKey) => string | undefined;
}

export function InitialStockFields({ id, unit, bind, error }: Props) {
  return (
    <fieldset class="initial-stock">
      <legend>Stock now (optional)</legend>
      <div class="field-row field-row-3">
        <Field id={`${id}-quantity`} label={`Quantity${unit.trim() ? ` (${unit.trim()})` : ''}`} error={error('quantity')}>
          {(c) => <input {...c} {...bind('quantity')} type="number" inputMode="decimal" step="any" min="0" />}
        </Field>
        <Field id={`${id}-location`} label="Location" hint="Empty: unassigned" error={error('location')}>
          {(c) => <input {...c} {...bind('location')} list={`${id}-locations`} autoComplete="off" />}
        </Field>
        <Field id={`${id}-cost`} label="Unit cost" error={error('unitCost')}>
          {(c) => <input {...c} {...bind('unitCost')} type="number" inputMode="decimal" step="any" min="0" />}
        </Field>
      </div>
      <Suggestions id={`${id}-locations`} values={knownLocations.value} />
    </fieldset>
  );
}
