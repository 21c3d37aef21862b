// Add stock: how many, where (empty = unassigned), why, at what cost, and where it came from (attributes).
import { REASONS_IN } from '../../domain/events';
import { quantityAt, type Item } from '../../domain/inventory';
import { validateLocation, validatePositive, validateText, type FieldErrors } from '../../domain/validation';
import { qty } from '../format';
import { knownLocations } from '../known';
import { useState } from 'preact/hooks';
import { AttributesEditor } from './AttributesEditor';
import { parseRows, type AttrRow } from './attributes';
import { Field, Suggestions } from './Field';
import { FormShell } from './FormShell';
import { mergeErrors } from './mergeErrors';
import { optionalText, parseNumber, useForm } from './useForm';

export function AddStockForm({ item }: { item: Item }) {
  const form = useForm({ quantity: '', location: '', reason: '', unitCost: '', note: '' });
  const [rows, setRows] = useState<AttrRow[]>([]);
  const attr = parseRows(rows);
  const v = form.values;
  const id = `add-${item.id}`;
  const quantity = parseNumber(v.quantity);
  const unitCost = parseNumber(v.unitCost);
  const errors: FieldErrors | undefined = mergeErrors(
    validatePositive('quantity', quantity),
    validateLocation('location', v.location),
    validateText('reason', v.reason),
    validateText('note', v.note),
    unitCost === undefined ? undefined : validatePositive('unitCost', unitCost, true),
  );
  const location = optionalText(v.location);
  const here = quantityAt(item, location);

  return (
    <FormShell
      refusal={form.refusal}
      submitLabel="Add stock"
      canSubmit={!errors && Object.keys(attr.errors).length === 0}
      busy={form.busy}
      onSubmit={() =>
        void form.submit({
          type: 'addStock',
          itemId: item.id,
          quantity: quantity!,
          location,
          reason: optionalText(v.reason),
          unitCost,
          note: optionalText(v.note),
          attributes: attr.attributes,
        })
      }
    >
      <div class="field-row">
        <Field id={`${id}-quantity`} label={`Quantity${item.unit ? ` (${item.unit})` : ''}`} error={form.errorFor(errors, 'quantity')}>
          {(c) => <input {...c} {...form.bind('quantity')} type="number" inputMode="decimal" step="any" min="0" />}
        </Field>
        <Field id={`${id}-location`} label="Location" hint={location ? (here ? `Now ${qty(here)} here.` : 'None here yet.') : 'Leave empty for unassigned.'} error={form.errorFor(errors, 'location')}>
          {(c) => <input {...c} {...form.bind('location')} list={`${id}-locations`} autoComplete="off" />}
        </Field>
      </div>
      <Suggestions id={`${id}-locations`} values={knownLocations.value} />
      <div class="field-row">
        <Field id={`${id}-reason`} label="Reason (optional)" error={form.errorFor(errors, 'reason')}>
          {(c) => <input {...c} {...form.bind('reason')} list={`${id}-reasons`} autoComplete="off" />}
        </Field>
        <Field id={`${id}-cost`} label="Unit cost (optional)" error={form.errorFor(errors, 'unitCost')}>
          {(c) => <input {...c} {...form.bind('unitCost')} type="number" inputMode="decimal" step="any" min="0" />}
        </Field>
      </div>
      <Suggestions id={`${id}-reasons`} values={REASONS_IN} />
      <Field id={`${id}-note`} label="Note (optional)" error={form.errorFor(errors, 'note')}>
        {(c) => <input {...c} {...form.bind('note')} autoComplete="off" />}
      </Field>
      <AttributesEditor
        idPrefix={id}
        legend="Where it came from (optional)"
        hint="Origin, supplier, batch… recorded with this addition; the item page and Analytics show them."
        rows={rows}
        errors={attr.errors}
        onChange={setRows}
      />
      {form.refusal?.fields?.attributes && <p class="field-error">{form.refusal.fields.attributes}</p>}
    </FormShell>
  );
}
