// Move stock between two locations of one item (empty destination = unassigned).
import { quantityAt, type Item } from '../../domain/inventory';
import { validateLocation, validatePositive } from '../../domain/validation';
import { locationName, qty, quickRemoveLocation } from '../format';
import { knownLocations } from '../known';
import { Field, Suggestions } from './Field';
import { FormShell } from './FormShell';
import { LocationSelect } from './LocationSelect';
import { mergeErrors } from './mergeErrors';
import { optionalText, parseNumber, useForm } from './useForm';

export function MoveStockForm({ item }: { item: Item }) {
  const form = useForm({ quantity: '', from: quickRemoveLocation(item) ?? '', to: '' });
  const v = form.values;
  const id = `move-${item.id}`;
  const quantity = parseNumber(v.quantity);
  const sameAsFrom = v.to.trim() === v.from.trim() ? { to: 'Choose a different location from the origin.' } : undefined;
  const errors = mergeErrors(validatePositive('quantity', quantity), validateLocation('from', v.from), validateLocation('to', v.to), sameAsFrom);
  const available = quantityAt(item, v.from);
  const to = optionalText(v.to);

  return (
    <FormShell
      refusal={form.refusal}
      submitLabel="Move stock"
      canSubmit={!errors}
      busy={form.busy}
      onSubmit={() => void form.submit({ type: 'moveStock', itemId: item.id, quantity: quantity!, from: optionalText(v.from), to })}
    >
      <Field id={`${id}-quantity`} label={`Quantity${item.unit ? ` (${item.unit})` : ''}`} hint={`${qty(available)} available at ${locationName(v.from)}.`} error={form.errorFor(errors, 'quantity')}>
        {(c) => <input {...c} {...form.bind('quantity')} type="number" inputMode="decimal" step="any" min="0" />}
      </Field>
      <div class="field-row">
        <Field id={`${id}-from`} label="From" error={form.errorFor(errors, 'from')}>
          {(c) => <LocationSelect {...c} item={item} {...form.bind('from')} />}
        </Field>
        <Field id={`${id}-to`} label="To" hint={to ? (quantityAt(item, to) ? `Now ${qty(quantityAt(item, to))} there.` : 'None there yet.') : 'Leave empty for unassigned.'} error={form.errorFor(errors, 'to')}>
          {(c) => <input {...c} {...form.bind('to')} list={`${id}-locations`} autoComplete="off" />}
        </Field>
      </div>
      <Suggestions id={`${id}-locations`} values={knownLocations.value.filter((l) => l !== v.from)} />
    </FormShell>
  );
}
