// Remove stock: from a location that has some. Taking more than is there is the engine's call: its
// refusal appears in the alert and under the quantity, and nothing is written.
import { REASONS_OUT } from '../../domain/events';
import { quantityAt, type Item } from '../../domain/inventory';
import { validateLocation, validatePositive, validateText } from '../../domain/validation';
import { locationName, qty, quickRemoveLocation } from '../format';
import { Field, Suggestions } from './Field';
import { FormShell } from './FormShell';
import { LocationSelect } from './LocationSelect';
import { mergeErrors } from './mergeErrors';
import { optionalText, parseNumber, useForm } from './useForm';

export function RemoveStockForm({ item }: { item: Item }) {
  const form = useForm({ quantity: '', location: quickRemoveLocation(item) ?? '', reason: '', note: '' });
  const v = form.values;
  const id = `remove-${item.id}`;
  const quantity = parseNumber(v.quantity);
  const errors = mergeErrors(
    validatePositive('quantity', quantity),
    validateLocation('location', v.location),
    validateText('reason', v.reason),
    validateText('note', v.note),
  );
  const available = quantityAt(item, v.location);

  return (
    <FormShell
      refusal={form.refusal}
      submitLabel="Remove stock"
      canSubmit={!errors}
      busy={form.busy}
      onSubmit={() =>
        void form.submit({
          type: 'removeStock',
          itemId: item.id,
          quantity: quantity!,
          location: optionalText(v.location),
          reason: optionalText(v.reason),
          note: optionalText(v.note),
        })
      }
    >
      <div class="field-row">
        <Field id={`${id}-quantity`} label={`Quantity${item.unit ? ` (${item.unit})` : ''}`} hint={`${qty(available)} available at ${locationName(v.location)}.`} error={form.errorFor(errors, 'quantity')}>
          {(c) => <input {...c} {...form.bind('quantity')} type="number" inputMode="decimal" step="any" min="0" />}
        </Field>
        <Field id={`${id}-location`} label="From location" error={form.errorFor(errors, 'location')}>
          {(c) => <LocationSelect {...c} item={item} {...form.bind('location')} />}
        </Field>
      </div>
      <Field id={`${id}-reason`} label="Reason (optional)" error={form.errorFor(errors, 'reason')}>
        {(c) => <input {...c} {...form.bind('reason')} list={`${id}-reasons`} autoComplete="off" />}
      </Field>
      <Suggestions id={`${id}-reasons`} values={REASONS_OUT} />
      <Field id={`${id}-note`} label="Note (optional)" error={form.errorFor(errors, 'note')}>
        {(c) => <input {...c} {...form.bind('note')} autoComplete="off" />}
      </Field>
    </FormShell>
  );
}
